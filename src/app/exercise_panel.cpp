#include "app/exercise_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/diagram_text.h"
#include "app/keyboard_nav.h"
#include "core/number_format.h"
#include "app/palette.h"
#include "app/theme.h"
#include "app/value_mask.h"
#include "app/value_slider.h"
#include "app/worksheet_text.h"
#include "core/exercise.h"
#include "core/typed_number.h"

namespace app {
namespace {

using Q = mlp::HiddenValue::Quantity;
const char* const kRightMark = "\xE2\x9C\x93";  // ✓
const char* const kWrongMark = "\xE2\x9C\x97";  // ✗

bool is_hidden(const mlp::Session& session, const mlp::HiddenValue& h) {
    return std::binary_search(session.hidden().begin(), session.hidden().end(), h);
}

// The order Tab goes through the answer fields of the worksheet: card by card, row (node) by
// row, the z columns before the a columns, sample by sample. Enter follows it too.
bool before_in_tab_order(const mlp::HiddenValue& a, const mlp::HiddenValue& b) {
    return std::tie(a.layer, a.node, a.quantity, a.sample) < std::tie(b.layer, b.node, b.quantity, b.sample);
}

// The answer field after h in tab order (revealed values have none), or nullptr.
const mlp::HiddenValue* next_answer_field(const mlp::Session& session, const ExerciseView& ex, const mlp::HiddenValue& h) {
    const mlp::HiddenValue* next = nullptr;
    for (const mlp::HiddenValue& v : session.hidden())
        if (!ex.sheet.revealed(v) && before_in_tab_order(h, v) && (!next || before_in_tab_order(v, *next))) next = &v;
    return next;
}

void request_focus(ExerciseView& ex, const mlp::HiddenValue& h, bool keyboard = true) {
    ex.focus_pending = true;
    ex.focus_keyboard = keyboard;
    ex.focus = h;
    ex.show_sheet = true;
}

// Places the next item of width w on this line, `spacing` after the previous one (-1: the
// style's), when it fits; else at the start of the next line. Call after the previous item.
void flow(float w, float spacing = -1.0f) {
    ImGui::SameLine(0.0f, spacing);
    if (ImGui::GetCursorPosX() + w > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

// A button; greyed out and inert when disabled. The probe names it "button:<probe>"; `name` is
// what a screen reader calls it (the probe name when none).
bool bar_button(const char* label, const char* probe_name, UiProbe& probe, bool enabled = true,
                const char* name = nullptr) {
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

// An on/off button in the style of the segmented buttons (top_bar.h): ink when on. `name` is what
// a screen reader calls it.
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

// A line of text (wrapped to the window when `wrap`), recorded in the probe as "text:<name>".
void bar_text(const std::string& text, Colour colour, const char* probe_name, UiProbe& probe, bool wrap = false) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::vec4(colour));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(wrap ? wrap_to_width(text.c_str(), std::max(1.0f, ImGui::GetContentRegionAvail().x)).c_str()
                                : text.c_str());
    ImGui::PopStyleColor();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    probe.add(std::string("text:") + probe_name, min.x, min.y, max.x - min.x, max.y - min.y, false, text);
}

// A new choice of `per_layer` nodes of every layer (z and a, every sample), from ex.seed.
void new_sheet(mlp::Session& session, ExerciseView& ex) {
    ex.sheet.clear();
    ex.reveal_text.clear();
    ex.focus_pending = false;
    session.set_hidden(mlp::choose_hidden(session.network().shape, session.sample_count(), ex.per_layer, ex.seed));
    ++ex.mask_version;
}

// Every value of weight layer l (z and a, every node, every sample): hidden when all of them are.
bool whole_layer_hidden(const mlp::Session& session, int l) {
    const int64_t count = 2LL * session.network().shape[l + 1] * session.sample_count();
    const auto& hidden = session.hidden();
    const auto first = std::lower_bound(hidden.begin(), hidden.end(), mlp::HiddenValue{Q::Z, l, 0, 0});
    const auto last = std::lower_bound(hidden.begin(), hidden.end(), mlp::HiddenValue{Q::Z, l + 1, 0, 0});
    return last - first == count;
}

void toggle_whole_layer(mlp::Session& session, int l) {
    std::vector<mlp::HiddenValue> hidden;
    for (const mlp::HiddenValue& h : session.hidden())
        if (h.layer != l) hidden.push_back(h);
    if (!whole_layer_hidden(session, l)) {
        std::string text = "z" + std::to_string(l + 1) + ",a" + std::to_string(l + 1);
        std::vector<mlp::HiddenValue> layer;
        if (mlp::parse_hidden(text, session.network().shape, session.sample_count(), &layer).empty())
            hidden.insert(hidden.end(), layer.begin(), layer.end());
    }
    session.set_hidden(std::move(hidden));
}

// The score line (the core's words, ExerciseSheet::status) in its colour.
std::string status_text(const mlp::Session& session, const ExerciseView& ex, Colour* colour) {
    using Tone = mlp::ExerciseSheet::Status::Tone;
    const mlp::ExerciseSheet::Status status = ex.sheet.status(session.hidden(), session.pass());
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
    return mlp::format_value(mlp::hidden_value(h, session.pass()));
}

// "z3[2] of x2" (" of x2" only when there are several samples): a value as Reveal, the messages
// and the page's screen reader mirror name it.
std::string person_name(const mlp::Session& session, const mlp::HiddenValue& h) {
    std::string name = std::string(h.quantity == Q::Z ? "z" : "a") + std::to_string(h.layer + 1) + "[" +
                       std::to_string(h.node + 1) + "]";
    if (session.sample_count() > 1) name += " of x" + std::to_string(h.sample + 1);
    return name;
}

// What an answer field asks for: "z3[2] of x2 = row 2 of W3 · a2 of x2", "a3[2] of x2 = ReLU(z3[2])".
std::string answer_hint(const mlp::Session& session, const mlp::HiddenValue& h) {
    const std::string L = std::to_string(h.layer + 1), i = "[" + std::to_string(h.node + 1) + "]";
    const std::string of = session.sample_count() > 1 ? " of x" + std::to_string(h.sample + 1) : "";
    if (h.quantity == Q::Z) {
        const std::string before = h.layer == 0 ? "x" : "a" + std::to_string(h.layer);
        const bool bias = session.network().biases[h.layer][h.node] != 0.0;
        return "z" + L + i + of + " = row " + std::to_string(h.node + 1) + " of W" + L + " \xC2\xB7 " + before + of +
               (bias ? " + b" + L + i : "");
    }
    const mlp::Activation act = session.network().activations[h.layer];
    if (act == mlp::Activation::Linear) return "a" + L + i + of + " = z" + L + i + " (linear: no activation)";
    return "a" + L + i + of + " = " + activation_label(act) + "(z" + L + i + ")";
}

// Typing in an answer field ended: the text becomes the answer when it reads as a number (or is
// empty), else the answer stays as it was and the page will say why (apply_exercise_requests).
// Returns false when the text was refused.
bool end_typing(const mlp::Session& session, ExerciseView& ex) {
    ExerciseView::Typing& t = ex.typing;
    if (!t.on) return true;
    t.on = false;
    const std::string& before = ex.sheet.answer(t.value);
    if (t.text == before) return true;
    const bool blank = t.text.find_first_not_of(" \t") == std::string::npos;
    const mlp::TypedNumber typed = mlp::read_typed_number(t.text, mlp::TypedRange::Finite);
    if (blank || typed.ok()) {
        ex.sheet.set_answer(t.value, blank ? std::string() : t.text);
        ex.answer_refused = false;
        ex.answer_accepted = true;
        return true;
    }
    const std::string name = person_name(session, t.value);
    ex.answer_refused = true;
    ex.answer_message_text = name + ": " + typed.error;
    ex.answer_message_note = "The answer to " + name + (before.empty() ? " stays empty." : " stays " + before + ".");
    return false;
}

// The width a revealed value of weight layer l needs before it for the wrong answer the learner
// had typed (struck through, with its ✗), or 0 when no revealed value there has one.
float kept_answers_width(const mlp::Session& session, const ExerciseView& ex, int l) {
    float widest = 0.0f;
    for (const mlp::HiddenValue& h : session.hidden()) {
        if (h.layer != l || !ex.sheet.revealed(h) || ex.sheet.answer(h).empty()) continue;
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

}  // namespace

std::string hidden_node_label(const mlp::Session& session, const ViewState& view, int l, int sample, int node,
                              Colour* colour) {
    const ExerciseView& ex = view.exercise;
    const ValueMask mask(session, view);
    const mlp::HiddenValue a{Q::A, l, sample, node};
    double typed = 0;
    if (mask.hides_a(l, sample, node) && mlp::read_answer(ex.sheet.answer(a), &typed)) {
        const mlp::ExerciseSheet::Mark mark =
            ex.sheet.checked() && !ex.sheet.outdated(session.pass()) ? ex.sheet.mark(a) : mlp::ExerciseSheet::Mark::None;
        *colour = mark == mlp::ExerciseSheet::Mark::Right   ? palette::kRight
                  : mark == mlp::ExerciseSheet::Mark::Wrong ? palette::kWrong
                                                            : palette::kMuted;
        return mlp::format_value(typed);
    }
    *colour = palette::kInk;
    return kMaskedText;
}

std::string value_name(const mlp::HiddenValue& h) {
    return std::string(h.quantity == Q::Z ? "z" : "a") + std::to_string(h.layer + 1) + "[" + std::to_string(h.node + 1) +
           "].x" + std::to_string(h.sample + 1);
}

std::string reveal_text(const mlp::Session& session, const ViewState& view, const mlp::HiddenValue& h) {
    const ValueMask mask(session, view, /*rights_known=*/true);  // the learner's right answers are on the sheet
    const double z = session.pass().z[h.layer].at(h.sample, h.node);
    const double a = session.pass().a[h.layer].at(h.sample, h.node);
    const std::string name = person_name(session, h);
    if (h.quantity == Q::Z)
        return name + " = " + dot_product_text(session, h.sample, h.layer, h.node, &mask) + " = " + mlp::format_value(z);
    const mlp::Activation act = session.network().activations[h.layer];
    if (act == mlp::Activation::Linear) return name + " = z = " + mlp::format_value(a) + " (linear: no activation)";
    std::string text = name + " = " + activation_label(act) + "(" + shown_value(mask.hides_z(h.layer, h.sample, h.node), z) +
                       ") = " + mlp::format_value(a);
    if (mlp::is_clipped(act, z)) text += ": ReLU turns a negative z into 0";
    return text;
}

void update_exercise(const mlp::Session& session, ViewState& view) {
    ExerciseView& ex = view.exercise;
    const bool opened = !session.hidden().empty() && !ex.on;
    if (opened) {
        // An exercise link (or undo back to a sheet): open ready to solve, the diagram on the
        // sample of the first value to find.
        ex.on = true;
        ex.editing = false;
        view.sample = session.hidden().front().sample;
        ++ex.mask_version;
    }
    bool new_document = false;
    if (session.structure_revision() != ex.structure_seen) {
        // Another document: its answers start blank.
        ex.structure_seen = session.structure_revision();
        ex.sheet.clear();
        ex.reveal_text.clear();
        ex.focus_pending = false;
        ex.typing = {};
        ++ex.mask_version;
        new_document = true;
    }
    ex.sheet.keep_only(session.hidden());
    if (ex.focus_pending && !is_hidden(session, ex.focus)) ex.focus_pending = false;
    if (ex.typing.on && !is_hidden(session, ex.typing.value)) ex.typing = {};
    if (ex.scroll_to_revealed && !(is_hidden(session, ex.revealed_last) && ex.sheet.revealed(ex.revealed_last)))
        ex.scroll_to_revealed = false;
    if ((opened || new_document) && ex.on && !session.hidden().empty()) {
        // Ready to solve: the first answer field scrolled into view.
        const mlp::HiddenValue* first = &session.hidden().front();
        for (const mlp::HiddenValue& h : session.hidden())
            if (before_in_tab_order(h, *first)) first = &h;
        request_focus(ex, *first, /*keyboard=*/false);
    }
}

std::string exercise_status(const mlp::Session& session, const ViewState& view) {
    const ExerciseView& ex = view.exercise;
    if (!ex.on) return "";
    if (ex.editing) return "Editing the exercise sheet: " + std::to_string(session.hidden().size()) + " values hidden.";
    Colour colour;
    std::string text = status_text(session, ex, &colour);
    if (!ex.reveal_text.empty()) text += ". " + ex.reveal_text;
    return text;
}

const char* exercise_hint(const ViewState& view) {
    return view.exercise.editing ? "Editing the sheet: click a z or a value to hide or show it."
                                 : "Work out each ? by hand and type it in; Tab or Enter moves on.";
}

int exercise_bar_lines(const ViewState& view) {
    // The buttons, and a line for what Reveal wrote out (a tip until then), so the diagram does
    // not jump when it appears.
    return view.exercise.on ? 2 : 0;
}

void draw_exercise_toggle(mlp::Session& session, ViewState& view, UiProbe& probe) {
    ExerciseView& ex = view.exercise;
    if (toggle_button("Exercise", ex.on, "button:Exercise", probe, "Exercise")) {
        if (ex.on) {
            // Off: nothing is hidden any more (one undo step brings the sheet back).
            ex.on = false;
            ex.editing = false;
            ex.sheet.clear();
            ex.reveal_text.clear();
            ex.focus_pending = false;
            ex.typing = {};
            session.set_hidden({});
        } else {
            ex.on = true;
            if (session.hidden().empty()) new_sheet(session, ex);
        }
        ++ex.mask_version;
    }
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
        if (bar_button("Check", "Check", probe, !hidden.empty())) ex.sheet.check(hidden, session.pass());
        flow(button_width("Reveal step"));
        // Reveal skips what the learner has right (and marks it) and keeps a wrong answer beside
        // the value it reveals (core/exercise_sheet.h).
        const bool any_left = ex.sheet.next_to_reveal(hidden, session.pass()) != nullptr;
        if (bar_button("Reveal step", "Reveal step", probe, any_left)) {
            if (const mlp::HiddenValue* h = ex.sheet.reveal_next(hidden, session.pass())) {
                const auto step = std::lower_bound(hidden.begin(), hidden.end(), *h) - hidden.begin() + 1;
                ex.reveal_text = "Step " + std::to_string(step) + " of " + std::to_string(hidden.size()) + ":  " +
                                 reveal_text(session, view, *h);
                ex.scroll_to_revealed = true;
                ex.revealed_last = *h;
            }
            ++ex.mask_version;
        }
        flow(button_width("Reveal all"));
        if (bar_button("Reveal all", "Reveal all", probe, any_left)) {
            ex.sheet.reveal_all(hidden, session.pass());
            ++ex.mask_version;
            ex.reveal_text = "Every value you did not have right is filled in, in a box, after what you had typed.";
        }
        Colour colour;
        const std::string status = status_text(session, ex, &colour);
        flow(ImGui::CalcTextSize(status.c_str()).x, gap);
        bar_text(status, colour, "score", probe);
        flow(button_width("Edit sheet"), gap);
        if (toggle_button("Edit sheet", false, "button:Edit sheet", probe, "Edit sheet")) {
            ex.editing = true;
            ex.focus_pending = false;
            ++ex.mask_version;
        }
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
    if (bar_button("\xE2\x88\x92###fewer", "fewer", probe, ex.per_layer > 1, "Hide one node fewer per layer"))
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
    if (bar_button("New sheet", "New sheet", probe)) {
        ++ex.seed;
        new_sheet(session, ex);
    }
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
    if (toggle_button("Edit sheet", true, "button:Edit sheet", probe, "Edit sheet")) {
        ex.editing = false;
        ++ex.mask_version;
    }
    if (narrow)
        bar_text("Tap a z or a value to hide or show it.", palette::kMuted, "tip", probe, true);
    else
        bar_text("Every value is shown while you edit; the hidden ones are in dashed boxes. "
                 "Copy link sends the sheet: the learner sees a ? in each box.",
                 palette::kMuted, "tip", probe, true);
}

void apply_exercise_requests(mlp::Session& session, ViewState& view) {
    ExerciseView& ex = view.exercise;
    // An answer field that was not typed into this frame any more (Tab, a click elsewhere, its
    // card scrolled away): typing ended.
    if (ex.typing.on && !ex.typing.seen) end_typing(session, ex);
    ex.typing.seen = false;
    if (ex.answer_refused) {
        ex.answer_refused = false;
        ex.answer_message.refuse(&session, std::move(ex.answer_message_text), std::move(ex.answer_message_note));
    } else if (ex.answer_accepted) {
        ex.answer_message.accepted(&session);
    }
    ex.answer_accepted = false;
    if (ex.toggle_pending) {
        ex.toggle_pending = false;
        std::vector<mlp::HiddenValue> hidden = session.hidden();
        auto it = std::lower_bound(hidden.begin(), hidden.end(), ex.toggle);
        if (it != hidden.end() && *it == ex.toggle)
            hidden.erase(it);
        else
            hidden.insert(it, ex.toggle);
        session.set_hidden(std::move(hidden));
    }
    if (ex.check_pending) {
        ex.check_pending = false;
        ex.sheet.check(session.hidden(), session.pass());
    }
}

float answer_column_width(const mlp::Session& session, const ViewState& view, int l) {
    const ExerciseView& ex = view.exercise;
    if (!ex.on || ex.editing) return 0.0f;
    const auto& hidden = session.hidden();
    const auto first = std::lower_bound(hidden.begin(), hidden.end(), mlp::HiddenValue{Q::Z, l, 0, 0});
    if (first == hidden.end() || first->layer != l) return 0.0f;
    // Room for "−00.00" typed, the frame, and the mark; and for the wrong answers kept beside
    // revealed values.
    return ImGui::CalcTextSize("\xE2\x88\x92" "00.00").x + 8.0f + 2.0f + mark_width() + kept_answers_width(session, ex, l);
}

bool focus_is_in_layer(const ViewState& view, int l) {
    return view.exercise.focus_pending && view.exercise.focus.layer == l;
}

bool reveal_is_in_layer(const ViewState& view, int l) {
    return view.exercise.scroll_to_revealed && view.exercise.revealed_last.layer == l;
}

bool focus_answer_of_node(const mlp::Session& session, ViewState& view, int node_layer, int node) {
    if (node_layer < 1) return false;
    const ValueMask mask(session, view);
    const int sample = std::clamp(view.sample, 0, std::max(0, session.sample_count() - 1));
    for (Q q : {Q::Z, Q::A}) {
        if (!mask.hides(q, node_layer - 1, sample, node)) continue;
        request_focus(view.exercise, {q, node_layer - 1, sample, node});
        return true;
    }
    return false;
}

bool draw_exercise_cell(const mlp::Session& session, ViewState& view, UiProbe& probe, const mlp::HiddenValue& h,
                        float width) {
    ExerciseView& ex = view.exercise;
    if (!ex.on) return false;
    const bool hidden = is_hidden(session, h);
    if (!hidden && !ex.editing) return false;
    const std::string name = value_name(h);
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
            const bool marked = ex.sheet.mark(h) == mlp::ExerciseSheet::Mark::Wrong && !ex.sheet.outdated(session.pass());
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
    const mlp::ExerciseSheet::Mark mark = ex.sheet.checked() && !ex.sheet.outdated(session.pass()) && !typing_here
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
    // answer when typing ends, if it reads as a number (core/typed_number.h); else the answer
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
