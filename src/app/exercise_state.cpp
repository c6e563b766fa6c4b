#include "app/exercise_state.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "app/worksheet_text.h"
#include "app/diagram_text.h"
#include "app/value_mask.h"
#include "core/exercise/exercise.h"
#include "core/function_ref.h"
#include "core/model/activation.h"
#include "core/formats/typed_number.h"
#include "core/text/notation.h"
#include "core/text/number_format.h"

namespace app {

namespace notation = mlp::notation;
using Q = mlp::HiddenValue::Quantity;

// [SECTION] Queries and names

mlp::ExerciseValues exercise_values(const mlp::Session& session) {
    const auto& hidden = session.hidden();
    const bool backward = !hidden.empty() && hidden.back().is_backward();  // sorted: backward values last
    return {session.pass(), backward ? session.gradients() : nullptr, &session.network(), session.document().learning_rate};
}


bool is_hidden(const mlp::Session& session, const mlp::HiddenValue& h) {
    return std::binary_search(session.hidden().begin(), session.hidden().end(), h);
}


namespace {

// Which card holds h, in the order they are drawn: the forward cards, the backward cards from the
// output layer down, the step's cards.
int card_phase(const mlp::HiddenValue& h) {
    if (!h.is_backward()) return 0;
    return h.quantity == Q::NewW || h.quantity == Q::NewB ? 2 : 1;
}

std::array<int, 6> tab_key(const mlp::HiddenValue& h) {
    const int phase = card_phase(h);
    return {phase, phase == 1 ? -h.layer : h.layer, h.node, static_cast<int>(h.quantity), h.sample, h.col};
}

}  // namespace

bool before_in_tab_order(const mlp::HiddenValue& a, const mlp::HiddenValue& b) { return tab_key(a) < tab_key(b); }


const mlp::HiddenValue* next_answer_field(const mlp::Session& session, const ExerciseView& ex, const mlp::HiddenValue& h) {
    const mlp::HiddenValue* next = nullptr;
    for (const mlp::HiddenValue& v : session.hidden())
        if (!ex.sheet.revealed(v) && before_in_tab_order(h, v) && (!next || before_in_tab_order(v, *next))) next = &v;
    return next;
}


void request_focus(ExerciseView& ex, const mlp::HiddenValue& h, bool keyboard) {
    ex.focus_pending = true;
    ex.focus_keyboard = keyboard;
    ex.focus = h;
    ex.show_sheet = true;
}


void new_sheet(mlp::Session& session, ExerciseView& ex) {
    forget_answers(ex);
    session.set_hidden(mlp::choose_hidden(session.network().shape, session.sample_count(), ex.per_layer, ex.seed));
    mask_changed(ex);
}


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
        if (h.layer != l || h.is_backward()) hidden.push_back(h);
    if (!whole_layer_hidden(session, l)) {
        for (int s = 0; s < session.sample_count(); ++s)
            for (int i = 0; i < session.network().shape[l + 1]; ++i)
                for (Q q : {Q::Z, Q::A}) hidden.push_back({q, l, s, i});
    }
    session.set_hidden(std::move(hidden));  // sorted there
}


std::string person_name(const mlp::Session& session, const mlp::HiddenValue& h) {
    std::string name = notation::person_value(h);
    if (h.per_sample() && session.sample_count() > 1) name += " of " + notation::sample(h.sample);
    return name;
}


