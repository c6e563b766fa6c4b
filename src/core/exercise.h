// Exercise mode: the worksheet as a game. Some values of the forward pass are hidden; the
// learner computes them by hand and types them in place; answers are checked against the
// forward pass. The hidden set travels in the link (key `hide`, see docs/link-format.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/forward_pass.h"
#include "core/network.h"

namespace mlp {

// One hidden value: z (before the activation) or a (after) of one node, one sample, one layer.
struct HiddenValue {
    enum class Quantity { Z, A };
    Quantity quantity = Quantity::A;
    int layer = 0;   // weight layer, 0-based (the worksheet's layer layer+1)
    int sample = 0;  // 0-based
    int node = 0;    // 0-based
    bool operator==(const HiddenValue& o) const {
        return quantity == o.quantity && layer == o.layer && sample == o.sample && node == o.node;
    }
    bool operator<(const HiddenValue& o) const;
};

// The link's `hide` value: items joined by ',', each <q><layer>[.<sample>[.<node>]] with q = z or
// a and 1-based numbers; an omitted sample or node means all of them. "a3" hides every a of layer
// 3; "z3.2.1,a3.2.1" hides z and a of node 1 of layer 3 for sample 2.
// Returns "" and fills *out (sorted, without repeats), or a message naming the item at fault.
std::string parse_hidden(std::string_view text, const std::vector<int>& shape, int samples,
                         std::vector<HiddenValue>* out);
// The shortest `hide` text for a set (whole layers and whole samples written with wildcards).
std::string encode_hidden(const std::vector<HiddenValue>& hidden, const std::vector<int>& shape, int samples);

// Checks that every hidden value refers to a node that exists. "" or a message.
std::string check_hidden(const std::vector<HiddenValue>& hidden, const std::vector<int>& shape, int samples);

// The true value of a hidden cell in a forward pass.
double hidden_value(const HiddenValue& h, const ForwardPass& pass);

// Whether a typed answer counts as right: exact for the exercise's integers, and within half a
// unit of the second decimal for everything else (learners round by hand).
bool answer_is_right(double typed, double truth);

// Chooses `per_layer` values of every weight layer to hide (both z and a of a node, over all
// samples, so the learner works a node through), seeded so a teacher gets the same sheet again.
std::vector<HiddenValue> choose_hidden(const std::vector<int>& shape, int samples, int per_layer, uint64_t seed);

}  // namespace mlp
