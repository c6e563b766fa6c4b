#include "core/training/data_fit.h"

#include <algorithm>

#include "core/document/architecture.h"
#include "core/formats/decode_result.h"
#include "core/limits.h"
#include "core/training/data_set.h"

namespace mlp {

int data_outputs(const DataSettings& data, Loss loss) {
    return loss == Loss::CrossEntropy && is_classification(data) ? 2 : 1;
}

// "loss: ce needs ..." when ce scores a set that has no classes; "" otherwise.
static std::string check_loss_fits(const DataSettings& data, Loss loss) {
    if (loss != Loss::CrossEntropy || is_classification(data)) return "";
    const std::string kind(data_kind_name(data.kind));
    return "loss: ce needs a classification data set; " + kind + " is a regression set" +
           (data.kind == DataKind::Custom ? " (a target is neither 0 nor 1)" : "");
}

std::string check_data_fit(const Document& doc) {
    const DataSettings& data = doc.data;
    if (!data.has_data()) return "";
    std::string err = check_loss_fits(data, doc.loss);
    if (!err.empty()) return err;
    const std::vector<int>& shape = doc.network.shape;
    const int inputs = feature_count(data.features);
    if (shape[0] != inputs)
        return "shape: the input layer has " + count_text(shape[0], "node") + "; features=" + features_text(data.features) +
               " gives " + std::to_string(inputs) + (inputs == 1 ? " input" : " inputs");
    const int outputs = data_outputs(data, doc.loss);
    if (shape.back() != outputs) {
        const std::string why = outputs == 2 ? "loss=ce on a classification data set needs 2 (one per class)"
                                             : "the data set " + std::string(data_kind_name(data.kind)) + " needs 1" +
                                                   (doc.loss == Loss::CrossEntropy ? "" : " (2 only with loss=ce)");
        return "shape: the output layer has " + count_text(shape.back(), "node") + "; " + why;
    }
    return "";
}

namespace {

// Column j of `from` (rows, old features) into the column of the same feature of `to` (rows, new
// features); columns of features that are new are left as they are.
void copy_feature_columns(const Matrix& from, uint32_t old_features, uint32_t new_features, Matrix* to) {
    int old_col = 0, new_col = 0;
    for (int f = 0; f < kFeatureCount; ++f) {
        const uint32_t bit = 1u << f;
        if ((old_features & bit) && (new_features & bit))
            for (int r = 0; r < from.rows; ++r) to->at(r, new_col) = from.at(r, old_col);
        old_col += (old_features & bit) ? 1 : 0;
        new_col += (new_features & bit) ? 1 : 0;
    }
}

// The input layer from old_features to new_features, each feature keeping its column.
void remap_input_layer(Document* doc, uint32_t old_features, uint32_t new_features) {
    const int width = feature_count(new_features);
    Matrix& w1 = doc->network.weights[0];  // (nodes of layer 1, old width)
    Matrix new_w1(w1.rows, width);         // new features' columns: zero
    copy_feature_columns(w1, old_features, new_features, &new_w1);
    w1 = std::move(new_w1);

    // The samples: a new feature's value from the sample's x1 and x2 when the old features had both.
    const bool has_xy = (old_features & kFeatureX1) && (old_features & kFeatureX2);
    Matrix x(doc->inputs.rows, width);
    if (has_xy) {
        const int x2_col = 1;  // x1 and x2 are the first two features when both are chosen
        for (int s = 0; s < x.rows; ++s) {
            compute_features(new_features, doc->inputs.at(s, 0), doc->inputs.at(s, x2_col), x.row(s));
            // x1² of a sample at 2000 is beyond what a sample may be (limits.h).
            for (int j = 0; j < width; ++j) x.at(s, j) = std::clamp(x.at(s, j), -kMaxAbsValue, kMaxAbsValue);
        }
    }
    copy_feature_columns(doc->inputs, old_features, new_features, &x);
    doc->inputs = std::move(x);
    doc->network.shape[0] = width;
}

}  // namespace

std::string fit_to_data(Document* doc, DataSettings data, Loss loss) {
    std::string err = check_loss_fits(data, loss);
    if (!err.empty()) return err;
    Document out = *doc;
    out.loss = loss;
    if (!data.has_data()) {
        out.data = DataSettings();
        out.training = TrainingSettings();
        *doc = std::move(out);
        return "";
    }
    const NewWeights zeros;
    const int inputs = feature_count(data.features);
    if (out.data.has_data()) {
        remap_input_layer(&out, out.data.features, data.features);
    } else if (out.network.shape[0] != inputs) {
        err = resize_layer(&out, 0, inputs, zeros);
        if (!err.empty()) return err;
    }
    out.data = std::move(data);
    const int last = static_cast<int>(out.network.shape.size()) - 1;
    const int outputs = data_outputs(out.data, loss);
    if (out.network.shape[last] != outputs) {
        err = resize_layer(&out, last, outputs, zeros);
        if (!err.empty()) return err;
    }
    *doc = std::move(out);
    return "";
}

}  // namespace mlp
