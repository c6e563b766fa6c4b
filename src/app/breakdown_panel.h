// The breakdown: the worksheet on screen. One card per layer with W, the incoming vectors,
// z = W·a (+ b) and a = act(z), every sample as a column, as the "by hand" exercise writes it:
// negatives on an orange ground, a ReLU-clipped value crossed out and replaced ("−5 → 0").
// On a laptop the cards stand in one row, left to right as the network computes, in a strip
// under the diagram that scrolls sideways (they wrap into rows when those fit its height, or
// when it is tall enough for two rows); on a phone they flow and wrap (one under the other).
// Large layers scroll inside their card with only the visible rows built, W is left out when it
// is wider than a card can show, and cards off screen cost a Dummy.
#pragma once

#include "app/ui_probe.h"
#include "app/view_state.h"
#include "core/document/session.h"

struct ImVec2;  // imgui.h: kept out, so ImGui-free code can read the constants below

namespace app {

// W is shown when its layer has at most this many columns.
constexpr int kMaxShownWeightColumns = 12;
// A card shows at most this many rows (fewer in a short strip) and scrolls the rest.
constexpr int kMaxCardRows = 12;

// Draws the cards into the current window. Clicking a number selects what it belongs to (a
// weight: that edge; z or a: that node), which the sliders bring into view.
// one_row: all cards side by side, as tall as the window allows (the laptop's strip).
void draw_breakdown(const mlp::Session& session, ViewState& view, UiProbe& probe, bool one_row);

// The size the cards take when they flow and wrap within `width` (draw_breakdown with one_row
// false): for a picture of the whole worksheet (app/picture.h). Call within a frame.
ImVec2 breakdown_size(const mlp::Session& session, const ViewState& view, float width);

}  // namespace app
