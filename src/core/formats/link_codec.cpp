#include "core/formats/link_codec.h"

#include <cstring>

#include "core/exercise/exercise.h"
#include "core/formats/document_text.h"
#include "core/formats/number_text.h"

namespace mlp {

// Numbers of one row joined by ','.
static void append_row(std::string* out, const double* values, int count) {
    for (int j = 0; j < count; ++j) {
        if (j > 0) out->push_back(',');
        append_number(out, values[j]);
    }
}

static bool all_zero(const std::vector<double>& values) {
    for (double v : values)
        if (v != 0.0) return false;
    return true;
}

// The data set and its training (data_settings.h), with a data set only: `data`, then the
// settings that are not their defaults, custom points last (`pts`, each point a row).
template <class AppendRow>
static void write_data_keys(const Document& doc, std::string* out, AppendRow&& row) {
    const DataSettings& data = doc.data;
    if (!data.has_data()) return;
    const DataSettings d0;
    const TrainingSettings& t = doc.training;
    const TrainingSettings t0;
    auto number = [out](const char* key, double v) {
        out->append(key);
        append_number(out, v);
    };
    out->append("&data=").append(data_kind_name(data.kind));
    if (data.noise != d0.noise) number("&noise=", data.noise);
    if (data.points != d0.points) number("&points=", data.points);
    if (data.seed != d0.seed) number("&seed=", data.seed);
    if (data.test != d0.test) number("&test=", data.test);
    if (data.features != d0.features) out->append("&features=").append(features_text(data.features));
    if (t.batch != t0.batch) number("&batch=", t.batch);
    if (t.optimizer != t0.optimizer) out->append("&opt=").append(optimizer_name(t.optimizer));
    if (t.regularization != t0.regularization) out->append("&reg=").append(regularization_name(t.regularization));
    if (t.regularization_rate != t0.regularization_rate) number("&regrate=", t.regularization_rate);
    if (t.epoch != t0.epoch) number("&epoch=", static_cast<double>(t.epoch));
    for (size_t i = 0; i < data.custom.size(); ++i) {
        out->append(i == 0 ? "&pts=" : ";");
        const double values[3] = {data.custom[i].x1, data.custom[i].x2, data.custom[i].target};
        row(out, values, 3);
    }
}

// The link's layout, written once for both encoders: `row(out, values, count)` appends the text
// of one row (inputs' rows, weight rows, bias vectors, targets' rows, then custom points, in that
// order).
template <class AppendRow>
static void write_link(const Document& doc, std::string* out, AppendRow&& row) {
    const Network& net = doc.network;
    out->append("v=" + std::to_string(kLinkVersion) + "&shape=");
    for (size_t l = 0; l < net.shape.size(); ++l) {
        if (l > 0) out->push_back(',');
        out->append(std::to_string(net.shape[l]));
    }
    // Rows joined by ';'.
    auto rows = [&](const Matrix& m) {
        for (int r = 0; r < m.rows; ++r) {
            if (r > 0) out->push_back(';');
            row(out, m.row(r), m.cols);
        }
    };
    out->append("&x=");
    rows(doc.inputs);
    for (int l = 0; l < net.weight_layers(); ++l) {
        out->append("&w" + std::to_string(l + 1) + "=");
        rows(net.weights[l]);
    }
    for (int l = 0; l < net.weight_layers(); ++l) {
        if (all_zero(net.biases[l])) continue;
        out->append("&b" + std::to_string(l + 1) + "=");
        row(out, net.biases[l].data(), static_cast<int>(net.biases[l].size()));
    }
    if (net.activations != default_activations(net.weight_layers())) {
        out->append("&act=");
        for (int l = 0; l < net.weight_layers(); ++l) {
            if (l > 0) out->push_back(',');
            out->append(activation_name(net.activations[l]));
        }
    }
    // Learning (loss.h): targets, and the settings that differ from their defaults.
    if (doc.has_targets()) {
        out->append("&y=");
        rows(doc.targets);
    }
    if (doc.loss != Loss::Mse) out->append("&loss=").append(loss_name(doc.loss));
    if (doc.reduction != Reduction::Mean) out->append("&reduce=").append(reduction_name(doc.reduction));
    if (doc.learning_rate != kDefaultLearningRate) {
        out->append("&lr=");
        append_number(out, doc.learning_rate);
    }
    write_data_keys(doc, out, row);
}

// The exercise's hidden values come last: `&hide=z3.2.2,a3.2.2` (left out when none are hidden).
static void append_hide(std::string* out, const std::string& hide_text) {
    if (hide_text.empty()) return;
    out->append("&hide=");
    out->append(hide_text);
}

// Then the title and the note, percent-encoded (left out when empty): `&title=XOR&note=...`.
static void append_text(std::string* out, const Document& doc) {
    for (const auto& [key, text] : {std::pair<const char*, const std::string&>{"&title=", doc.title}, {"&note=", doc.note}}) {
        if (text.empty()) continue;
        out->append(key);
        append_form_encoded(out, text);
    }
}

std::string encode_link(const Document& doc) {
    std::string out;
    write_link(doc, &out, append_row);
    append_hide(&out, encode_hidden(doc.hidden, doc.network.shape, doc.inputs.rows));
    append_text(&out, doc);
    return out;
}

const std::string& LinkEncoder::encode(const Document& doc) {
    size_t k = 0;  // index of the row in rows_
    link_.clear();
    write_link(doc, &link_, [&](std::string* out, const double* values, int count) {
        if (k == rows_.size()) rows_.emplace_back();
        CachedRow& cached = rows_[k++];
        // Bitwise: -0 and 0 both write "0", and NaN never reaches a document.
        const size_t bytes = sizeof(double) * static_cast<size_t>(count);
        if (cached.values.size() != static_cast<size_t>(count) ||
            (count > 0 && std::memcmp(cached.values.data(), values, bytes) != 0)) {
            cached.values.assign(values, values + count);
            cached.text.clear();
            append_row(&cached.text, values, count);
        }
        out->append(cached.text);
    });
    rows_.resize(k);  // a smaller network keeps no stale rows
    if (doc.hidden != hidden_ || doc.network.shape != hidden_shape_ || doc.inputs.rows != hidden_samples_) {
        hidden_ = doc.hidden;
        hidden_shape_ = doc.network.shape;
        hidden_samples_ = doc.inputs.rows;
        hidden_text_ = encode_hidden(hidden_, hidden_shape_, hidden_samples_);
    }
    append_hide(&link_, hidden_text_);
    append_text(&link_, doc);
    return link_;
}

}  // namespace mlp
