// The document: everything a link or a JSON file carries, the network and what surrounds it (the
// samples fed to it, targets and how it learns, a data set, an exercise's hidden values, a
// teacher's title and note), and the check that a document built by hand or decoded is whole.
// It sits above the model (network.h) and the features it holds, which know nothing of it.
#pragma once

#include <string>
#include <vector>

#include "core/exercise/hidden_value.h"
#include "core/model/backward_pass.h"
#include "core/model/loss.h"
#include "core/model/network.h"
#include "core/training/data_settings.h"

namespace mlp {

// Everything a link or a JSON file carries: the network, the samples fed to it, what the outputs
// should be and how the network learns (loss.h), a data set to train on and how (data_settings.h),
// the values an exercise hides from the learner, and what a teacher writes about it.
struct Document {
    Network network;
    Matrix inputs;   // (samples, shape[0]): one row per input sample
    Matrix targets;  // (samples, shape.back()), or (0, 0): no targets, so no loss and no backward pass
    Loss loss = Loss::Mse;
    Reduction reduction = Reduction::Mean;
    double learning_rate = kDefaultLearningRate;
    DataSettings data;          // no data set unless a link says `data`; the points: data_set.h
    TrainingSettings training;  // the defaults without a data set
    std::vector<HiddenValue> hidden;  // exercise mode (exercise.h): sorted, no repeats; usually empty
    std::string title;  // one line of UTF-8 text, "" for none (document_text.h checks it)
    std::string note;   // UTF-8 text, lines joined by '\n', "" for none

    bool has_targets() const { return targets.rows > 0; }
};

// Equal in every field (numbers as network.h compares them).
bool operator==(const Document& a, const Document& b);
inline bool operator!=(const Document& a, const Document& b) { return !(a == b); }

// Full consistency check of a document built by hand or decoded: sizes agree with the shape,
// every value is finite and within the limits, targets (if any) are one row per sample as wide as
// the output layer, the learning rate is allowed, every hidden value names a node of the network
// (check_hidden). Returns "" or the first problem found.
std::string validate(const Document& doc);

// The loss and every gradient of a document with targets (doc.has_targets()), from its forward
// pass (backward_pass.h). The document must be valid.
void backward_pass(const Document& doc, const ForwardPass& forward, BackwardPass* out);

}  // namespace mlp
