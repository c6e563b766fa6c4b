#include "app/exercise_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/exercise_state.h"
#include "app/keyboard_nav.h"
#include "core/text/number_format.h"
#include "app/palette.h"
#include "app/theme.h"
#include "app/value_mask.h"
#include "app/value_slider.h"
#include "app/widgets.h"
#include "app/worksheet_text.h"
#include "core/exercise/exercise.h"
#include "core/formats/typed_number.h"
#include "core/text/notation.h"

namespace app {

namespace notation = mlp::notation;
namespace {

using Q = mlp::HiddenValue::Quantity;
const char* const kRightMark = notation::kRight;
const char* const kWrongMark = notation::kWrong;

// The score line (the core's words, ExerciseSheet::status) in its colour.
std::string status_text(const mlp::Session& session, const ExerciseView& ex, Colour* colour) {
    using Tone = mlp::ExerciseSheet::Status::Tone;
    const mlp::ExerciseSheet::Status status = ex.sheet.status(session.hidden(), exercise_values(session));
    *colour = status.tone == Tone::Muted ? palette::kMuted : status.tone == Tone::Warning ? palette::kNegativeText : palette::kInk;
    return status.text;
}

// A rectangle drawn as dashes: a blank on the worksheet, like the diagram's dashed ring.
void dashed_rect(ImDrawList* list, ImVec2 min, ImVec2 max, ImU32 colour) {
    constexpr float kDash = 4.0f, kGap = 3.0f;
    auto line = [&](ImVec2 a, ImVec2 b) {
        const float len = std::max(std::fabs(b.x - a.x), std::fabs(b.y - a.y));
        for (float t = 0; t < len; t += kDash + kGap) {
            const float e = std::min(t + kDash, len);
            list->AddLine(ImVec2(a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len),
                          ImVec2(a.x + (b.x - a.x) * e / len, a.y + (b.y - a.y) * e / len), colour, 1.2f);
        }
    };
    line(min, ImVec2(max.x, min.y));
    line(ImVec2(max.x, min.y), max);
    line(max, ImVec2(min.x, max.y));
    line(ImVec2(min.x, max.y), min);
}

// A value as the worksheet shows it: "−5 → 0" for a clipped activation (unless its z is masked),
// else the number. One ImGui item.
void value_text(const mlp::Session& session, const ValueMask& mask, const mlp::HiddenValue& h) {
    if (h.is_backward()) {
        value_cell(mlp::hidden_value(h, exercise_values(session)), true);
        return;
    }
    const double z = session.pass().z[h.layer].at(h.sample, h.node);
    const double a = session.pass().a[h.layer].at(h.sample, h.node);
    if (h.quantity == Q::Z) {
        value_cell(z, true);
    } else if (mlp::is_clipped(session.network().activations[h.layer], z) && !mask.hides_z(h.layer, h.sample, h.node)) {
        clipped_cell(z, a);
    } else {
        value_cell(a, true);
    }
}

std::string value_text_plain(const mlp::Session& session, const mlp::HiddenValue& h) {
    return mlp::format_value(mlp::hidden_value(h, exercise_values(session)));
}

// The width a revealed value of a block (`in`) needs before it for the wrong answer the learner
// had typed (struck through, with its ✗), or 0 when no revealed value there has one.
float kept_answers_width(const mlp::Session& session, const ExerciseView& ex, const HiddenFilter& in) {
    float widest = 0.0f;
    for (const mlp::HiddenValue& h : session.hidden()) {
        if (!in(h) || !ex.sheet.revealed(h) || ex.sheet.answer(h).empty()) continue;
        widest = std::max(widest, ImGui::CalcTextSize(ex.sheet.answer(h).c_str()).x);
    }
    if (widest == 0.0f) return 0.0f;
    return ImGui::GetStyle().ItemSpacing.x + widest + std::round(ImGui::GetTextLineHeight() * 0.9f) + 3.0f;
}

// The mark Check gave an answer, after its field: ✓ in blue, ✗ in vermillion (shape and colour,
// so it reads without colour too), drawn as strokes so it stays crisp at any size.
float mark_width() { return std::round(ImGui::GetTextLineHeight() * 0.9f) + 3.0f; }

void draw_mark(ImDrawList* list, ImVec2 at, float line_h, bool right) {
    const float s = std::round(line_h * 0.9f);
    const ImVec2 o(at.x + 2.0f, at.y + (line_h - s) * 0.5f);
    auto p = [&](float x, float y) { return ImVec2(o.x + x * s, o.y + y * s); };
    const float thick = std::max(2.0f, s * 0.16f);
    if (right) {
        const ImVec2 tick[] = {p(0.1f, 0.55f), p(0.38f, 0.85f), p(0.92f, 0.15f)};
        list->AddPolyline(tick, 3, palette::kRight.u32(), 0, thick);
    } else {
        list->AddLine(p(0.18f, 0.18f), p(0.82f, 0.82f), palette::kWrong.u32(), thick);
        list->AddLine(p(0.82f, 0.18f), p(0.18f, 0.82f), palette::kWrong.u32(), thick);
    }
}

// Room for "−00.00" typed, the frame, and the mark; and for the wrong answers kept beside
// revealed values.
float answer_field_width(const mlp::Session& session, const ExerciseView& ex, const HiddenFilter& in) {
    return ImGui::CalcTextSize((std::string(notation::kMinus) + "00.00").c_str()).x + 8.0f + 2.0f + mark_width() +
           kept_answers_width(session, ex, in);
}

}  // namespace

void draw_exercise_toggle(mlp::Session& session, ViewState& view, UiProbe& probe) {
    ExerciseView& ex = view.exercise;
    if (toggle_button("Exercise", ex.on, "button:Exercise", probe, "Exercise")) set_exercise_on(session, ex, !ex.on);
    if (item_hovered_for_tooltip())
        ImGui::SetTooltip("Exercise: some values of the worksheet are hidden. Work them out by hand,\n"
                          "type them in their cells and Check. The link carries the hidden values.");
}

void draw_exercise_bar(mlp::Session& session, ViewState& view, UiProbe& probe, bool narrow) {
    ExerciseView& ex = view.exercise;
    if (!ex.on) return;
    const auto& hidden = session.hidden();
    const float gap = ImGui::GetStyle().ItemSpacing.x * 3;  // between groups of the bar
    if (!ex.editing) {
        // The learner's line: Check, Reveal, the score; the teacher's way in at its end. On a
        // phone it goes on from the header's Exercise toggle.
        if (narrow) flow(button_width("Check"));
        if (bar_button("Check", "Check", probe, !hidden.empty())) check_sheet(session, ex);
        flow(button_width("Reveal step"));
        // Reveal skips what the learner has right (and marks it) and keeps a wrong answer beside
        // the value it reveals (core/exercise/exercise_sheet.h).
        const bool any_left = ex.sheet.next_to_reveal(hidden, exercise_values(session)) != nullptr;
        if (bar_button("Reveal step", "Reveal step", probe, any_left)) reveal_step(session, view);
        flow(button_width("Reveal all"));
        if (bar_button("Reveal all", "Reveal all", probe, any_left)) reveal_all(session, ex);
        Colour colour;
        const std::string status = status_text(session, ex, &colour);
        flow(ImGui::CalcTextSize(status.c_str()).x, gap);
        bar_text(status, colour, "score", probe);
        flow(button_width("Edit sheet"), gap);
        if (toggle_button("Edit sheet", false, "button:Edit sheet", probe, "Edit sheet")) set_editing(ex, true);
        if (!ex.reveal_text.empty())
            bar_text(ex.reveal_text, palette::kInk, "reveal", probe, true);
        else if (!hidden.empty() && !narrow)  // a phone keeps its height for the cards
            bar_text("z = each row of W times the vector before it, summed; a = the activation of z. "
                     "Stuck? Reveal step works out the next ? for you.",
                     palette::kMuted, "tip", probe, true);
        return;
    }

    // The teacher's line: how many nodes of each layer a new sheet hides, another sheet, whole
    // layers; a click on a value in the worksheet hides or shows it.
    if (narrow) flow(ImGui::CalcTextSize("Hide").x * 8);  // the stepper's group, roughly
    int max_nodes = 1;
    for (size_t c = 1; c < session.network().shape.size(); ++c) max_nodes = std::max(max_nodes, session.network().shape[c]);
    const char* per_layer = ex.per_layer == 1 ? "node per layer" : "nodes per layer";
    ImGui::BeginGroup();
    ImGui::AlignTextToFramePadding();
    muted_text("Hide");
    ImGui::SameLine();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, ImGui::GetStyle().ItemSpacing.y));
    bool changed = false;
    if (bar_button((std::string(notation::kMinus) + "###fewer").c_str(), "fewer", probe, ex.per_layer > 1, "Hide one node fewer per layer"))
        --ex.per_layer, changed = true;
    ImGui::SameLine();
    char count[32];
    std::snprintf(count, sizeof count, " %d ", ex.per_layer);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(count);
    const ImVec2 count_min = ImGui::GetItemRectMin(), count_max = ImGui::GetItemRectMax();
    probe.add("text:per layer", count_min.x, count_min.y, count_max.x - count_min.x, count_max.y - count_min.y, false,
              std::to_string(ex.per_layer));
    ImGui::SameLine();
    if (bar_button("+###more", "more", probe, ex.per_layer < max_nodes, "Hide one node more per layer"))
        ++ex.per_layer, changed = true;
    ImGui::PopStyleVar();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    muted_text(per_layer);
    ImGui::EndGroup();
    if (changed) new_sheet(session, ex);  // the same seed: one node more or fewer of the same choice
    flow(button_width("New sheet"));
    if (bar_button("New sheet", "New sheet", probe)) next_sheet(session, ex);
    const char* whole = "Whole layers";
    flow(ImGui::CalcTextSize(whole).x, gap);
    ImGui::AlignTextToFramePadding();
    muted_text(whole);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, ImGui::GetStyle().ItemSpacing.y));
    for (int l = 0; l < session.network().weight_layers(); ++l) {
        char label[16];
        std::snprintf(label, sizeof label, "%d", l + 1);
        flow(button_width(label));
        ImGui::PushID(l);
        if (toggle_button(label, whole_layer_hidden(session, l), "button:layer " + std::string(label), probe,
                          "Hide all of layer " + std::string(label)))
            toggle_whole_layer(session, l);
        ImGui::PopID();
    }
    ImGui::PopStyleVar();
    flow(button_width("Edit sheet"), gap);
    if (toggle_button("Edit sheet", true, "button:Edit sheet", probe, "Edit sheet")) set_editing(ex, false);
    if (narrow)
        bar_text("Tap a value to hide or show it.", palette::kMuted, "tip", probe, true);
    else
        bar_text("Every value is shown while you edit; the hidden ones are in dashed boxes. "
                 "Copy link sends the sheet: the learner sees a ? in each box.",
                 palette::kMuted, "tip", probe, true);
}

