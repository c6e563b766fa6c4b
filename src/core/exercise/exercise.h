// Exercise mode: the worksheet as a game. Some values of the forward pass are hidden; the
// learner computes them by hand and types them in place; answers are checked against the
// forward pass. The hidden set travels in the link (key `hide`, see docs/link-format.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/exercise/hidden_value.h"
#include "core/model/backward_pass.h"
#include "core/model/forward_pass.h"
#include "core/model/network.h"

namespace mlp {

// The link's `hide` value: items joined by ',', 1-based numbers; an omitted part means all of them.
//   <z|a|dz><layer>[.<sample>[.<node>]]   z, a, ∂L/∂z of a node for a sample
//   <dw|nw><layer>[.<row>[.<column>]]     ∂L/∂W, the new W after a step
//   <db|nb><layer>[.<row>]                ∂L/∂b, the new b after a step
// "a3" hides every a of layer 3; "z3.2.1,a3.2.1" hides z and a of node 1 of layer 3 for sample 2;
// "dw3.2" row 2 of ∂L/∂W3. Backward items need targets (has_targets), else they are refused.
// Returns "" and fills *out (sorted, without repeats), or a message naming the item at fault.
std::string parse_hidden(std::string_view text, const std::vector<int>& shape, int samples, bool has_targets,
                         std::vector<HiddenValue>* out);
// The JSON's "hidden": the same items, one per string (["z3.2.2", "a3.2.2"]). A message names the
// item by its index: "hidden[1]: \"a9\" names layer 9; the network has 7 weight layers".
std::string parse_hidden_items(const std::vector<std::string>& items, const std::vector<int>& shape, int samples,
                               bool has_targets, std::vector<HiddenValue>* out);

// The shortest list of items for a set (whole layers and whole samples written with wildcards),
// z items before a items, each in forward order, then dz, dw, db, nw, nb; encode_hidden joins them with ',' for the link.
std::vector<std::string> hidden_items(const std::vector<HiddenValue>& hidden, const std::vector<int>& shape,
                                      int samples);
std::string encode_hidden(const std::vector<HiddenValue>& hidden, const std::vector<int>& shape, int samples);

// What hidden values are checked against: the forward pass, and for backward values the
// gradients, the network and the learning rate (the new W and b of one step). A forward pass alone
// converts to it (an exercise of forward values).
struct ExerciseValues {
    ExerciseValues(const ForwardPass& f) : forward(f) {}  // NOLINT: implicit on purpose
    ExerciseValues(const ForwardPass& f, const BackwardPass* g, const Network* net, double lr)
        : forward(f), backward(g), network(net), learning_rate(lr) {}
    const ForwardPass& forward;
    const BackwardPass* backward = nullptr;  // null: no targets
    const Network* network = nullptr;
    double learning_rate = 0;
};

// The true value of a hidden cell; NaN when it cannot be known (a backward value without
// gradients, a value outside the passes), which no answer matches.
double hidden_value(const HiddenValue& h, const ExerciseValues& values);

// Whether a typed answer counts as right: exact for the exercise's integers, and within half a
// unit of the second decimal for everything else (learners round by hand).
bool answer_is_right(double typed, double truth);

// Chooses `per_layer` values of every weight layer to hide (both z and a of a node, over all
// samples, so the learner works a node through), seeded so a teacher gets the same sheet again.
std::vector<HiddenValue> choose_hidden(const std::vector<int>& shape, int samples, int per_layer, uint64_t seed);

}  // namespace mlp
