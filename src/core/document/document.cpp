#include "core/document/document.h"

#include <string>

#include "core/exercise/hidden_value.h"
#include "core/formats/document_text.h"
#include "core/limits.h"
#include "core/training/data_fit.h"

namespace mlp {

bool operator==(const Document& a, const Document& b) {
    return a.network == b.network && a.inputs == b.inputs && a.targets == b.targets && a.loss == b.loss &&
           a.reduction == b.reduction && a.learning_rate == b.learning_rate && a.data == b.data &&
           a.training == b.training && a.hidden == b.hidden &&
           a.title == b.title && a.note == b.note;
}

static std::string weight_label(int l, int i, int j) {
    // 1-based like the worksheet: W3[2,1] is into node 2 of layer 3, from node 1 of layer 2.
    return "W" + std::to_string(l + 1) + "[" + std::to_string(i + 1) + "," + std::to_string(j + 1) + "]";
}

// Targets: none, or one row per sample as wide as the output layer; the loss settings in range.
static std::string check_targets(const Document& doc) {
    const Matrix& y = doc.targets;
    const int outputs = doc.network.shape.back();
    if (y.rows != 0 || y.cols != 0 || !y.values.empty()) {
        if (y.rows != doc.inputs.rows)
            return "y: " + std::to_string(y.rows) + " target rows; expected " + std::to_string(doc.inputs.rows) +
                   " (one per input sample)";
        if (y.cols != outputs || y.values.size() != static_cast<size_t>(y.rows) * y.cols)
            return "y: each target row has " + std::to_string(y.cols) + " values; expected " + std::to_string(outputs) +
                   " (one per output node)";
        for (int s = 0; s < y.rows; ++s)
            for (int i = 0; i < y.cols; ++i)
                if (!is_allowed_value(y.at(s, i)))
                    return check_value(y.at(s, i), "y" + std::to_string(s + 1) + "[" + std::to_string(i + 1) + "]");
    }
    if (static_cast<int>(doc.loss) < 0 || static_cast<int>(doc.loss) >= kLossCount) return "loss: not a loss";
    if (static_cast<int>(doc.reduction) < 0 || static_cast<int>(doc.reduction) >= kReductionCount)
        return "reduce: not a reduction";
    if (!is_allowed_learning_rate(doc.learning_rate)) return "lr: the learning rate must be above 0 and at most 1e6";
    return "";
}

std::string validate(const Document& doc) {
    const Network& net = doc.network;
    std::string err = check_shape(net.shape);
    if (!err.empty()) return err;
    int layers = static_cast<int>(net.shape.size()) - 1;
    if (net.weight_layers() != layers || static_cast<int>(net.biases.size()) != layers ||
        static_cast<int>(net.activations.size()) != layers)
        return "the network has " + std::to_string(layers) + " weight layers but " +
               std::to_string(net.weights.size()) + " matrices, " + std::to_string(net.biases.size()) +
               " bias vectors and " + std::to_string(net.activations.size()) + " activations";
    for (int l = 0; l < layers; ++l) {
        const Matrix& w = net.weights[l];
        if (w.rows != net.shape[l + 1] || w.cols != net.shape[l] ||
            w.values.size() != static_cast<size_t>(w.rows) * w.cols)
            return "W" + std::to_string(l + 1) + " is " + std::to_string(w.rows) + "x" +
                   std::to_string(w.cols) + "; expected " + std::to_string(net.shape[l + 1]) + "x" +
                   std::to_string(net.shape[l]);
        if (static_cast<int>(net.biases[l].size()) != net.shape[l + 1])
            return "b" + std::to_string(l + 1) + " has " + std::to_string(net.biases[l].size()) +
                   " values; expected " + std::to_string(net.shape[l + 1]);
        // Labels are built only for the value that fails: a big network has a million weights.
        for (int i = 0; i < w.rows; ++i)
            for (int j = 0; j < w.cols; ++j)
                if (!is_allowed_value(w.at(i, j))) return check_value(w.at(i, j), weight_label(l, i, j));
        for (int i = 0; i < net.shape[l + 1]; ++i)
            if (!is_allowed_value(net.biases[l][i]))
                return check_value(net.biases[l][i],
                                   "b" + std::to_string(l + 1) + "[" + std::to_string(i + 1) + "]");
    }
    err = check_sample_count(doc.inputs.rows);
    if (!err.empty()) return err;
    if (doc.inputs.cols != net.shape[0] ||
        doc.inputs.values.size() != static_cast<size_t>(doc.inputs.rows) * doc.inputs.cols)
        return "each input sample has " + std::to_string(doc.inputs.cols) + " values; expected " +
               std::to_string(net.shape[0]);
    for (int s = 0; s < doc.inputs.rows; ++s)
        for (int j = 0; j < doc.inputs.cols; ++j)
            if (!is_allowed_value(doc.inputs.at(s, j)))
                return check_value(doc.inputs.at(s, j),
                                   "x" + std::to_string(s + 1) + "[" + std::to_string(j + 1) + "]");
    err = check_targets(doc);
    if (!err.empty()) return err;
    err = check_data_settings(doc.data, doc.training);
    if (err.empty()) err = check_data_fit(doc);
    if (!err.empty()) return err;
    err = check_hidden(doc.hidden, net.shape, doc.inputs.rows, doc.has_targets());
    if (!err.empty()) return "hide: " + err;
    err = check_title(doc.title);
    return err.empty() ? check_note(doc.note) : err;
}

void backward_pass(const Document& doc, const ForwardPass& forward, BackwardPass* out) {
    backward_pass(doc.network, doc.inputs, doc.targets, doc.loss, doc.reduction, forward, out);
}

}  // namespace mlp
