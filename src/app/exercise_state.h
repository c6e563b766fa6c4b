// Exercise mode's state, without ImGui: what the exercise bar's buttons do (the mode on and off,
// a new sheet, Edit sheet, Check, Reveal step and Reveal all), the answers typed in place, the
// requests the worksheet makes while it draws, and the text the bar, the answer fields and the
// diagram show. exercise_panel.h draws it; the diagram asks here what a hidden node shows; the
// native tests drive it as the panels do (tests/core/test_exercise_state.cpp).
//
// ExerciseView (exercise_view.h) holds the state; the hidden set itself is the document's.
#pragma once

#include <string>

#include "app/view_state.h"
#include "core/document/session.h"
#include "core/exercise/exercise.h"

namespace app {

// [SECTION] Once a frame
// Before the panels: a document with hidden values (an exercise link) turns the mode on; the
// sheet forgets answers of values no longer hidden, and all of them for a new document.
void update_exercise(const mlp::Session& session, ViewState& view);
// After the panels: what the worksheet asked for while it drew (it reads a const Session): a
// value hidden or shown by a click (Edit sheet), a check by Enter in the last answer field, an
// answer typed and refused or accepted (the page's banner).
void apply_exercise_requests(mlp::Session& session, ViewState& view);

// [SECTION] Transitions: what the exercise bar's buttons do
// The Exercise toggle: on (a new sheet when nothing is hidden) or off (nothing hidden any more).
void set_exercise_on(mlp::Session& session, ExerciseView& ex, bool on);
// Edit sheet on or off.
void set_editing(ExerciseView& ex, bool editing);
// New sheet: the next seed's choice.
void next_sheet(mlp::Session& session, ExerciseView& ex);
// A new choice of `per_layer` nodes of every layer (z and a, every sample), from ex.seed.
void new_sheet(mlp::Session& session, ExerciseView& ex);
// Hides every value of weight layer l, or shows them all when all are hidden.
void toggle_whole_layer(mlp::Session& session, int l);
void check_sheet(const mlp::Session& session, ExerciseView& ex);
// Reveal step: the next value not right in forward order, written out in ex.reveal_text.
void reveal_step(const mlp::Session& session, ViewState& view);
void reveal_all(const mlp::Session& session, ExerciseView& ex);
// The answers, marks, reveals, focus request and typing of the sheet forgotten (the one place).
void forget_answers(ExerciseView& ex);
// What is masked changed for a reason the session does not see (a reveal, Edit sheet): the
// diagram and the page's text alternative redraw (ExerciseView::mask_version, the one place it
// moves).
void mask_changed(ExerciseView& ex);
// The answer field of h gets the focus (keyboard: the keyboard's too) and the worksheet comes
// into view.
void request_focus(ExerciseView& ex, const mlp::HiddenValue& h, bool keyboard = true);
// Typing in an answer field ended: the text becomes the answer when it reads as a number (or is
// empty), else the answer stays as it was and the page will say why (apply_exercise_requests).
// Returns false when the text was refused.
bool end_typing(const mlp::Session& session, ExerciseView& ex);

// [SECTION] Queries
// What the hidden values are checked against: the forward pass, and the gradients, the network and
// the learning rate when backward values are hidden (gradients computed only then).
mlp::ExerciseValues exercise_values(const mlp::Session& session);
bool is_hidden(const mlp::Session& session, const mlp::HiddenValue& h);
// Every forward value of weight layer l (z and a, every node, every sample): hidden when all of them are.
bool whole_layer_hidden(const mlp::Session& session, int l);
// The order Tab goes through the answer fields of the worksheet: card by card (the forward cards,
// then the backward ones from the output layer down, then the step's), row (node) by row, block
// by block (z before a; ∂L/∂z, ∂L/∂W, ∂L/∂b; new W, new b), column by column. Enter follows it too.
bool before_in_tab_order(const mlp::HiddenValue& a, const mlp::HiddenValue& b);
// The answer field after h in tab order (revealed values have none), or nullptr.
const mlp::HiddenValue* next_answer_field(const mlp::Session& session, const ExerciseView& ex, const mlp::HiddenValue& h);
// Whether the worksheet must draw and scroll to the card of weight layer l this frame: it holds
// the answer field that gets the keyboard focus. backward: the backward card of layer l (the step's
// card when step).
bool focus_is_in_layer(const ViewState& view, int l, bool backward = false, bool step = false);
// Whether the worksheet must draw the card of weight layer l this frame, off screen or not: it
// holds the value Reveal step just filled in, which scrolls itself into view.
bool reveal_is_in_layer(const ViewState& view, int l, bool backward = false, bool step = false);
// A click on node `node` of node layer `node_layer` in the diagram: when a value of it is hidden
// (z, a or ∂L/∂z, for the sample shown), its answer field gets the focus and the worksheet comes
// into view.
// Returns whether it did.
bool focus_answer_of_node(const mlp::Session& session, ViewState& view, int node_layer, int node);

// [SECTION] Text
// What the exercise bar says, as one line for screen readers: the score (or what to do) and the
// computation Reveal wrote out; "" when the mode is off.
std::string exercise_status(const mlp::Session& session, const ViewState& view);
// The worksheet header's hint while the mode is on (a laptop's; a phone has the bar there).
const char* exercise_hint(const ViewState& view);
// Lines the bar takes under the header (0 when the mode is off), for the layout.
int exercise_bar_lines(const ViewState& view);
// "z3[2] of x2" (" of x2" only when there are several samples): a value as Reveal, the messages
// and the page's screen reader mirror name it.
std::string person_name(const mlp::Session& session, const mlp::HiddenValue& h);
// What an answer field asks for: "z3[2] of x2 = row 2 of W3 · a2 of x2", "a3[2] of x2 = ReLU(z3[2])".
std::string answer_hint(const mlp::Session& session, const mlp::HiddenValue& h);
// What Reveal writes out for h, with the numbers plugged in: "z3[2] of x2 = 2·1 + 7·(−1) = −5",
// "a3[2] of x2 = ReLU(−5) = 0".
std::string reveal_text(const mlp::Session& session, const ViewState& view, const mlp::HiddenValue& h);
// How a diagram node whose value exercise mode hides is written: "?" (Blank), or the learner's
// answer for its a, muted (Typed) until Check marks it Right or Wrong.
enum class AnswerTone { Blank, Typed, Right, Wrong };
std::string hidden_node_label(const mlp::Session& session, const ViewState& view, int l, int sample, int node,
                              AnswerTone* tone);

}  // namespace app
