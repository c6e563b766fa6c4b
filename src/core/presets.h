// Ready-made networks to start from. The exercise itself is in default_network.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/network.h"

namespace mlp {

// XOR with hand-picked weights, the classic example of why a hidden layer is needed:
//   h1 = ReLU(x1 + x2), h2 = ReLU(x1 + x2 - 1), y = h1 - 2*h2.
// Its four samples are the truth table; y = 0, 1, 1, 0.
Document xor_document();

// A network of `shape` with seeded random weights (see RandomFill::weight), zero biases, the
// default activations and one sample of random inputs in -1..1 (integers -3..3 when `integers`).
// Returns "" and sets *out, or the reason the shape is refused.
std::string random_document(const std::vector<int>& shape, uint64_t seed, bool integers, Document* out);

}  // namespace mlp
