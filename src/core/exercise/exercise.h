// Exercise mode: the worksheet as a game. Some values of the forward pass are hidden; the
// learner computes them by hand and types them in place; answers are checked against the
// forward pass. The hidden set travels in the link (key `hide`, see docs/link-format.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/exercise/hidden_value.h"
#include "core/model/forward_pass.h"
#include "core/model/network.h"

namespace mlp {

// The link's `hide` value: items joined by ',', each <q><layer>[.<sample>[.<node>]] with q = z or
// a and 1-based numbers; an omitted sample or node means all of them. "a3" hides every a of layer
// 3; "z3.2.1,a3.2.1" hides z and a of node 1 of layer 3 for sample 2.
// Returns "" and fills *out (sorted, without repeats), or a message naming the item at fault.
std::string parse_hidden(std::string_view text, const std::vector<int>& shape, int samples,
                         std::vector<HiddenValue>* out);
// The JSON's "hidden": the same items, one per string (["z3.2.2", "a3.2.2"]). A message names the
// item by its index: "hidden[1]: \"a9\" names layer 9; the network has 7 weight layers".
std::string parse_hidden_items(const std::vector<std::string>& items, const std::vector<int>& shape, int samples,
                               std::vector<HiddenValue>* out);

// The shortest list of items for a set (whole layers and whole samples written with wildcards),
// z items before a items, each in forward order; encode_hidden joins them with ',' for the link.
std::vector<std::string> hidden_items(const std::vector<HiddenValue>& hidden, const std::vector<int>& shape,
                                      int samples);
std::string encode_hidden(const std::vector<HiddenValue>& hidden, const std::vector<int>& shape, int samples);

// The true value of a hidden cell in a forward pass.
double hidden_value(const HiddenValue& h, const ForwardPass& pass);

// Whether a typed answer counts as right: exact for the exercise's integers, and within half a
// unit of the second decimal for everything else (learners round by hand).
bool answer_is_right(double typed, double truth);

// Chooses `per_layer` values of every weight layer to hide (both z and a of a node, over all
// samples, so the learner works a node through), seeded so a teacher gets the same sheet again.
std::vector<HiddenValue> choose_hidden(const std::vector<int>& shape, int samples, int per_layer, uint64_t seed);

}  // namespace mlp
