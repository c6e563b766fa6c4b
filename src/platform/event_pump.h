// Hands SDL's events to Dear ImGui once per frame, without losing what happened between two
// frames.
//
// ImGui 1.86's SDL backend keeps keys as "down now" flags (io.KeysDown) that the events set and
// clear directly, reads modifiers from SDL's current state, latches only one mouse press per
// frame, and reads the pointer's position once per frame. So within one batch of events (one
// frame, which is long on a busy machine):
//  - a key pressed and released (a quick tap of Tab, Enter or an arrow) was never seen down;
//  - Ctrl released after a click hid the Ctrl from that click;
//  - the second click of a quick double-click merged with the first;
//  - a finger, which moves the pointer and presses in one go, pressed before anything was seen
//    hovered there: ImGui's tabs ignore such a press, so the first tap on a tab did nothing;
//  - a quick drag (press, moves, release) was seen as a click where it ended.
// Here the rest of the batch waits for the next frame, in order, from the first event that
// would undo or skip something this frame has not seen yet: a key-up of a key that went down in
// this batch, a keyboard event after a mouse button event, a mouse press after a release or
// after a move (and a press right after a frame that saw a whole click, so ImGui sees the
// button up in between), a move after a press (the press is seen where it happened), a release
// after a move while a button is down (the drag's last position is seen with the button down).
// Modifiers follow each key event, and the pointer's position and buttons are those of the last
// event handed on (apply_pointer), not SDL's state, which already includes the held events.
// (ImGui 1.87's input queue does all this itself.)
#pragma once

namespace platform {

void pump_events();
// After ImGui_ImplSDL2_NewFrame: the pointer's position and buttons as of the events handed on.
void apply_pointer();
// Input events wait for the next frame (held back by pump_events): it must run.
bool events_held();

}  // namespace platform
