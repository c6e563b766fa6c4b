// Ready-made networks to start from. The exercise itself is in default_network.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document/document.h"

namespace mlp {

// XOR with hand-picked weights, the classic example of why a hidden layer is needed:
//   h1 = ReLU(x1 + x2), h2 = ReLU(x1 + x2 - 1), y = h1 - 2*h2.
// Its four samples are the truth table; y = 0, 1, 1, 0.
Document xor_document();

// Learning by hand (loss.h, backward_pass.h): networks with targets whose backward pass the
// by-hand sheets work out. Numbers and where the sheets differ: docs/learning.md.
//
// Tom Yeh's backpropagation sheet (ImagineAILab/ai-by-hand-excel, advanced/Backpropgation.xlsx):
// 4 -> 3 -> 4 -> 3, ReLU, ReLU, a linear output scored by softmax cross-entropy, two samples with
// one-hot targets, the losses summed (reduce=sum). L = 1.1041.
Document yeh_backprop_document();
// Jeremy London's backpropagation.py (jeremy-london/solve-by-hand, examples/basics/): 3 -> 4 ->
// 2 -> 3, ReLU, ReLU, a linear output scored by softmax cross-entropy, one sample, target (0, 1, 0).
Document london_backprop_document();
// The exercise (default_network.h) with targets -5 and -20, one below each output (-4, -18):
// mse summed over the two samples, so the output's dL/dz is (1, 2) and every backward value is a
// whole number; lr = 0.0001, small enough for the seven layers (a step takes L from 2.5 to 0.117).
Document exercise_with_targets_document();

// A network of `shape` with seeded random weights (see RandomFill::weight), zero biases, the
// default activations and one sample of random inputs in -1..1 (integers -3..3 when `integers`).
// Returns "" and sets *out, or the reason the shape is refused.
std::string random_document(const std::vector<int>& shape, uint64_t seed, bool integers, Document* out);

// What the random preset's form takes. Node counts separated by commas, spaces or arrows
// ("4,8,8,2", "4 8 8 2", "4 -> 8 -> 2", "4 → 8 → 2"), checked against the limits as they are
// read (a text of a million numbers is refused at the 34th). Returns "" and sets *out, or a
// message that says what was expected.
std::string parse_shape(std::string_view text, std::vector<int>* out);
// A seed: a whole number from 0 to 18446744073709551615. Returns "" or a message.
std::string parse_seed(std::string_view text, uint64_t* out);

// The names of the presets, as the Reset button says them.
constexpr const char* kExerciseName = "the exercise";
constexpr const char* kXorName = "XOR";
constexpr const char* kYehName = "Tom Yeh's backpropagation sheet";
constexpr const char* kLondonName = "Jeremy London's backpropagation.py";
constexpr const char* kExerciseWithTargetsName = "the exercise with targets";
// "random 4-8-8-2 (seed 7)" or "random 4-8-8-2 (seed 7, whole numbers)".
std::string random_preset_name(const std::vector<int>& shape, uint64_t seed, bool integers);

}  // namespace mlp
