#include "app/value_slider.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#define IMGUI_DEFINE_MATH_OPERATORS
#include <imgui.h>
#include <imgui_internal.h>

#include "app/keyboard_nav.h"
#include "app/palette.h"
#include "app/slider_scale.h"
#include "app/theme.h"
#include "core/formats/number_text.h"
#include "core/formats/typed_number.h"
#include "core/model/network.h"
#include "core/text/number_format.h"

namespace app {
namespace {

// The value a slider had when the first click of a possible double-click landed on it: that
// click already moved the slider to the pointer, and a double-click means "let me type" instead.
struct PressMemory {
    ImGuiID id = 0;
    double value = 0.0;
};
PressMemory g_press;

// A touch press on a slider whose gesture is not known yet (options.touch).
struct TouchPress {
    ImGuiID id = 0;
    ImGuiWindow* window = nullptr;  // the window that scrolls when the finger moves up or down
    ImVec2 start;
    bool scrolling = false;
    bool tapped = false;  // lifted without moving: the slider sets its value there this frame
};
TouchPress g_touch;
constexpr float kTouchSlop = 8.0f;  // CSS px a finger moves before it counts as a gesture

// The value under the pointer, as ImGui's slider computes it (same padding and grab size),
// rounded as a drag would be.
double value_at_pointer(const ImRect& bb, const ValueSliderOptions& o) {
    const ImGuiStyle& style = GImGui->Style;
    const float pad = 2.0f;
    const float grab = std::min(style.GrabMinSize, bb.GetWidth() - 2 * pad);
    const float usable = std::max(1.0f, bb.GetWidth() - 2 * pad - grab);
    const double t = std::clamp((ImGui::GetIO().MousePos.x - (bb.Min.x + pad + grab * 0.5f)) / usable, 0.0f, 1.0f);
    const double v = o.min + t * (o.max - o.min);
    return o.integer_steps ? std::round(v) : std::round(v * 100.0) / 100.0;
}

// The text typed into a slider's field. ImGui ignores the buffer it is given while a field is
// active, so the text is kept here to be read when typing ends, whichever way it ends: Enter,
// Escape (which puts back the text the field opened with), or a click elsewhere, seen in the
// field's own frame; Tab, or an item drawn earlier taking the keyboard, seen when the slider runs
// next (`ended`: a field that stopped while another one opened before its slider ran again).
struct TypedText {
    ImGuiID id = 0;
    std::string initial;  // the value's text when the field opened
    std::string text;     // what it holds now
    int frame = 0;        // the last frame it was seen open
};
TypedText g_typing, g_ended;

// Typing ended with `t`: the value it names (read as a link reads numbers, core/formats/typed_number.h),
// or nothing, with *refused saying why. Text left as it opened changes nothing.
bool commit_typed(const TypedText& t, double* value, std::string* refused) {
    if (t.text == t.initial) return false;
    const mlp::TypedNumber typed = mlp::read_typed_number(t.text);
    if (!typed.ok()) {
        if (refused) *refused = typed.error;
        return false;
    }
    if (typed.value == *value) return false;
    *value = typed.value;
    return true;
}

// Typing that ended before this slider ran this frame (see TypedText), read now. Text of a field
// that ended frames ago (its slider scrolled away or folded) is dropped, not applied later.
bool commit_ended(ImGuiID id, double* value, std::string* refused) {
    for (TypedText* t : {&g_typing, &g_ended}) {
        if (t->id != id) continue;
        const TypedText ended = std::move(*t);
        *t = {};
        if (ended.frame + 1 < ImGui::GetFrameCount()) return false;
        return commit_typed(ended, value, refused);
    }
    return false;
}

// The text field that replaces the slider while typing. It opens with the shortest text that
// reads back to the value, so an untouched field changes nothing; the value changes when typing
// ends, not at every key (typing 1e5 must not pass through 1 and 1e). *text: what the field holds
// now (the screen reader mirror shows it).
bool typed_value(const ImRect& bb, ImGuiID id, const char* id_label, double* value, std::string* refused,
                 std::string* text) {
    char buf[mlp::kMaxParsedNumberChars + 1];
    *mlp::write_number(*value, buf) = '\0';
    if (g_typing.id != id) {
        if (g_typing.id != 0) g_ended = std::move(g_typing);  // its slider has yet to read it
        g_typing = {id, buf, buf, 0};
    }
    // No character filter: ImGui's would drop what it does not take (a comma: "3,5" became
    // "35"); everything typed is read, or refused with a reason, when typing ends.
    ImGui::TempInputText(bb, id, id_label, buf, sizeof buf, ImGuiInputTextFlags_AutoSelectAll | ImGuiInputTextFlags_NoMarkEdited);
    g_typing.text = buf;
    *text = buf;
    g_typing.frame = ImGui::GetFrameCount();
    if (GImGui->ActiveId == id) return false;  // still typing
    const TypedText ended = std::move(g_typing);
    g_typing = {};
    if (!commit_typed(ended, value, refused)) return false;
    ImGui::MarkItemEdited(id);
    return true;
}

// Arrow keys on a focused (not active) slider: take over ImGui's left/right focus move and step.
bool arrow_step(ImGuiID id, double* value, const ValueSliderOptions& o) {
    ImGuiContext& g = *GImGui;
    if (g.NavId != id || g.ActiveId == id || !g.NavMoveSubmitted) return false;
    if (g.NavMoveFlags & (ImGuiNavMoveFlags_Tabbing | ImGuiNavMoveFlags_FocusApi)) return false;
    if (g.NavMoveDir != ImGuiDir_Left && g.NavMoveDir != ImGuiDir_Right) return false;
    ImGui::NavMoveRequestCancel();
    g.NavDisableHighlight = false;  // show the focus ring, also after a mouse click
    double step = o.integer_steps ? 1.0 : 0.1;
    if (g.IO.KeyShift) step *= 10.0;
    const double next = std::clamp(step_value(*value, g.NavMoveDir == ImGuiDir_Right ? 1 : -1, step), o.min, o.max);
    if (next == *value) return false;
    *value = next;
    ImGui::MarkItemEdited(id);
    return true;
}

void draw_slider(const ImRect& bb, ImGuiID id, const char* name, double value, const ImRect& grab_bb,
                 bool hovered, const ValueSliderOptions& o) {
    ImGuiContext& g = *GImGui;
    const ImGuiStyle& style = g.Style;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool active = g.ActiveId == id;

    ImU32 frame = ImGui::GetColorU32(active ? ImGuiCol_FrameBgActive : hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
    if (o.highlighted) frame = palette::u32(palette::kHighlight, active || hovered ? 0.75f : 0.6f);
    ImGui::RenderNavHighlight(bb, id);
    dl->AddRectFilled(bb.Min, bb.Max, frame, style.FrameRounding);

    // A track along the bottom of the frame, so the number above it stays readable: a bar from
    // zero to the value in the sign colour (the diagram's language) and a knob at the value.
    // The x positions are ImGui's own (grab_bb), so what is drawn is where a drag lands.
    const float track_h = std::max(3.0f, std::floor(bb.GetHeight() * 0.12f));
    const float track_y = bb.Max.y - std::max(3.0f, style.FramePadding.y * 0.5f) - track_h * 0.5f;
    if (grab_bb.Max.x > grab_bb.Min.x) {
        const float grab_x = (grab_bb.Min.x + grab_bb.Max.x) * 0.5f;
        const float grab_sz = grab_bb.GetWidth();
        const float pad = 2.0f;  // ImGui's grab padding
        const float usable_min = bb.Min.x + pad + grab_sz * 0.5f;
        const float usable_sz = std::max(0.0f, bb.GetWidth() - 2 * pad - grab_sz);
        const double t0 = std::clamp((0.0 - o.min) / (o.max - o.min), 0.0, 1.0);
        const float zero_x = usable_min + static_cast<float>(t0) * usable_sz;
        const float half = track_h * 0.5f;
        dl->AddRectFilled(ImVec2(usable_min, track_y - half), ImVec2(usable_min + usable_sz, track_y + half),
                          palette::u32(palette::kInk, 0.10f), half);
        dl->AddLine(ImVec2(zero_x, track_y - half - 2), ImVec2(zero_x, track_y + half + 1), palette::u32(palette::kInk, 0.35f));
        if (value != 0.0) {
            dl->AddRectFilled(ImVec2(std::min(zero_x, grab_x), track_y - half), ImVec2(std::max(zero_x, grab_x), track_y + half),
                              palette::u32(palette::sign_colour(value)), half);
        }
        // The knob in the sign colour too (a weight of -1 on a -10..10 scale makes a short bar).
        const float knob = half + (active ? 3.5f : 2.5f);
        const ImU32 knob_colour = value == 0.0 ? ImGui::GetColorU32(active ? ImGuiCol_SliderGrabActive : ImGuiCol_SliderGrab)
                                               : palette::u32(palette::sign_colour(value));
        dl->AddCircleFilled(ImVec2(grab_x, track_y), knob, knob_colour);
        if (active) dl->AddCircle(ImVec2(grab_x, track_y), knob + 1.0f, palette::u32(palette::kInk), 0, 1.5f);
    }
    if (o.highlighted) dl->AddRect(bb.Min, bb.Max, palette::u32(palette::kInk), style.FrameRounding, 0, 2.0f);

    const std::string text = mlp::format_value(value);
    const ImVec2 value_size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 name_size = ImGui::CalcTextSize(name);
    const float pad_x = style.FramePadding.x * 0.75f;
    // Centred in the part of the frame above the track.
    const float text_y = std::floor(bb.Min.y + (track_y - track_h - bb.Min.y - value_size.y) * 0.5f + 1.0f);
    if (o.show_name && name_size.x + value_size.x + 3 * pad_x <= bb.GetWidth()) {
        dl->AddText(ImVec2(bb.Min.x + pad_x, text_y), palette::u32(palette::kMuted), name);
        dl->AddText(ImVec2(bb.Max.x - pad_x - value_size.x, text_y), ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
    } else {
        const float x = std::max(bb.Min.x + 1, bb.Min.x + (bb.GetWidth() - value_size.x) * 0.5f);
        dl->PushClipRect(bb.Min, bb.Max, true);
        dl->AddText(ImVec2(std::floor(x), text_y), ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
        dl->PopClipRect();
    }
}

// The slider as the page's screen reader mirror describes it (keyboard_nav.h).
ControlDescription describe_slider(const char* name, double value, const ValueSliderOptions& o) {
    ControlDescription d = describe_control(ControlRole::Slider, name, false, kSliderHint);
    d.value = mlp::format_value(value);
    d.number = value;
    d.min = o.min;
    d.max = o.max;
    return d;
}

}  // namespace

void update_touch_press() {
    ImGuiContext& g = *GImGui;
    if (g_touch.id == 0) return;
    if (g_touch.tapped || !g.IO.MouseDown[0]) {
        // Lifted: a tap the slider applies this frame (cleared the frame after, drawn or not).
        if (g_touch.tapped || g_touch.scrolling) {
            g_touch = {};
        } else {
            g_touch.tapped = true;
        }
        return;
    }
    if (g_touch.scrolling) {
        ImGui::SetScrollY(g_touch.window, g_touch.window->Scroll.y - g.IO.MouseDelta.y);
        return;
    }
    const ImVec2 d(g.IO.MousePos.x - g_touch.start.x, g.IO.MousePos.y - g_touch.start.y);
    if (std::fabs(d.x) > kTouchSlop && std::fabs(d.x) >= std::fabs(d.y)) {
        // Sideways: the slider takes the press, and follows the finger from now on.
        ImGui::SetActiveID(g_touch.id, g_touch.window);
        ImGui::SetFocusID(g_touch.id, g_touch.window);
        ImGui::FocusWindow(g_touch.window);
        g_touch = {};
    } else if (std::fabs(d.y) > kTouchSlop) {
        g_touch.scrolling = true;
        ImGui::SetScrollY(g_touch.window, g_touch.window->Scroll.y - d.y);
    }
}

bool value_slider(const char* name, double* value, const ValueSliderOptions& o, std::string* refused) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    ImGuiContext& g = *GImGui;
    const ImGuiStyle& style = g.Style;

    char id_label[64];  // hidden label: the text field must not print the name beside itself
    std::snprintf(id_label, sizeof id_label, "##%s", name);
    const ImGuiID id = window->GetID(id_label);
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect bb(pos, pos + ImVec2(ImGui::CalcItemWidth(), ImGui::GetFrameHeight()));
    ImGui::ItemSize(bb, style.FramePadding.y);
    // Inputable: a tab stop. (1.86 tab stops are the inputable items only.) Off screen (scrolled
    // away) it is still one, and may still have the focus.
    const bool visible = ImGui::ItemAdd(bb, id, &bb, ImGuiItemFlags_Inputable);
    if (keyboard_tab_stop() && !visible) describe_focused_control(describe_slider(name, *value, o));
    if (!visible) return false;

    const bool hovered = ImGui::ItemHoverable(bb, id);
    bool typing = ImGui::TempInputIsActive(id);
    bool changed = false;
    if (!typing && commit_ended(id, value, refused)) {
        ImGui::MarkItemEdited(id);
        changed = true;
    }
    if (!typing) {
        const bool clicked = hovered && g.IO.MouseClicked[0];
        // A Ctrl+click opens the text field on its own; one soon after another click (the
        // last field's, within the double-click time) is not the second click of a double-click.
        const bool double_clicked = hovered && g.IO.MouseDoubleClicked[0] && !g.IO.KeyCtrl;
        // 1.86 "activates for input" an inputable item reached by Tab (flag TryToPreserveState)
        // as it does one that gets Enter; only Enter opens the text field here. Tab just focuses,
        // with the focus ring shown, so the arrows step the slider next.
        const bool input_request = g.NavActivateInputId == id;
        const bool by_tab = input_request && (g.NavActivateFlags & ImGuiActivateFlags_TryToPreserveState);
        const bool enter = input_request && !by_tab;
        if (o.touch && clicked && !g.IO.KeyCtrl && !double_clicked) {
            // Wait for the gesture (update_touch_press); the slider does not move yet.
            g_touch = {id, window, g.IO.MousePos, false, false};
            g_press = {id, *value};
        } else if (clicked || enter || g.NavActivateId == id) {
            ImGui::SetActiveID(id, window);
            ImGui::SetFocusID(id, window);
            ImGui::FocusWindow(window);
            g.ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right);
            if ((clicked && g.IO.KeyCtrl) || double_clicked || enter) typing = true;
        }
        if (double_clicked && g_press.id == id && g_press.value != *value) {
            *value = g_press.value;  // undo the jump of the double-click's first click
            changed = true;
        }
        // What a double-click's first click jumped from; a Ctrl+click does not jump.
        if (clicked && !double_clicked) g_press = g.IO.KeyCtrl ? PressMemory{} : PressMemory{id, *value};
    }
    if (typing) {
        std::string text;
        changed |= typed_value(bb, id, id_label, value, refused, &text);
        if (keyboard_has_focus(id)) {
            ControlDescription d = describe_control(ControlRole::TextField, name, false, kTypingHint);
            d.value = text;
            describe_focused_control(d);
        }
        return changed;
    }

    if (g_touch.id == id && g_touch.tapped) {
        g_touch = {};
        const double tapped = value_at_pointer(bb, o);
        if (tapped != *value) {
            *value = tapped;
            ImGui::MarkItemEdited(id);
            changed = true;
        }
    }
    changed |= arrow_step(id, value, o);
    const char* rounding = o.integer_steps ? "%.0f" : "%.2f";  // what a drag rounds to
    ImRect grab_bb;
    if (ImGui::SliderBehavior(bb, id, ImGuiDataType_Double, value, &o.min, &o.max, rounding, ImGuiSliderFlags_None,
                              &grab_bb)) {
        ImGui::MarkItemEdited(id);
        changed = true;
    }
    draw_slider(bb, id, name, *value, grab_bb, hovered, o);
    if (keyboard_has_focus(id)) describe_focused_control(describe_slider(name, *value, o));
    return changed;
}

bool item_hovered_for_tooltip() {
    return ImGui::IsItemHovered() && !ImGui::IsItemActive() && GImGui->HoveredIdTimer > kTooltipDelaySeconds;
}

}  // namespace app
