// Keyboard navigation on top of ImGui 1.86's own (arrows move the focus between items, Space
// presses or starts tweaking, Enter types, Escape leaves a field), so that the keyboard alone
// reaches every control, in the page's Tab order:
//
//  - Tab and Shift+Tab go through every panel. 1.86 tabs within one window only (Ctrl+Tab, which
//    browsers keep for their own tabs, switches windows): here Tab off a panel's last control
//    goes on to the next panel's first (the sliders panel, then the worksheet; on a phone the top
//    bar, then the tabbed panel), and Shift+Tab off a panel's first control back to the panel
//    before. Off the app's last or first control, keyboard_left() tells the page, which moves the
//    browser's focus on to the page's next or previous control (web/page.js); a Tab from the
//    page into the app comes back as keyboard_enter().
//  - Tab from a control that merely has the focus (not a field being typed in) goes forward;
//    1.86 went back to the window's first tab stop.
//  - The control reached by Tab shows the focus ring (1.86 keeps it off after mouse use), and
//    Enter and Space work right after a mouse click (1.86 ignores them until a key moved the
//    focus). Enter presses buttons, as on the web (1.86: Space only).
//  - Escape leaves a text field or closes a list, and does nothing else (1.86 moved the focus to
//    the window around the sliders, from where Tab started over).
//
// Every control is a tab stop (1.86: the "inputable" items only, so buttons push
// ImGuiItemFlags_Inputable) and calls keyboard_tab_stop() right after it is submitted, with a
// description of itself for the page's accessible mirror (control_description.h).
#pragma once

#include <utility>

#include <imgui.h>

#include "app/control_description.h"

namespace app {

// Before ImGui::NewFrame: drops what 1.86 would misread this frame (Escape outside a field).
void keyboard_nav_before_new_frame();
// Once a frame, after ImGui::NewFrame, before any window.
void keyboard_nav_begin_frame();
// Once a frame, after every window: where a Tab that ran off a panel goes.
void keyboard_nav_end_frame();

// From the page: the browser's focus came into the app by Tab (+1: to its first control) or
// Shift+Tab (-1: to its last), or left it (the focus ring goes until keys come back).
void keyboard_enter(int direction);
void keyboard_blur();
// +1 or -1 when Tab or Shift+Tab ran off the app's last or first control this frame, else 0.
int keyboard_left();

// Call right after submitting a control (id 0: ImGui's last item). Makes Tab go on from it and
// records its panel's place in the Tab order. True when it has the keyboard focus.
bool keyboard_tab_stop(unsigned id = 0);
// The same, and when it has the focus, describe() (returning a ControlDescription) says what it
// is for the page.
template <class Describe>
void keyboard_tab_stop(Describe&& describe, unsigned id = 0) {
    if (keyboard_tab_stop(id)) describe_focused_control(std::forward<Describe>(describe)());
}
// While one lives, the items submitted are tab stops (ImGuiItemFlags_Inputable).
class TabStops {
public:
    TabStops();
    ~TabStops();
    TabStops(const TabStops&) = delete;
    TabStops& operator=(const TabStops&) = delete;
};

// Whether Tab is entering a panel this frame: nothing has the focus until the next.
bool keyboard_entering();
// Whether Tab or Shift+Tab is looking for the next control this frame (what is off screen and
// not drawn cannot be found).
bool keyboard_tabbing();
// A rectangle of the current window, drawn as something else (a worksheet cell), made a control
// for the keyboard: a tab stop with the focus ring, pressed by Enter or Space (true that frame),
// described by describe() when focused. Takes no room; the mouse is the caller's. `id` names it
// within the current ID scope.
bool keyboard_area_button(ImVec2 min, ImVec2 max, const char* id, bool* focused);
template <class Describe>
bool keyboard_area_button(ImVec2 min, ImVec2 max, const char* id, Describe&& describe) {
    bool focused = false;
    const bool pressed = keyboard_area_button(min, max, id, &focused);
    if (focused) describe_focused_control(std::forward<Describe>(describe)());
    return pressed;
}
// Whether control id has the keyboard focus now.
bool keyboard_has_focus(unsigned id);
// Says what the focused control is (its id is the focus's).
void describe_focused_control(ControlDescription d);
// This frame's description of control id (0: ImGui's last item) when it has the focus and has
// described itself, to add to; else null.
ControlDescription* focused_description(unsigned id = 0);
// The control with the keyboard focus, as described this frame (role None when there is none).
const ControlDescription& focused_control();

}  // namespace app
