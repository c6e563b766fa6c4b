// The limits of PRODUCT.md ("Limits"), one place for the link codec, JSON import and the editor.
// Every input from outside is checked against these before anything is allocated.
#pragma once

#include <cstddef>
#include <cstdint>

namespace mlp {

constexpr int kMaxWeightLayers = 32;             // weight matrices W1..WL, so at most 33 node layers
constexpr int kMaxNodesPerLayer = 1024;          // nodes in any one layer, input and output included
constexpr int64_t kMaxWeights = 1048576;         // sum over layers of rows * cols
constexpr int kMaxSamples = 64;                  // input samples evaluated side by side
constexpr double kMaxAbsValue = 1e6;             // every weight, bias and input: finite, |v| <= this
constexpr size_t kMaxFragmentBytes = 16u << 20;  // a link fragment (or JSON text): 16 MiB

constexpr int kMaxStepsPerCall = 10000;          // steps of gradient descent in one step(n)

// Not in the spec, our own: a document's title and note (link keys `title`, `note`; JSON fields),
// in characters (Unicode code points) of UTF-8 text. A title is one line; a note a few paragraphs.
constexpr int kMaxTitleChars = 120;
constexpr int kMaxNoteChars = 1000;

// Not in the spec, our own: values an exercise may hide (a whole 1024-node layer over 64 samples).
constexpr int64_t kMaxHiddenValues = 65536;

}  // namespace mlp