float answer_column_width(const mlp::Session& session, const ViewState& view, int l) {
    const ExerciseView& ex = view.exercise;
    if (!ex.on || ex.editing) return 0.0f;
    const auto& hidden = session.hidden();
    const auto first = std::lower_bound(hidden.begin(), hidden.end(), mlp::HiddenValue{Q::Z, l, 0, 0});
    if (first == hidden.end() || first->layer != l || first->is_backward()) return 0.0f;
    return answer_field_width(session, ex, [l](const mlp::HiddenValue& h) { return h.layer == l && !h.is_backward(); });
}

float answer_block_width(const mlp::Session& session, const ViewState& view, const HiddenFilter& in) {
    const ExerciseView& ex = view.exercise;
    if (!ex.on || ex.editing) return 0.0f;
    const auto& hidden = session.hidden();
    if (std::none_of(hidden.begin(), hidden.end(), in)) return 0.0f;
    return answer_field_width(session, ex, in);
}

bool draw_exercise_cell(const mlp::Session& session, ViewState& view, UiProbe& probe, const mlp::HiddenValue& h,
                        float width) {
    ExerciseView& ex = view.exercise;
    if (!ex.on) return false;
    const bool hidden = is_hidden(session, h);
    if (!hidden && !ex.editing) return false;
    const std::string name = notation::value(h);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float line_h = ImGui::GetTextLineHeight();
    const ImVec2 max(min.x + width, min.y + line_h);
    const ValueMask mask(session, view);
    auto add_cell_probe = [&](bool highlighted, const std::string& text) {
        if (ImGui::IsRectVisible(min, max)) probe.add("cell:" + name, min.x, min.y, width, line_h, highlighted, text);
    };

    if (ex.editing) {
        // The teacher's view: every value, the hidden ones in a dashed box; a click toggles.
        value_text(session, mask, h);
        if (hidden) dashed_rect(ImGui::GetWindowDrawList(), ImVec2(min.x - 2, min.y - 1), ImVec2(max.x + 2, max.y + 1),
                                palette::kInk.u32());
        const bool pressed_by_key = keyboard_area_button(min, max, name.c_str(), [&] {
            return describe_control(ControlRole::ToggleButton, "Hide " + person_name(session, h), hidden,
                                    "hidden values are what the learner works out");
        });
        if (pressed_by_key || (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(min, max))) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (pressed_by_key || ImGui::IsMouseClicked(0)) {
                ex.toggle_pending = true;
                ex.toggle = h;
            }
        }
        add_cell_probe(hidden, value_text_plain(session, h));
        return true;
    }
    if (ex.sheet.revealed(h)) {
        // Filled in by Reveal: the value in a solid box; before it what the learner had typed,
        // struck through with its ✗, as the worksheet writes a clipped value ("−5 → 0"): their
        // work stays on the sheet.
        const std::string& yours = ex.sheet.answer(h);
        ImDrawList* list = ImGui::GetWindowDrawList();
        if (!yours.empty()) {
            const ImVec2 size = ImGui::CalcTextSize(yours.c_str());
            list->AddText(min, palette::kWrong.u32(), yours.c_str());
            list->AddLine(ImVec2(min.x - 1, min.y + size.y * 0.55f), ImVec2(min.x + size.x + 1, min.y + size.y * 0.55f),
                          palette::kWrong.u32(), 1.5f);
            const bool marked = ex.sheet.mark(h) == mlp::ExerciseSheet::Mark::Wrong && !ex.sheet.outdated(exercise_values(session));
            const ImVec2 mark_at(min.x + size.x + 1, min.y);
            if (marked) draw_mark(list, mark_at, line_h, false);
            if (ImGui::IsRectVisible(min, ImVec2(mark_at.x + mark_width(), max.y))) {
                probe.add("yours:" + name, min.x, min.y, size.x, line_h, false, yours);
                if (marked) probe.add("mark:" + name, mark_at.x, mark_at.y, mark_width(), line_h, false, kWrongMark);
            }
        }
        value_text(session, mask, h);  // right-aligned in the cell
        const ImVec2 box_min = yours.empty() ? min : ImVec2(ImGui::GetItemRectMin().x - 2, min.y);
        list->AddRect(ImVec2(box_min.x - 2, min.y - 1), ImVec2(max.x + 2, max.y + 1), palette::u32(palette::kMuted, 0.8f), 3.0f, 0,
                      1.2f);
        if (ImGui::IsRectVisible(min, max))
            probe.add("cell:" + name, box_min.x, min.y, max.x - box_min.x, line_h, false, value_text_plain(session, h));
        if (ex.scroll_to_revealed && ex.revealed_last == h) {
            // The sheet (the card's parent) scrolls so the value and what was typed before it show.
            ex.scroll_to_revealed = false;
            ImGui::ScrollToRect(ImGui::GetCurrentWindow(), ImRect(ImVec2(min.x - 4, min.y - 2), ImVec2(max.x + 4, max.y + 2)),
                                ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleEdgeY);
        }
        return true;
    }

    // The answer field. While it is typed into, it shows no mark (what it holds is not checked).
    ExerciseView::Typing& typing = ex.typing;
    const bool typing_here = typing.on && typing.value == h;
    const mlp::ExerciseSheet::Mark mark = ex.sheet.checked() && !ex.sheet.outdated(exercise_values(session)) && !typing_here
                                              ? ex.sheet.mark(h)
                                              : mlp::ExerciseSheet::Mark::None;
    // While typing, the field's text is kept in ex.typing: if typing ended before the field ran
    // this frame (Tab, or a button drawn before it took the click), buf must still hold it.
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s", (typing_here ? typing.text : ex.sheet.answer(h)).c_str());
    ImGui::PushID(name.c_str());
    // Not in the frame of a click: ImGui drops the keyboard focus at the end of a frame in which
    // the mouse clicked outside its windows (the diagram).
    if (ex.focus_pending && ex.focus == h && !ImGui::GetIO().MouseClicked[0]) {
        if (ex.focus_keyboard) ImGui::SetKeyboardFocusHere();
        // A backward card is wider than a phone (and than some laptops' strips): the sheet scrolls
        // to the field itself, not to the card's left edge as for a forward card.
        if (h.is_backward())
            ImGui::ScrollToRect(ImGui::GetCurrentWindow(), ImRect(ImVec2(min.x - 4, min.y - 2), ImVec2(max.x + 4, max.y + 2)),
                                ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleEdgeY);
        ex.focus_pending = false;
    }
    const Colour border = mark == mlp::ExerciseSheet::Mark::Right   ? palette::kRight
                          : mark == mlp::ExerciseSheet::Mark::Wrong ? palette::kWrong
                                                                    : palette::kMuted;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, mark == mlp::ExerciseSheet::Mark::None ? 1.0f : 2.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 3.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, palette::vec4(border));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, palette::vec4(palette::kWhite));
    ImGui::SetNextItemWidth(width - mark_width());
    // No character filter (ImGui's dropped a comma: "3,5" became 35): what is typed becomes the
    // answer when typing ends, if it reads as a number (core/formats/typed_number.h); else the answer
    // stays as it was and the page's banner says why.
    const bool enter = ImGui::InputTextWithHint("##answer", kMaskedText, buf, sizeof buf,
                                                ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(3);
    keyboard_tab_stop([&] {
        const char* marked = mark == mlp::ExerciseSheet::Mark::Right   ? ". Marked right."
                             : mark == mlp::ExerciseSheet::Mark::Wrong ? ". Marked wrong."
                                                                       : ".";
        ControlDescription d = describe_control(ControlRole::TextField, "Answer for " + person_name(session, h), false,
                                                answer_hint(session, h) + marked + " Enter moves on to the next answer.");
        d.value = buf;
        return d;
    });
    probe.add_last_item("answer:" + name, mark != mlp::ExerciseSheet::Mark::None, buf);
    bool accepted = true;
    if (ImGui::IsItemActive()) {
        if (typing.on && !typing_here) end_typing(session, ex);  // the field before it (Tab)
        if (!typing.on) typing = {true, true, h, ""};
        typing.text = buf;
        typing.seen = true;
    } else if (typing_here) {
        // Typing ended: in this frame (Enter, Escape, a click elsewhere: ImGui wrote the final
        // text into buf) or just before it (buf started as the text kept).
        typing.text = buf;
        accepted = end_typing(session, ex);
    }
    if (item_hovered_for_tooltip()) ImGui::SetTooltip("%s", answer_hint(session, h).c_str());
    if (enter && !accepted) {
        request_focus(ex, h);  // refused: stay, to type it again
    } else if (enter) {
        // Enter: on to the next field; from the last one, check the sheet.
        if (const mlp::HiddenValue* next = next_answer_field(session, ex, h))
            request_focus(ex, *next);
        else
            ex.check_pending = true;
    }
    ImGui::SameLine(0, 0);
    const ImVec2 mark_at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(mark_width(), line_h));
    if (mark != mlp::ExerciseSheet::Mark::None) {
        const bool right = mark == mlp::ExerciseSheet::Mark::Right;
        draw_mark(ImGui::GetWindowDrawList(), mark_at, line_h, right);
        probe.add("mark:" + name, mark_at.x, mark_at.y, mark_width(), line_h, right, right ? kRightMark : kWrongMark);
    }
    ImGui::PopID();
    add_cell_probe(false, buf[0] ? std::string(buf) : std::string(kMaskedText));
    return true;
}

}  // namespace app
