#include "app/edit_gestures.h"

#include <imgui.h>

namespace app {

void gestures_begin_frame(mlp::Session& session) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsMouseClicked(0)) {
        if (io.MouseDoubleClicked[0]) {
            session.resume_gesture();
        } else {
            session.end_gesture();
            session.begin_gesture();
        }
    } else if (!session.in_gesture() && (io.MouseDown[0] || ImGui::IsAnyItemActive())) {
        // A text field opened by Enter, Space's tweak mode, or a drag that went on after Undo
        // (which ends the open gesture): what follows is still one step.
        session.begin_gesture();
    }
}

void gestures_end_frame(mlp::Session& session) {
    if (session.in_gesture() && !ImGui::GetIO().MouseDown[0] && !ImGui::IsAnyItemActive()) session.end_gesture();
}

}  // namespace app
