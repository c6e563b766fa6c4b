// The JSON of docs/design.md ("JSON, and the page's script API"): the document as exported, and the page's state() which adds
// the forward pass, the loss and gradients, the link and the messages.
#pragma once

#include <string>
#include <vector>

#include "core/document/document.h"
#include "core/model/backward_pass.h"
#include "core/model/forward_pass.h"
#include "core/training/training.h"

namespace mlp {

constexpr const char* kJsonFormat = "mlp-explorer/1";

// {"format", "shape", "activations", "weights", "biases", "inputs", "targets", "loss", "reduce",
// "learning_rate", "data", "batch", "optimizer", "regularization", "regularization_rate", "epoch",
// "hidden", "title", "note"}: as the link, "targets" is left out when there are none, "loss",
// "reduce" and "learning_rate" when they are the defaults, "data" (the data set: {"kind",
// "noise", "points", "seed", "test", "features", "custom"}, its settings but "kind" and "custom"
// only when not the defaults) without a data set, the training settings when they are the
// defaults, "hidden" (the exercise's hidden values as the link's `hide` items) when nothing is
// hidden, "title" and "note" (the document's text) when empty (json_import.h reads them all).
std::string document_json(const Document& doc);

// What window.mlpExplorer.state() returns: document_json's fields (with "loss", "reduce",
// "learning_rate", "hidden", "title" and "note" always there, and with a data set "data" with every
// setting, its "train_count" and "test_count", and every training setting) plus "z" and "a"
// ([layer][sample][node], layer 0 = weight layer 1); when there are targets, the backward pass:
// "loss_value" (L), "sample_losses" (L_s per sample), "dz" ([layer][sample][node]), "dw"
// ([layer][row][col]) and "db" ([layer][node]); with a data set, "train_loss", "test_loss" and for
// classification "accuracy" ({"train", "test"}), null where there are no points (training.h's
// TrainingMetrics); then "hash" (the link with its '#'), "error" (the message of the last refused
// input, or null) and "warnings" (a list). A gradient too large for a double is written null.
struct StateExtras {
    std::string hash;                   // with the leading '#'
    std::string error;                  // "" means null
    std::vector<std::string> warnings;
    const TrainingMetrics* training = nullptr;  // with a data set: its metrics
};
// `gradients`: the document's backward pass, null when it has no targets.
std::string state_json(const Document& doc, const ForwardPass& pass, const BackwardPass* gradients,
                       const StateExtras& extras);

}  // namespace mlp
