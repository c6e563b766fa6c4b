// Exercise mode, the worksheet as a game: some values of the worksheet are hidden (the
// document's hidden set, which travels in the link); the learner types them in place, Check marks
// each answer right (✓) or wrong (✗), Reveal writes out the computation of the next hidden value.
// A teacher turns the mode on, chooses how many nodes of every layer to hide ("New sheet" draws
// another choice), hides whole layers, or clicks values to hide or show them (Edit sheet).
//
// The worksheet (breakdown_panel.cpp) and the diagram call in here where a hidden value would
// be shown; every other place that shows a value asks value_mask.h.
#pragma once

#include <string>

#include "app/palette.h"
#include "app/ui_probe.h"
#include "app/view_state.h"
#include "core/session.h"

namespace app {

// Once a frame, before the panels: a document with hidden values (an exercise link) turns the
// mode on; the sheet forgets answers of values no longer hidden, and all of them for a new
// document.
void update_exercise(const mlp::Session& session, ViewState& view);

// What the exercise bar says, as one line for screen readers: the score (or what to do) and the
// computation Reveal wrote out; "" when the mode is off.
std::string exercise_status(const mlp::Session& session, const ViewState& view);

// The worksheet header's hint while the mode is on (a laptop's; a phone has the bar there).
const char* exercise_hint(const ViewState& view);
// Lines the bar takes under the header (0 when the mode is off), for the layout.
int exercise_bar_lines(const ViewState& view);

// The Exercise toggle, for the worksheet's header line.
void draw_exercise_toggle(mlp::Session& session, ViewState& view, UiProbe& probe);
// Under the header while the mode is on: Check, Reveal, the score; the teacher's controls (nodes
// per layer, New sheet, Edit sheet, whole layers); the computation Reveal wrote out (a tip until
// then). narrow: a phone's, going on from the header line, without the tips.
void draw_exercise_bar(mlp::Session& session, ViewState& view, UiProbe& probe, bool narrow);

// What the worksheet asked for while it drew (it reads a const Session): a value hidden or shown
// by a click (Edit sheet), a check by Enter in the last answer field. Call after the panels.
void apply_exercise_requests(mlp::Session& session, ViewState& view);

// A z or a cell of the worksheet (h names it). In exercise mode, draws a hidden value as an
// answer field with its mark, or as the value Reveal filled in; while editing the sheet, any
// value, marked when hidden, and a click hides or shows it. Records "cell:z3[2].x2" and, for an
// answer field, "answer:z3[2].x2" (text: what is typed) and "mark:z3[2].x2" (✓ or ✗) in the
// probe. Returns false when the caller should draw the cell as usual.
bool draw_exercise_cell(const mlp::Session& session, ViewState& view, UiProbe& probe, const mlp::HiddenValue& h,
                        float width);
// The width a z or a column of weight layer l needs for its answer fields (0: none there).
float answer_column_width(const mlp::Session& session, const ViewState& view, int l);

// Whether the worksheet must draw and scroll to the card of weight layer l this frame: it holds
// the answer field that gets the keyboard focus.
bool focus_is_in_layer(const ViewState& view, int l);
// Whether the worksheet must draw the card of weight layer l this frame, off screen or not: it
// holds the value Reveal step just filled in, which scrolls itself into view.
bool reveal_is_in_layer(const ViewState& view, int l);

// A click on node `node` of node layer `node_layer` in the diagram: when a value of it is hidden
// (for the sample shown), its answer field gets the focus and the worksheet comes into view.
// Returns whether it did.
bool focus_answer_of_node(const mlp::Session& session, ViewState& view, int node_layer, int node);

// What a diagram node whose value exercise mode hides shows instead: the learner's answer for its
// a (muted; blue or vermillion once checked), or "?". `colour` gets the colour to write it in.
std::string hidden_node_label(const mlp::Session& session, const ViewState& view, int l, int sample, int node,
                              Colour* colour);

// "z3[2].x2": the worksheet's name of a value (as in the probe names of its cell).
std::string value_name(const mlp::HiddenValue& h);

// What Reveal writes out for h, with the numbers plugged in: "z3[2] of x2 = 2·1 + 7·(−1) = −5",
// "a3[2] of x2 = ReLU(−5) = 0".
std::string reveal_text(const mlp::Session& session, const ViewState& view, const mlp::HiddenValue& h);

}  // namespace app
