// A network and its data set: the input layer takes the features chosen (one node each), the
// output layer gives one value per point (a class 0/1 or a regression value), or one node per
// class when a classification set is scored by softmax cross-entropy (`ce`). A link or file whose
// shape does not fit its data is refused (check_data_fit, called by validate); choosing another
// data set, other features or another loss in the editor reshapes the two layers (fit_to_data).
#pragma once

#include <string>

#include "core/document/document.h"

namespace mlp {

// The width of the output layer a data set needs under `loss`: 2 for a classification set scored
// by ce, 1 otherwise.
int data_outputs(const DataSettings& data, Loss loss);

// "" when the document has no data set or its network fits it; otherwise a message naming the
// key that does not fit: "shape: the input layer has 3 nodes; features=x1,x2 gives 2 inputs",
// "loss: ce needs a classification data set; plane is a regression set".
std::string check_data_fit(const Document& doc);

// Makes `data` (and `loss`) the document's and reshapes its input and output layers to fit, one
// document in, one out (the Session makes it one undo step):
// - the input layer becomes as wide as data's features. When the document had a data set before,
//   each feature keeps its column of W1 and of the samples (x), wherever it moves; a new feature
//   gets a zero column of W1 (the network computes what it did) and, in the samples, its value
//   at the sample's x1 and x2 when the old features had both (else 0). Without a data set before,
//   columns are kept by position (architecture.h's resize_layer).
// - the output layer gets data_outputs nodes, rows of the last matrix and targets kept where they
//   fit, new ones zero.
// - without a data set (data.kind None), the training settings go back to their defaults.
// Returns "" or why not (ce on a regression set; the limits), leaving the document as it was.
std::string fit_to_data(Document* doc, DataSettings data, Loss loss);

}  // namespace mlp
