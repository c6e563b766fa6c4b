#include "app/keyboard_nav.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace app {

void keyboard_tab_stop() {
    ImGuiContext& g = *GImGui;
    const ImGuiID id = g.LastItemData.ID;
    if (id == 0) return;
    // Reached by Tab: 1.86 "activates for input" with TryToPreserveState (Enter has no such flag).
    if (g.NavActivateInputId == id && (g.NavActivateFlags & ImGuiActivateFlags_TryToPreserveState)) {
        g.NavDisableHighlight = false;
    }
    if (g.NavId != id || !g.NavMoveSubmitted) return;
    if (!(g.NavMoveFlags & ImGuiNavMoveFlags_Tabbing) || (g.NavMoveFlags & ImGuiNavMoveFlags_FocusApi)) return;
    if (g.NavTabbingDir != 0) return;  // forward from an active item, or backward: ImGui's own
    // Turn "tab from nothing" (go to the first stop) into "tab forward from here". The first stop
    // is already recorded in NavTabbingResultFirst, which ImGui uses when nothing follows.
    g.NavTabbingDir = +1;
    g.NavTabbingCounter = 1;
    g.NavMoveScoringItems = true;
    g.NavAnyRequest = true;
}

}  // namespace app
