// Exercise mode, the worksheet as a game: some values of the worksheet are hidden (the
// document's hidden set, which travels in the link); the learner types them in place, Check marks
// each answer right (✓) or wrong (✗), Reveal writes out the computation of the next hidden value.
// A teacher turns the mode on, chooses how many nodes of every layer to hide ("New sheet" draws
// another choice), hides whole layers, or clicks values to hide or show them (Edit sheet).
//
// The drawing, over exercise_state.h (what the buttons do, the answers, the text; no ImGui). The
// worksheet (breakdown_panel.cpp) calls in here where a hidden value would be shown; every other
// place that shows a value asks value_mask.h.
#pragma once

#include <functional>
#include <string>

#include "app/exercise_state.h"
#include "app/ui_probe.h"
#include "app/view_state.h"
#include "core/document/session.h"

namespace app {

// The Exercise toggle, for the worksheet's header line.
void draw_exercise_toggle(mlp::Session& session, ViewState& view, UiProbe& probe);
// Under the header while the mode is on: Check, Reveal, the score; the teacher's controls (nodes
// per layer, New sheet, Edit sheet, whole layers); the computation Reveal wrote out (a tip until
// then). narrow: a phone's, going on from the header line, without the tips.
void draw_exercise_bar(mlp::Session& session, ViewState& view, UiProbe& probe, bool narrow);

// A z or a cell of the worksheet, or a ∂L/∂z, ∂L/∂W, ∂L/∂b, new W or new b cell of the backward
// cards (h names it). In exercise mode, draws a hidden value as an
// answer field with its mark, or as the value Reveal filled in; while editing the sheet, any
// value, marked when hidden, and a click hides or shows it. Records "cell:z3[2].x2" and, for an
// answer field, "answer:z3[2].x2" (text: what is typed) and "mark:z3[2].x2" (✓ or ✗) in the
// probe. Returns false when the caller should draw the cell as usual.
bool draw_exercise_cell(const mlp::Session& session, ViewState& view, UiProbe& probe, const mlp::HiddenValue& h,
                        float width);
// The width a z or a column of weight layer l needs for its answer fields (0: none there).
float answer_column_width(const mlp::Session& session, const ViewState& view, int l);
// Which hidden values a block of cells holds.
using HiddenFilter = std::function<bool(const mlp::HiddenValue&)>;
// The width a column of a backward card's block needs for its answer fields (0: none of `in` is hidden).
float answer_block_width(const mlp::Session& session, const ViewState& view, const HiddenFilter& in);

}  // namespace app
