#include "app/theme.h"

#include <algorithm>
#include <cfloat>
#include <string_view>

#include <imgui.h>

#include "app/palette.h"
#include "core/text/text_wrap.h"

namespace app {
namespace {

ImVec4 rgb(Colour c, float a = 1.0f) { return palette::vec4(c, a); }
// The theme's own greys, written as 0xRRGGBB; colours that carry meaning come from palette.h.
ImVec4 rgb(uint32_t hex, float a = 1.0f) {
    return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, a);
}

void set_colours(ImGuiStyle& s) {
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = rgb(palette::kInk);
    c[ImGuiCol_TextDisabled] = rgb(palette::kMuted);
    c[ImGuiCol_WindowBg] = rgb(0xFFFFFF);
    c[ImGuiCol_ChildBg] = rgb(0xFFFFFF, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(0xFFFFFF);
    c[ImGuiCol_Border] = rgb(0xDCDCD6);
    c[ImGuiCol_BorderShadow] = rgb(0, 0.0f);
    c[ImGuiCol_FrameBg] = rgb(0xECEEF0);
    c[ImGuiCol_FrameBgHovered] = rgb(0xE1E5E9);
    c[ImGuiCol_FrameBgActive] = rgb(0xD5DBE1);
    c[ImGuiCol_TitleBg] = rgb(0xF0F0EC);
    c[ImGuiCol_TitleBgActive] = rgb(0xF0F0EC);
    c[ImGuiCol_TitleBgCollapsed] = rgb(0xF0F0EC);
    c[ImGuiCol_MenuBarBg] = rgb(0xF7F7F5);
    c[ImGuiCol_ScrollbarBg] = rgb(0xFFFFFF, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = rgb(0xC9CED4);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(0xAEB5BD);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(0x8C959F);
    c[ImGuiCol_CheckMark] = rgb(palette::kPositive);
    c[ImGuiCol_SliderGrab] = rgb(0x3D4752);
    c[ImGuiCol_SliderGrabActive] = rgb(palette::kInk);
    c[ImGuiCol_Button] = rgb(0xECEEF0);
    c[ImGuiCol_ButtonHovered] = rgb(0xDEE3E8);
    c[ImGuiCol_ButtonActive] = rgb(0xCFD6DD);
    c[ImGuiCol_Header] = rgb(0xF1F2F3);
    c[ImGuiCol_HeaderHovered] = rgb(0xE6E9EC);
    c[ImGuiCol_HeaderActive] = rgb(0xDCE0E4);
    c[ImGuiCol_Separator] = rgb(0xE2E2DD);
    c[ImGuiCol_SeparatorHovered] = rgb(0xC9CED4);
    c[ImGuiCol_SeparatorActive] = rgb(0xAEB5BD);
    c[ImGuiCol_ResizeGrip] = rgb(0, 0.0f);
    c[ImGuiCol_ResizeGripHovered] = rgb(0, 0.0f);
    c[ImGuiCol_ResizeGripActive] = rgb(0, 0.0f);
    c[ImGuiCol_Tab] = rgb(0xECEEF0);
    c[ImGuiCol_TabHovered] = rgb(0xDEE3E8);
    c[ImGuiCol_TabActive] = rgb(0xFFFFFF);
    c[ImGuiCol_TabUnfocused] = rgb(0xECEEF0);
    c[ImGuiCol_TabUnfocusedActive] = rgb(0xFFFFFF);
    c[ImGuiCol_TableHeaderBg] = rgb(0xF3F4F5);
    c[ImGuiCol_TableBorderStrong] = rgb(0xDCDCD6);
    c[ImGuiCol_TableBorderLight] = rgb(0xEAEAE6);
    c[ImGuiCol_TableRowBg] = rgb(0xFFFFFF, 0.0f);
    c[ImGuiCol_TableRowBgAlt] = rgb(0xF6F7F8);
    c[ImGuiCol_TextSelectedBg] = rgb(palette::kPositive, 0.25f);
    c[ImGuiCol_NavHighlight] = rgb(palette::kPositive);
    c[ImGuiCol_NavWindowingHighlight] = rgb(palette::kPositive);
    c[ImGuiCol_NavWindowingDimBg] = rgb(0, 0.2f);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0, 0.2f);
    c[ImGuiCol_PlotLines] = rgb(palette::kPositive);
    c[ImGuiCol_PlotHistogram] = rgb(palette::kPositive);
    c[ImGuiCol_DragDropTarget] = rgb(palette::kPositive);
}

}  // namespace

void muted_text(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, rgb(palette::kMuted));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

std::string wrap_to_width(const char* text, float width) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    std::string out;
    for (std::string_view line : mlp::wrap_text(text, width, [&](std::string_view piece) {
             return font->CalcTextSizeA(size, FLT_MAX, 0.0f, piece.data(), piece.data() + piece.size()).x;
         })) {
        if (!out.empty()) out.push_back('\n');
        out.append(line);
    }
    return out;
}

