// Which edits make one undo step. What the hand does in one go is one step: a press of the
// pointer opens a gesture that lasts until the button is up and no widget is active any more, so
// a whole slider drag, a whole drag along a line of the diagram and a typed value (its text field
// stays active until Enter, Escape or a click elsewhere) are each undone at once. The second
// press of a double-click continues the first one's gesture: on a slider the first click jumped
// the value and the second takes the jump back and opens the text field, which must not leave
// the jump behind as a step of its own. Keys alone (an arrow stepping a slider) make a step each.
#pragma once

#include "core/document/session.h"

namespace app {

// At the start of the frame, after ImGui::NewFrame and before any widget or diagram input.
void gestures_begin_frame(mlp::Session& session);
// At the end of the frame, after every widget.
void gestures_end_frame(mlp::Session& session);

}  // namespace app
