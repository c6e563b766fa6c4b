#include "core/link_codec.h"

#include "core/number_text.h"

namespace mlp {

// Numbers of one row joined by ','.
static void append_row(std::string* out, const double* values, int count) {
    for (int j = 0; j < count; ++j) {
        if (j > 0) out->push_back(',');
        append_number(out, values[j]);
    }
}

// Rows joined by ';'.
static void append_rows(std::string* out, const Matrix& m) {
    for (int r = 0; r < m.rows; ++r) {
        if (r > 0) out->push_back(';');
        append_row(out, m.row(r), m.cols);
    }
}

static bool all_zero(const std::vector<double>& values) {
    for (double v : values)
        if (v != 0.0) return false;
    return true;
}

std::string encode_link(const Document& doc) {
    const Network& net = doc.network;
    std::string out = "v=1&shape=";
    for (size_t l = 0; l < net.shape.size(); ++l) {
        if (l > 0) out.push_back(',');
        out.append(std::to_string(net.shape[l]));
    }
    out.append("&x=");
    append_rows(&out, doc.inputs);
    for (int l = 0; l < net.weight_layers(); ++l) {
        out.append("&w" + std::to_string(l + 1) + "=");
        append_rows(&out, net.weights[l]);
    }
    for (int l = 0; l < net.weight_layers(); ++l) {
        if (all_zero(net.biases[l])) continue;
        out.append("&b" + std::to_string(l + 1) + "=");
        append_row(&out, net.biases[l].data(), static_cast<int>(net.biases[l].size()));
    }
    if (net.activations != default_activations(net.weight_layers())) {
        out.append("&act=");
        for (int l = 0; l < net.weight_layers(); ++l) {
            if (l > 0) out.push_back(',');
            out.append(activation_name(net.activations[l]));
        }
    }
    return out;
}

}  // namespace mlp
