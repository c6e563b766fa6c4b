// The JSON of PRODUCT.md ("JSON"): the document as exported, and the page's state() which adds
// the forward pass, the link and the messages.
#pragma once

#include <string>
#include <vector>

#include "core/forward_pass.h"
#include "core/network.h"

namespace mlp {

constexpr const char* kJsonFormat = "mlp-explorer/1";

// {"format", "shape", "activations", "weights", "biases", "inputs", "hidden", "title", "note"}:
// "hidden" is the exercise's hidden values as the link's `hide` items, and "title" and "note" the
// document's text, each left out when empty (json_import.h reads them).
std::string document_json(const Document& doc);

// What window.mlpExplorer.state() returns: document_json's fields (with "hidden", "title" and
// "note" always present) plus
// "z" and "a" ([layer][sample][node], layer 0 = weight layer 1), "hash" (the link with its '#'),
// "error" (the message of the last refused input, or null) and "warnings" (a list).
struct StateExtras {
    std::string hash;                   // with the leading '#'
    std::string error;                  // "" means null
    std::vector<std::string> warnings;
};
std::string state_json(const Document& doc, const ForwardPass& pass, const StateExtras& extras);

}  // namespace mlp
