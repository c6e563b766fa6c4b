// One value of the forward pass that an exercise hides from the learner (exercise.h). Its own
// header because the Document (network.h) carries the hidden set: it travels in the link's
// `hide` key and the JSON's "hidden" field.
#pragma once

#include <string>
#include <tuple>
#include <vector>

namespace mlp {

// z (before the activation) or a (after) of one node, one sample, one weight layer.
struct HiddenValue {
    enum class Quantity { Z, A };
    Quantity quantity = Quantity::A;
    int layer = 0;   // weight layer, 0-based (the worksheet's layer layer+1)
    int sample = 0;  // 0-based
    int node = 0;    // 0-based
    bool operator==(const HiddenValue& o) const {
        return quantity == o.quantity && layer == o.layer && sample == o.sample && node == o.node;
    }
    bool operator!=(const HiddenValue& o) const { return !(*this == o); }
    // Forward order, the order a learner computes them in: layer by layer, sample by sample,
    // node by node, z before a.
    bool operator<(const HiddenValue& o) const {
        return std::tie(layer, sample, node, quantity) < std::tie(o.layer, o.sample, o.node, o.quantity);
    }
};

// Checks that every hidden value refers to a node that exists, and that the list is sorted
// (HiddenValue's forward order) without repeats. "" or a message. Here, beside the value, because
// validate() (network.h) checks a document's hidden set without depending on exercise mode.
std::string check_hidden(const std::vector<HiddenValue>& hidden, const std::vector<int>& shape, int samples);

}  // namespace mlp
