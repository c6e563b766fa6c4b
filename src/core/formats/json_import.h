// Reading the JSON of docs/design.md ("JSON, and the page's script API"): what document_json writes, and what state() returns
// (its extra fields "z", "a", "hash", "error" and "warnings" are accepted and ignored, so a state
// can be loaded back).
#pragma once

#include <string_view>

#include "core/formats/decode_result.h"

namespace mlp {

// {"format": "mlp-explorer/1", "shape": [...], "weights": [[[...]]], "biases", "activations",
// "inputs", "hidden"}: biases, activations, inputs and hidden may be left out (zeros, the default
// activations, one sample of zeros, nothing hidden). "hidden" lists the exercise's hidden values
// as the link's `hide` items, one per string: ["z3.2.2", "a3.2.2"] (exercise.h). The text is read as a stream of events (nlohmann-json's SAX interface), so no
// tree of it is built, and every array is checked against limits.h as it grows: a text claiming
// a million layers is refused at the 33rd. A field the format does not know is ignored with a
// warning; a field given twice is an error. The error names the JSON path and what was expected,
// e.g. "weights[2][1]: 3 numbers; expected 2 (layer 2 has 2 nodes)".
DecodeResult decode_json(std::string_view text);

}  // namespace mlp
