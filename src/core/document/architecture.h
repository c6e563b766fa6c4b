// Changing the shape of a network: add or remove a layer anywhere, change a layer's node count,
// add or remove input samples. Weights that still fit are kept; new ones are zero or seeded
// random (the user's choice); new biases and inputs are zero. Every operation checks the limits
// (limits.h) before building anything and, when refused, leaves the document as it was and says
// which limit was reached.
//
// Targets (Document::targets) follow the output layer and the samples: a new output layer or a
// resized one keeps the targets that fit (new ones are zero); a new sample copies its targets
// with its inputs (or gets zeros), a removed one takes its targets with it.
//
// An exercise's hidden values (Document::hidden) stay on their nodes: they move with their layer
// when a layer is inserted or removed before it, and go with a removed layer, node or sample. New
// layers, nodes and samples have nothing hidden.
#pragma once

#include <cstdint>
#include <string>

#include "core/document/document.h"

namespace mlp {

struct NewWeights {
    bool random = false;    // false: zeros
    bool integers = false;  // random small integers (-2..2) instead of He-uniform reals
    uint64_t seed = 1;
};

// Inserts a layer of `nodes` nodes so that it becomes layer `position` (0 = a new input layer,
// layer_count = a new output layer, anything between = a new hidden layer). For a hidden layer
// the old matrix now feeds the old layer from the new one (its columns adapted to the new node
// count) and the new layer's incoming weights are new; its activation is ReLU. A new output
// layer is linear; a new input layer gets zero inputs.
std::string insert_layer(Document* doc, int position, int nodes, const NewWeights& fill);

// Inserts a layer right after layer `after` (0 = the inputs) that passes the values of layer
// `after` on unchanged, so the network computes the same outputs with one layer more (new depth
// to train or to change by hand): as many nodes, identity weights, zero biases, and an
// activation that leaves those values as they are. ReLU when they can never be negative (layer
// `after` has ReLU or sigmoid: ReLU(a) = a for a >= 0); linear otherwise (the inputs, and
// linear, leaky ReLU and tanh layers, which can be negative). After the output layer it is the
// new output layer, linear. The layer after it keeps its weights (it has as many inputs).
std::string insert_identity_layer(Document* doc, int after);

// Removes layer `position` (a network keeps at least 2 layers). Removing a hidden layer joins
// its two matrices into one that keeps the outgoing matrix's weights where they fit, with its
// bias and activation. Removing the input layer makes layer 1 the input (sample values kept where
// they fit); removing the output layer makes the layer before it the output.
std::string remove_layer(Document* doc, int position);

// Sets the node count of layer `layer` (0 = inputs): rows of the matrix into it and columns of
// the matrix out of it are kept where they fit.
std::string resize_layer(Document* doc, int layer, int nodes, const NewWeights& fill);

// Appends a sample: a copy of sample `copy_from` (its targets too), or zeros when copy_from < 0.
std::string add_sample(Document* doc, int copy_from);
std::string remove_sample(Document* doc, int sample);

}  // namespace mlp