namespace {

// A factor of a product: negative numbers in parentheses, as on the worksheet: 7·(−1).
std::string factor(const std::string& text, double v) { return v < 0 ? "(" + text + ")" : text; }
std::string factor(double v) { return factor(mlp::format_value(v), v); }

// What feeds weight layer l, as a person names it: "x[1]" or "a2[1]".
std::string input_name(int l, int j) { return (l == 0 ? std::string("x") : "a" + std::to_string(l)) + notation::index(j); }

std::string backward_hint(const mlp::Session& session, const mlp::HiddenValue& h) {
    const std::string d = std::string(notation::kPartial) + "L/" + notation::kPartial;
    const std::string L = std::to_string(h.layer + 1), i = notation::index(h.node), dot = notation::kDot;
    const std::string name = person_name(session, h);
    const std::string over = session.sample_count() > 1 ? std::string(notation::kSum) + " over the samples of " : "";
    const std::string minus = std::string(" ") + notation::kMinus + " ";
    switch (h.quantity) {
        case Q::Dz: return name + " = " + d + "a" + L + i + " " + dot + " f" + notation::kPrime + "(z" + L + i + ")";
        case Q::Dw: return name + " = " + over + d + "z" + L + i + " " + dot + " " + input_name(h.layer, h.col);
        case Q::Db: return name + " = " + over + d + "z" + L + i;
        case Q::NewW: {
            const std::string w = notation::weight(h.layer, h.node, h.col);
            return name + " = " + w + minus + "lr " + dot + " " + d + w + " (lr = " + mlp::format_value(session.document().learning_rate) + ")";
        }
        case Q::NewB: {
            const std::string b = notation::bias(h.layer, h.node);
            return name + " = " + b + minus + "lr " + dot + " " + d + b + " (lr = " + mlp::format_value(session.document().learning_rate) + ")";
        }
        default: return name;
    }
}

// What Reveal writes out for a backward value, the numbers plugged in; values the learner has not
// found yet read "?".
std::string backward_reveal_text(const mlp::Session& session, const ValueMask& mask, const mlp::HiddenValue& h) {
    const mlp::BackwardPass* g = session.gradients();
    const std::string name = person_name(session, h);
    const double truth = mlp::hidden_value(h, exercise_values(session));
    if (!g) return name + " = " + mlp::format_value(truth);
    const int l = h.layer, r = h.node, samples = session.sample_count();
    const std::string dot = notation::kDot, minus = std::string(" ") + notation::kMinus + " ";
    auto dz = [&](int s) {
        const double v = g->dz[l].at(s, r);
        return mask.hides({Q::Dz, l, s, r}) ? std::string(kMaskedText) : factor(v);
    };
    auto sum = [&](mlp::FunctionRef<std::string(int)> term) {
        std::string text;
        for (int s = 0; s < samples; ++s) text += (s ? " + " : "") + term(s);
        return text;
    };
    const double lr = session.document().learning_rate;
    switch (h.quantity) {
        case Q::Dz: {
            const mlp::Activation act = session.network().activations[l];
            const double z = session.pass().z[l].at(h.sample, r), a = session.pass().a[l].at(h.sample, r);
            return name + " = " + factor(g->da[l].at(h.sample, r)) + dot + factor(mlp::activation_derivative(act, z, a)) +
                   " = " + mlp::format_value(truth);
        }
        case Q::Dw: {
            const mlp::Matrix& in = mlp::layer_input(session.pass(), session.document().inputs, l);
            return name + " = " + sum([&](int s) {
                       const std::string a = mask.hides_input(l, s, h.col) ? std::string(kMaskedText) : factor(in.at(s, h.col));
                       return dz(s) + dot + a;
                   }) + " = " + mlp::format_value(truth);
        }
        case Q::Db: return name + " = " + sum(dz) + " = " + mlp::format_value(truth);
        case Q::NewW: {
            const double w = session.network().weights[l].at(r, h.col);
            const std::string grad = mask.hides({Q::Dw, l, 0, r, h.col}) ? std::string(kMaskedText) : factor(g->dw[l].at(r, h.col));
            return name + " = " + mlp::format_value(w) + minus + mlp::format_value(lr) + dot + grad + " = " + mlp::format_value(truth);
        }
        case Q::NewB: {
            const double b = session.network().biases[l][r];
            const std::string grad = mask.hides({Q::Db, l, 0, r}) ? std::string(kMaskedText) : factor(g->db[l][r]);
            return name + " = " + mlp::format_value(b) + minus + mlp::format_value(lr) + dot + grad + " = " + mlp::format_value(truth);
        }
        default: return name + " = " + mlp::format_value(truth);
    }
}

}  // namespace


std::string answer_hint(const mlp::Session& session, const mlp::HiddenValue& h) {
    const std::string L = std::to_string(h.layer + 1), i = notation::index(h.node);
    const std::string of = session.sample_count() > 1 ? " of " + notation::sample(h.sample) : "";
    if (h.is_backward()) return backward_hint(session, h);
    if (h.quantity == Q::Z) {
        const std::string before = h.layer == 0 ? "x" : "a" + std::to_string(h.layer);
        const bool bias = session.network().biases[h.layer][h.node] != 0.0;
        return "z" + L + i + of + " = row " + std::to_string(h.node + 1) + " of W" + L + " " + notation::kDot + " " + before + of +
               (bias ? " + b" + L + i : "");
    }
    const mlp::Activation act = session.network().activations[h.layer];
    if (act == mlp::Activation::Linear) return "a" + L + i + of + " = z" + L + i + " (linear: no activation)";
    return "a" + L + i + of + " = " + activation_label(act) + "(z" + L + i + ")";
}


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


std::string hidden_node_label(const mlp::Session& session, const ViewState& view, int l, int sample, int node,
                              AnswerTone* tone) {
    const ExerciseView& ex = view.exercise;
    const ValueMask mask(session, view);
    const mlp::HiddenValue a{Q::A, l, sample, node};
    double typed = 0;
    if (mask.hides_a(l, sample, node) && mlp::read_answer(ex.sheet.answer(a), &typed)) {
        const mlp::ExerciseSheet::Mark mark =
            ex.sheet.checked() && !ex.sheet.outdated(exercise_values(session)) ? ex.sheet.mark(a) : mlp::ExerciseSheet::Mark::None;
        *tone = mark == mlp::ExerciseSheet::Mark::Right   ? AnswerTone::Right
                : mark == mlp::ExerciseSheet::Mark::Wrong ? AnswerTone::Wrong
                                                          : AnswerTone::Typed;
        return mlp::format_value(typed);
    }
    *tone = AnswerTone::Blank;
    return kMaskedText;
}


