#include "core/model/network.h"

#include <cmath>

#include "core/limits.h"

namespace mlp {

Matrix::Matrix(int rows_, int cols_, double fill)
    : rows(rows_), cols(cols_), values(static_cast<size_t>(rows_) * cols_, fill) {}

Matrix matrix_of(std::initializer_list<std::initializer_list<double>> rows) {
    Matrix m(static_cast<int>(rows.size()), rows.size() ? static_cast<int>(rows.begin()->size()) : 0);
    m.values.clear();
    for (const auto& r : rows) m.values.insert(m.values.end(), r.begin(), r.end());
    return m;
}

int64_t Network::weight_count() const {
    int64_t count = 0;
    for (const Matrix& w : weights) count += static_cast<int64_t>(w.rows) * w.cols;
    return count;
}

bool operator==(const Matrix& a, const Matrix& b) {
    return a.rows == b.rows && a.cols == b.cols && a.values == b.values;
}

bool operator==(const Network& a, const Network& b) {
    return a.shape == b.shape && a.weights == b.weights && a.biases == b.biases && a.activations == b.activations;
}

std::vector<Activation> default_activations(int weight_layers) {
    std::vector<Activation> acts(weight_layers > 0 ? weight_layers : 0, Activation::ReLU);
    if (!acts.empty()) acts.back() = Activation::Linear;
    return acts;
}

std::string check_layer_count(int64_t node_layers) {
    if (node_layers < 2)
        return "the shape needs at least 2 layers (input and output), got " + std::to_string(node_layers);
    if (node_layers - 1 > kMaxWeightLayers)
        return "the shape has " + std::to_string(node_layers - 1) + " weight layers; at most " +
               std::to_string(kMaxWeightLayers) + " are allowed";
    return "";
}

std::string check_shape(const std::vector<int>& shape) {
    std::string err = check_layer_count(static_cast<int64_t>(shape.size()));
    if (!err.empty()) return err;
    int64_t weights = 0;
    for (size_t l = 0; l < shape.size(); ++l) {
        if (shape[l] < 1 || shape[l] > kMaxNodesPerLayer)
            return "layer " + std::to_string(l) + " has " + std::to_string(shape[l]) +
                   " nodes; expected 1 to " + std::to_string(kMaxNodesPerLayer);
        if (l > 0) weights += static_cast<int64_t>(shape[l - 1]) * shape[l];
    }
    if (weights > kMaxWeights)
        return "the shape has " + std::to_string(weights) + " weights; at most " +
               std::to_string(kMaxWeights) + " are allowed";
    return "";
}

std::string check_sample_count(int64_t samples) {
    if (samples < 1 || samples > kMaxSamples)
        return std::to_string(samples) + " input samples; expected 1 to " + std::to_string(kMaxSamples);
    return "";
}

bool is_allowed_value(double v) { return std::isfinite(v) && std::fabs(v) <= kMaxAbsValue; }

std::string check_value(double v, const std::string& what) {
    if (!std::isfinite(v)) return what + " is not a finite number";
    if (std::fabs(v) > kMaxAbsValue) return what + " is outside -1e6..1e6";
    return "";
}

Network make_network(const std::vector<int>& shape) {
    Network net;
    net.shape = shape;
    int layers = static_cast<int>(shape.size()) - 1;
    for (int l = 0; l < layers; ++l) {
        net.weights.emplace_back(shape[l + 1], shape[l]);
        net.biases.emplace_back(shape[l + 1], 0.0);
    }
    net.activations = default_activations(layers);
    return net;
}

}  // namespace mlp
