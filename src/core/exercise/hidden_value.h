// One value that an exercise hides from the learner (exercise.h): of the forward pass (z, a) or,
// when the document has targets, of the backward pass and the step (∂L/∂z, ∂L/∂W, ∂L/∂b, the new
// W and b). Its own header because the Document (network.h) carries the hidden set: it travels in
// the link's `hide` key and the JSON's "hidden" field.
#pragma once

#include <array>
#include <string>
#include <tuple>
#include <vector>

namespace mlp {

// Which value, where:
//   Z, A, Dz:   weight layer `layer`, sample `sample`, node `node` (Dz: ∂L/∂z, the reduction in it)
//   Dw, NewW:   weight layer `layer`, row `node`, column `col` (∂L/∂W summed over the samples; the
//               weight after one step of gradient descent)
//   Db, NewB:   weight layer `layer`, row `node` (∂L/∂b; the bias after the step)
// Fields a quantity does not use stay 0.
struct HiddenValue {
    enum class Quantity { Z, A, Dz, Dw, Db, NewW, NewB };
    Quantity quantity = Quantity::A;
    int layer = 0;   // weight layer, 0-based (the worksheet's layer layer+1)
    int sample = 0;  // 0-based
    int node = 0;    // 0-based (a row of W for Dw, Db, NewW, NewB)
    int col = 0;     // 0-based column of W (Dw, NewW)

    bool is_backward() const { return quantity != Quantity::Z && quantity != Quantity::A; }
    bool per_sample() const { return quantity == Quantity::Z || quantity == Quantity::A || quantity == Quantity::Dz; }

    bool operator==(const HiddenValue& o) const {
        return quantity == o.quantity && layer == o.layer && sample == o.sample && node == o.node && col == o.col;
    }
    bool operator!=(const HiddenValue& o) const { return !(*this == o); }
    // The order a learner computes them in. The forward values first, in forward order: layer by
    // layer, sample by sample, node by node, z before a. Then the backward pass from the output
    // layer down, each layer's ∂L/∂z (sample by sample, node by node), then ∂L/∂W (row by row),
    // then ∂L/∂b. Last the step, layer 1 up, the new W (row by row) before the new b, as the
    // backward worksheet's cards go.
    bool operator<(const HiddenValue& o) const { return order_key() < o.order_key(); }

private:
    std::array<int, 6> order_key() const {
        const int q = static_cast<int>(quantity);
        if (!is_backward()) return {0, layer, sample, node, q, 0};
        if (quantity == Quantity::NewW || quantity == Quantity::NewB) return {2, layer, q, node, col, 0};
        return {1, -layer, q, sample, node, col};
    }
};

// Checks that every hidden value refers to a value that exists (layer, sample, node, row, column),
// that backward values come with targets (without them there is no backward pass), and that the
// list is sorted (HiddenValue's order) without repeats. "" or a message. Here, beside the value,
// because validate() (network.h) checks a document's hidden set without depending on exercise mode.
std::string check_hidden(const std::vector<HiddenValue>& hidden, const std::vector<int>& shape, int samples,
                         bool has_targets);

// Removes the backward values from a set (targets removed: nothing to compute them from).
void drop_backward(std::vector<HiddenValue>* hidden);

}  // namespace mlp
