#include "platform/ui_activity.h"

#include <algorithm>
#include <cmath>
#include <cstring>

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

// FNV-1a over 64-bit words: a change detector, not a defence against crafted input.
struct Fingerprint {
    uint64_t h = 0xcbf29ce484222325ull;
    void add(const void* data, size_t bytes) {
        const unsigned char* p = static_cast<const unsigned char*>(data);
        uint64_t word = 0;
        for (; bytes >= 8; bytes -= 8, p += 8) {
            std::memcpy(&word, p, 8);
            h = (h ^ word) * 0x100000001b3ull;
        }
        word = 0;
        if (bytes) std::memcpy(&word, p, bytes);
        h = (h ^ word ^ bytes) * 0x100000001b3ull;
    }
    template <typename T>
    void add(const T& value) { add(&value, sizeof value); }
};

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

uint64_t picture_fingerprint(const ImDrawData& draw_data) {
    Fingerprint f;
    f.add(draw_data.DisplayPos);
    f.add(draw_data.DisplaySize);
    f.add(draw_data.FramebufferScale);
    for (int n = 0; n < draw_data.CmdListsCount; ++n) {
        const ImDrawList& list = *draw_data.CmdLists[n];
        f.add(list.VtxBuffer.Data, size_t(list.VtxBuffer.Size) * sizeof(ImDrawVert));
        f.add(list.IdxBuffer.Data, size_t(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            f.add(cmd.ClipRect);
            f.add(cmd.TextureId);
            f.add(cmd.VtxOffset);
            f.add(cmd.IdxOffset);
            f.add(cmd.ElemCount);
        }
    }
    return f.h;
}

}  // namespace platform