std::string reveal_text(const mlp::Session& session, const ViewState& view, const mlp::HiddenValue& h) {
    const ValueMask mask(session, view, /*rights_known=*/true);  // the learner's right answers are on the sheet
    if (h.is_backward()) return backward_reveal_text(session, mask, h);
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
        mask_changed(ex);
    }
    bool new_document = false;
    if (session.structure_revision() != ex.structure_seen) {
        // Another document: its answers start blank.
        ex.structure_seen = session.structure_revision();
        forget_answers(ex);
        mask_changed(ex);
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
    std::string text = ex.sheet.status(session.hidden(), exercise_values(session)).text;
    if (!ex.reveal_text.empty()) text += ". " + ex.reveal_text;
    return text;
}


const char* exercise_hint(const ViewState& view) {
    return view.exercise.editing ? "Editing the sheet: click a value (z, a, or one of the backward cards) to hide or show it."
                                 : "Work out each ? by hand and type it in; Tab or Enter moves on.";
}


int exercise_bar_lines(const ViewState& view) {
    // The buttons, and a line for what Reveal wrote out (a tip until then), so the diagram does
    // not jump when it appears.
    return view.exercise.on ? 2 : 0;
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
        ex.sheet.check(session.hidden(), exercise_values(session));
    }
}


namespace {
bool in_card(const mlp::HiddenValue& h, int l, bool backward, bool step) {
    const int phase = backward ? (step ? 2 : 1) : 0;
    return h.layer == l && card_phase(h) == phase;
}
}  // namespace

bool focus_is_in_layer(const ViewState& view, int l, bool backward, bool step) {
    return view.exercise.focus_pending && in_card(view.exercise.focus, l, backward, step);
}


bool reveal_is_in_layer(const ViewState& view, int l, bool backward, bool step) {
    return view.exercise.scroll_to_revealed && in_card(view.exercise.revealed_last, l, backward, step);
}


bool focus_answer_of_node(const mlp::Session& session, ViewState& view, int node_layer, int node) {
    if (node_layer < 1) return false;
    const ValueMask mask(session, view);
    const int sample = std::clamp(view.sample, 0, std::max(0, session.sample_count() - 1));
    for (Q q : {Q::Z, Q::A, Q::Dz}) {  // its δ too: the gradient view's number
        if (!mask.hides(q, node_layer - 1, sample, node)) continue;
        request_focus(view.exercise, {q, node_layer - 1, sample, node});
        return true;
    }
    return false;
}

// [SECTION] Transitions: what the exercise bar's buttons do

void forget_answers(ExerciseView& ex) {
    ex.sheet.clear();
    ex.reveal_text.clear();
    ex.focus_pending = false;
    ex.typing = {};
}

void mask_changed(ExerciseView& ex) { ++ex.mask_version; }

void set_exercise_on(mlp::Session& session, ExerciseView& ex, bool on) {
    if (on == ex.on) return;
    if (!on) {
        // Off: nothing is hidden any more (one undo step brings the sheet back).
        ex.on = false;
        ex.editing = false;
        forget_answers(ex);
        session.set_hidden({});
    } else {
        ex.on = true;
        if (session.hidden().empty()) new_sheet(session, ex);
    }
    mask_changed(ex);
}

void set_editing(ExerciseView& ex, bool editing) {
    ex.editing = editing;
    if (editing) ex.focus_pending = false;
    mask_changed(ex);
}

void next_sheet(mlp::Session& session, ExerciseView& ex) {
    ++ex.seed;
    new_sheet(session, ex);
}

void check_sheet(const mlp::Session& session, ExerciseView& ex) { ex.sheet.check(session.hidden(), exercise_values(session)); }

void reveal_step(const mlp::Session& session, ViewState& view) {
    ExerciseView& ex = view.exercise;
    const auto& hidden = session.hidden();
    if (const mlp::HiddenValue* h = ex.sheet.reveal_next(hidden, exercise_values(session))) {
        const auto step = std::lower_bound(hidden.begin(), hidden.end(), *h) - hidden.begin() + 1;
        ex.reveal_text = "Step " + std::to_string(step) + " of " + std::to_string(hidden.size()) + ":  " +
                         reveal_text(session, view, *h);
        ex.scroll_to_revealed = true;
        ex.revealed_last = *h;
    }
    mask_changed(ex);
}

void reveal_all(const mlp::Session& session, ExerciseView& ex) {
    ex.sheet.reveal_all(session.hidden(), exercise_values(session));
    mask_changed(ex);
    ex.reveal_text = "Every value you did not have right is filled in, in a box, after what you had typed.";
}

}  // namespace app
