// Keyboard navigation fixes on top of ImGui 1.86's own (arrows move the focus between items,
// Space presses or starts tweaking, Enter types, Escape leaves).
#pragma once

namespace app {

// Call right after submitting a tab stop (an item with ImGuiItemFlags_Inputable). Two fixes:
//  - ImGui 1.86 moves Tab forward only from an *active* item (a text field being edited): from
//    an item that merely has the focus, Tab went back to the first tab stop of the window, so
//    Tab from a focused slider or button got nowhere. Now, when this item has the focus and Tab
//    was pressed, the request goes on to the next tab stop (wrapping after the last). Shift+Tab
//    already worked.
//  - An item reached by Tab after a mouse click did not show the focus ring, and Space did not
//    press it (1.86 keeps the highlight off after mouse use); now the ring is shown.
void keyboard_tab_stop();

}  // namespace app