std::string text_wrapped(const char* text) {
    std::string lines = wrap_to_width(text, std::max(1.0f, ImGui::GetContentRegionAvail().x));
    ImGui::TextUnformatted(lines.c_str());
    return lines;
}

std::string muted_text_wrapped(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, rgb(palette::kMuted));
    std::string lines = text_wrapped(text);
    ImGui::PopStyleColor();
    return lines;
}

bool muted_text_if_fits(const char* text) {
    if (ImGui::CalcTextSize(text).x > ImGui::GetContentRegionAvail().x) return false;
    muted_text(text);
    return true;
}

void apply_theme(bool touch) {
    static int current = -1;
    if (current == static_cast<int>(touch)) return;
    current = static_cast<int>(touch);
    ImGui::GetStyle() = theme_style(touch);
}

ImGuiStyle theme_style(bool touch) {
    ImGuiStyle s;  // start from the defaults every time, so switching back is exact
    ImGui::StyleColorsLight(&s);
    set_colours(s);
    s.WindowRounding = 0.0f;  // panels are docked to the edges of the page
    s.ChildRounding = 6.0f;
    s.FrameRounding = 5.0f;
    s.GrabRounding = 4.0f;
    s.PopupRounding = 6.0f;
    s.ScrollbarRounding = 6.0f;
    s.TabRounding = 6.0f;
    s.WindowBorderSize = 1.0f;
    s.ChildBorderSize = 0.0f;
    s.FrameBorderSize = 0.0f;
    s.PopupBorderSize = 1.0f;
    s.WindowPadding = ImVec2(12, 10);
    s.IndentSpacing = 14.0f;
    s.ItemInnerSpacing = ImVec2(6, 4);
    if (touch) {
        // About 36 px tall sliders and a wide grab: a fingertip covers ~40 CSS px.
        s.FramePadding = ImVec2(10, 11);
        s.ItemSpacing = ImVec2(8, 8);
        s.CellPadding = ImVec2(4, 4);
        s.ScrollbarSize = 16.0f;
        s.GrabMinSize = 22.0f;
    } else {
        s.FramePadding = ImVec2(8, 6);
        s.ItemSpacing = ImVec2(8, 6);
        s.CellPadding = ImVec2(4, 3);
        s.ScrollbarSize = 12.0f;
        s.GrabMinSize = 10.0f;
    }
    return s;
}

void push_on_button_colours() {
    ImGui::PushStyleColor(ImGuiCol_Button, palette::vec4(palette::kInk));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, palette::vec4(palette::kInk));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, palette::vec4(palette::kInk));
    ImGui::PushStyleColor(ImGuiCol_Text, palette::vec4(palette::kWhite));
}

void pop_on_button_colours() { ImGui::PopStyleColor(4); }

}  // namespace app
