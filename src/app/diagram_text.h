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

// An aggregated line: which block of W it stands for and the mean of its weights (or, with
// `gradients`, of their ∂L/∂w: what the gradient view draws).
std::string bins_tooltip(const mlp::Session& session, const mlp::GapPlan& gap, int l, int dst_bin, int src_bin,
                         bool gradients = false);

// [SECTION] The gradient view (the diagram's lines drawn by ∂L/∂w, its nodes by δ = ∂L/∂z)

// Whether the diagram shows gradients: the view chosen (ViewState::gradient_view) and a document
// with targets (without them there is no loss, so no gradient: the values view is all there is).
bool shows_gradients(const mlp::Session& session, bool gradient_view);

// The number node `node` of weight layer l shows (in its circle, in ui()'s probe): its activation
// a, or in the gradient view its δ = ∂L/∂z.
double node_number(const mlp::Session& session, bool gradients, int l, int sample, int node);

// "∂L/∂W2[1,3]": the gradient of weight (row, col) of weight layer l.
std::string gradient_name(int l, int row, int col);

// The hovered line in the gradient view: ∂L/∂w = δ·a with the numbers plugged in, one term per
// sample and their sum when there are several:
//     ∂L/∂W2[1,3] = Σ δ·a = 0.25·2 + (−0.5)·1 = 0
// δ: ∂L/∂z of the node the weight leads into; a: the value it comes from. The session must have
// targets. A value the mask hides reads "?".
std::string edge_gradient_tooltip(const mlp::Session& session, int l, int row, int col, const ValueMask* mask = nullptr);

// The hovered node in the gradient view: its δ from the layer above (or, for an output, from the
// loss) and the activation's slope:
//     layer 1, node 2 (sample 1): δ = ∂L/∂z
//     from the layer above: (W2ᵀδ)[2] = 1·0.5 + (−1)·0.25 = 0.25
//     f′(z) = ReLU′(3) = 1
//     δ = 0.25·1 = 0.25
// An input has no δ: its value's tooltip (node_tooltip). The session must have targets.
std::string node_gradient_tooltip(const mlp::Session& session, int sample, int layer, int node,
                                  const ValueMask* mask = nullptr);

}  // namespace app
