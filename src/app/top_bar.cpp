#include "app/top_bar.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/keyboard_nav.h"
#include "app/palette.h"
#include "app/theme.h"

namespace app {
namespace {

// "Sample", "Steps": a muted word before a row of buttons, on their baseline.
void caption(const char* text) {
    ImGui::AlignTextToFramePadding();
    muted_text(text);
    ImGui::SameLine();
}

// Width of a row of segmented_buttons.
float buttons_width(const char* const* labels, int count) {
    float w = 0;
    for (int i = 0; i < count; ++i) w += ImGui::CalcTextSize(labels[i]).x + ImGui::GetStyle().FramePadding.x * 2 + (i ? 2.0f : 0.0f);
    return w;
}

const char* const kModes[] = {"Integer", "Fine"};
const char* const kViews[] = {"Values", "Gradients"};
const char* const kSampleHint = "The sample the diagram shows; the worksheet shows them all.";

// The title's mark (draw_title draws it in a frame's height), and the sample list's width.
float mark_width() { return ImGui::GetFrameHeight() * 0.16f * 5.5f; }
float combo_width() {
    return ImGui::CalcTextSize("x000").x + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
}

}  // namespace

float title_width(bool with_name) {
    return mark_width() + (with_name ? ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize("MLP Explorer").x : 0.0f);
}

float sample_selector_min_width(const mlp::Session& session) { return session.sample_count() > 1 ? combo_width() : 0.0f; }

void draw_title(bool with_name) {
    ImGui::AlignTextToFramePadding();
    // A small mark in the two sign colours, then the name.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    const float r = h * 0.16f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(p.x + r, p.y + h * 0.5f), b(p.x + r * 4.5f, p.y + h * 0.28f), c(p.x + r * 4.5f, p.y + h * 0.72f);
    dl->AddLine(a, b, palette::u32(palette::kPositive), 2.0f);
    dl->AddLine(a, c, palette::u32(palette::kNegative), 2.0f);
    dl->AddCircleFilled(a, r, palette::u32(palette::kInk));
    dl->AddCircleFilled(b, r, palette::u32(palette::kInk));
    dl->AddCircleFilled(c, r, palette::u32(palette::kInk));
    ImGui::Dummy(ImVec2(r * 5.5f, h));
    if (!with_name) return;
    ImGui::SameLine();
    ImGui::TextUnformatted("MLP Explorer");
}

int segmented_buttons(const char* const* labels, int count, int current, UiProbe& probe, const char* group,
                      const char* hint) {
    int clicked = -1;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, ImGui::GetStyle().ItemSpacing.y));
    // 1.86 tab stops are "inputable" items only; a button pressed by Space/Enter ignores the flag.
    ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);
    for (int i = 0; i < count; ++i) {
        if (i > 0) ImGui::SameLine();
        const bool on = i == current;
        if (on) push_on_button_colours();
        if (ImGui::Button(labels[i])) clicked = i;
        keyboard_tab_stop([&] { return describe_control(ControlRole::ToggleButton, std::string(group) + " " + labels[i], on, hint); });
        if (on) pop_on_button_colours();
        probe.add_last_item(std::string("button:") + labels[i], on);
    }
    ImGui::PopItemFlag();
    ImGui::PopStyleVar();
    return clicked;
}

float step_mode_width(bool compact) {
    return buttons_width(kModes, 2) +
           (compact ? 0.0f : ImGui::CalcTextSize("Steps").x + ImGui::GetStyle().ItemSpacing.x);
}

void draw_sample_selector(const mlp::Session& session, ViewState& view, UiProbe& probe, bool compact, float max_width) {
    const int samples = session.sample_count();
    view.sample = std::clamp(view.sample, 0, std::max(0, samples - 1));
    if (samples <= 1) return;
    if (!compact) {
        caption("Sample");
        max_width -= ImGui::CalcTextSize("Sample").x + ImGui::GetStyle().ItemSpacing.x;
    }
    char names[kMaxSampleButtons][8];
    const char* labels[kMaxSampleButtons];
    for (int s = 0; s < std::min(samples, kMaxSampleButtons); ++s) {
        std::snprintf(names[s], sizeof names[s], "x%d", s + 1);
        labels[s] = names[s];
    }
    if (samples <= kMaxSampleButtons && buttons_width(labels, samples) <= max_width) {
        const int clicked = segmented_buttons(labels, samples, view.sample, probe, "Sample", kSampleHint);
        if (clicked >= 0) view.sample = clicked;
        return;
    }
    char preview[16];
    std::snprintf(preview, sizeof preview, "x%d", view.sample + 1);
    ImGui::SetNextItemWidth(combo_width());
    const unsigned combo = ImGui::GetID("##sample");
    ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);  // a tab stop
    const bool open = ImGui::BeginCombo("##sample", preview);
    keyboard_tab_stop([&] { return combo_description("Sample", preview, open, kSampleHint); }, combo);
    if (open) {
        for (int s = 0; s < samples; ++s) {
            char name[16];
            std::snprintf(name, sizeof name, "x%d", s + 1);
            if (ImGui::Selectable(name, s == view.sample)) view.sample = s;
            keyboard_tab_stop([&] { return option_description(name, s == view.sample); });
            if (s == view.sample) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    ImGui::PopItemFlag();
    probe.add_last_item("combo:sample");
}

float view_switch_width(const mlp::Session& session, bool compact) {
    if (!session.document().has_targets()) return 0.0f;
    return buttons_width(kViews, 2) + (compact ? 0.0f : ImGui::CalcTextSize("View").x + ImGui::GetStyle().ItemSpacing.x);
}

void draw_view_switch(const mlp::Session& session, ViewState& view, UiProbe& probe, bool compact) {
    if (!session.document().has_targets()) return;
    if (!compact) caption("View");
    const int clicked = segmented_buttons(kViews, 2, view.gradient_view ? 1 : 0, probe, "View",
                                          "What the diagram shows: the values of the forward pass, or the gradients "
                                          "of the backward pass (lines by \u2202L/\u2202w, nodes by \u03B4 = \u2202L/\u2202z).");
    if (clicked >= 0) view.gradient_view = clicked == 1;
}

void draw_step_mode(ViewState& view, UiProbe& probe, bool compact) {
    if (!compact) caption("Steps");
    ImGui::BeginGroup();
    const int clicked = segmented_buttons(kModes, 2, view.integer_steps ? 0 : 1, probe, "Steps",
                                          "Integer: a drag moves a slider in whole numbers. Fine: in hundredths.");
    ImGui::EndGroup();
    if (clicked >= 0) view.integer_steps = clicked == 0;
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Integer: a drag moves a slider in whole numbers, as in the exercise.\n"
                          "Fine: in hundredths. Typed values are kept exactly either way.");
    }
}

}  // namespace app
