// What the diagram says about a node or a line when it is hovered: the worksheet's arithmetic
// with the numbers plugged in, e.g. for node 3.2 of sample 2
//     layer 3, node 2 (sample 2)
//     z = 2·1 + 7·(−1) = −5 → ReLU → 0
// and for weight W3[2,1]
//     W3[2,1] = 1   (node 2.1 → node 3.2)
//     contribution a·w = 2·1 = 2
//     drag the line up or down to change W3[2,1]
#pragma once

#include <string>

#include "app/value_mask.h"
#include "core/diagram/edge_bins.h"
#include "core/document/session.h"

namespace app {

// Terms written out in full up to this fan-in; beyond it the first and last few with "…".
constexpr int kMaxTermsShown = 8;

// "x[2]" for an input, "y[1]" for an output, else "node 3.2" (layer 3, node 2); 0-based in.
std::string node_label(const mlp::Network& net, int layer, int node);

// The hovered node's tooltip: an input's value, or a node's dot product and activation. With a
// mask (exercise mode), every value it hides reads "?".
std::string node_tooltip(const mlp::Session& session, int sample, int layer, int node, const ValueMask* mask = nullptr);

// The dot product into node `node` of weight layer l with the numbers plugged in, as the
// worksheet writes it: "2·1 + 7·(−1)" (then " + b" when the bias is not 0); hidden inputs "?".
std::string dot_product_text(const mlp::Session& session, int sample, int l, int node, const ValueMask* mask = nullptr);

// The hovered line's tooltip: weight (row, col) of weight layer l and its contribution w·a.
std::string edge_tooltip(const mlp::Session& session, int sample, int l, int row, int col, const ValueMask* mask = nullptr);

// An aggregated line: which block of W it stands for and the mean of its weights.
std::string bins_tooltip(const mlp::Session& session, const mlp::GapPlan& gap, int l, int dst_bin, int src_bin);

}  // namespace app
