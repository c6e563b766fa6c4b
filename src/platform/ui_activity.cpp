#include "platform/ui_activity.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/value_slider.h"

namespace platform {
namespace {

// ImGui 1.86's caret (imgui_widgets.cpp, InputTextEx): shown while its clock is at most 0 (just
// typed) or within the first 0.8 s of every 1.2 s.
constexpr float kCaretPeriod = 1.20f;
constexpr float kCaretShown = 0.80f;
// A timed wake lands this much after the change, so the frame it runs sees it done.
constexpr double kWakeSlackMs = 4;

double caret_change_in_seconds(float clock) {
    if (clock < kCaretShown) return kCaretShown - clock;
    const float phase = std::fmod(clock, kCaretPeriod);
    return phase <= kCaretShown ? kCaretShown - phase : kCaretPeriod - phase;
}


}  // namespace

bool ui_input_held() {
    const ImGuiIO& io = ImGui::GetIO();
    if (std::any_of(std::begin(io.MouseDown), std::end(io.MouseDown), [](bool down) { return down; })) return true;
    for (int key : io.KeyMap) {
        if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown) && io.KeysDown[key]) return true;
    }
    return false;
}

bool ui_layout_settling() {
    ImGuiContext& g = *GImGui;
    for (const ImGuiWindow* w : g.Windows) {
        // Set when a window appears (hidden for one frame while it is measured) and while it
        // fits its contents; counted down by its next Begin.
        if (w->Active && (w->HiddenFramesCannotSkipItems > 0 || w->AutoFitFramesX > 0 || w->AutoFitFramesY > 0))
            return true;
    }
    for (int n = 0; n < g.Tables.GetMapSize(); ++n) {
        const ImGuiTable* table = g.Tables.TryGetMapData(n);
        if (!table || table->LastFrameActive != g.FrameCount) continue;
        for (int c = 0; c < table->ColumnsCount; ++c) {
            // A new column fits its width over three frames (imgui_tables.cpp).
            if (table->Columns[c].AutoFitQueue != 0 || table->Columns[c].CannotSkipItemsQueue != 0) return true;
        }
    }
    return false;
}

double ui_change_due_in_ms() {
    const ImGuiContext& g = *GImGui;
    double seconds = -1;
    const auto sooner = [&seconds](double s) { seconds = seconds < 0 ? s : std::min(seconds, s); };
    if (g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId && g.IO.ConfigInputTextCursorBlink) {
        sooner(caret_change_in_seconds(g.InputTextState.CursorAnim));
    }
    if (g.HoveredId != 0 && g.HoveredIdTimer <= app::kTooltipDelaySeconds) {
        sooner(app::kTooltipDelaySeconds - g.HoveredIdTimer);
    }
    return seconds < 0 ? -1 : seconds * 1000.0 + kWakeSlackMs;
}

}  // namespace platform
