// What Dear ImGui still needs frames for, read from its state after a frame, for the main loop's
// scheduler (frame_scheduler.h): whether input is held, whether its layout is still settling,
// when a timed change is due (frame_regions.h tells when the picture has stopped changing). (Reads
// imgui_internal.h's state of ImGui 1.86.)
#pragma once

namespace platform {

// A mouse button (or a finger) is down, or a key ImGui repeats while held (arrows, Tab,
// Backspace, Enter...): ImGui drags, scrolls and repeats on its own clock, so frames keep coming.
bool ui_input_held();

// ImGui will draw something different next frame without any input: a window it has just laid
// out in a hidden frame (a tooltip, a popup) appears, a window or a table's columns are still
// fitting their contents over their first frames.
bool ui_layout_settling();

// Milliseconds until ImGui's picture changes with no input, or -1 if it never does: a text
// field's caret blinks, a hovered slider's tooltip appears after app::kTooltipDelaySeconds.
double ui_change_due_in_ms();

}  // namespace platform
