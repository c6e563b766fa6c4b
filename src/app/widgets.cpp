#include "app/widgets.h"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/control_description.h"
#include "app/keyboard_nav.h"
#include "app/theme.h"

namespace app {

void flow(float w, float spacing) {
    ImGui::SameLine(0.0f, spacing);
    if (ImGui::GetCursorPosX() + w > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
}

bool section_header(const char* label, bool open_at_first, mlp::FunctionRef<std::string()> name, bool overlap) {
    ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);
    const bool open = ImGui::CollapsingHeader(label, (open_at_first ? ImGuiTreeNodeFlags_DefaultOpen : 0) |
                                                         (overlap ? ImGuiTreeNodeFlags_AllowItemOverlap : 0));
    ImGui::PopItemFlag();
    keyboard_tab_stop([&] { return describe_control(ControlRole::Disclosure, name(), open); });
    return open;
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

bool bar_button(const char* label, const char* probe_name, UiProbe& probe, bool enabled, const char* name) {
    if (!enabled) ImGui::BeginDisabled();
    const bool pressed = ImGui::Button(label);
    keyboard_tab_stop([&] {
        ControlDescription d = describe_control(ControlRole::Button, name ? name : probe_name);
        d.disabled = !enabled;  // pressed a moment ago, and nothing left to do (Reveal all)
        return d;
    });
    if (!enabled) ImGui::EndDisabled();
    probe.add_last_item(std::string("button:") + probe_name);
    return pressed && enabled;
}

bool toggle_button(const char* label, bool on, const std::string& probe_name, UiProbe& probe, const std::string& name) {
    if (on) {
        ImGui::PushStyleColor(ImGuiCol_Button, palette::vec4(palette::kInk));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, palette::vec4(palette::kInk));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, palette::vec4(palette::kInk));
        ImGui::PushStyleColor(ImGuiCol_Text, palette::vec4(palette::kWhite));
    }
    const bool pressed = ImGui::Button(label);
    keyboard_tab_stop([&] { return describe_control(ControlRole::ToggleButton, name, on); });
    if (on) ImGui::PopStyleColor(4);
    probe.add_last_item(probe_name, on);
    return pressed;
}

void bar_text(const std::string& text, Colour colour, const char* probe_name, UiProbe& probe, bool wrap) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::vec4(colour));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(wrap ? wrap_to_width(text.c_str(), std::max(1.0f, ImGui::GetContentRegionAvail().x)).c_str()
                                : text.c_str());
    ImGui::PopStyleColor();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    probe.add(std::string("text:") + probe_name, min.x, min.y, max.x - min.x, max.y - min.y, false, text);
}

}  // namespace app
