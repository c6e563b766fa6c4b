// The model: a dense multi-layer perceptron, and the checks that keep every network within the
// limits of limits.h. What a link carries around it (samples, targets, data, exercise, text) is
// document.h's Document.
//
// Conventions (docs/design.md): layer 0 is the input layer; weight layer l+1 (W_{l+1} of the
// worksheet) maps layer l to layer l+1 and is stored as weights[l] with one row per node of
// layer l+1 and one column per node of layer l, so row i holds the weights into node i.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/model/activation.h"

namespace mlp {

// A dense row-major matrix: element (r, c) is values[r * cols + c].
struct Matrix {
    int rows = 0;
    int cols = 0;
    std::vector<double> values;  // (rows, cols)

    Matrix() = default;
    Matrix(int rows, int cols, double fill = 0.0);

    double& at(int r, int c) { return values[static_cast<size_t>(r) * cols + c]; }
    double at(int r, int c) const { return values[static_cast<size_t>(r) * cols + c]; }
    double* row(int r) { return values.data() + static_cast<size_t>(r) * cols; }
    const double* row(int r) const { return values.data() + static_cast<size_t>(r) * cols; }
};

// A matrix written out row by row, as on a worksheet: matrix_of({{1, 0, -1}, {0, 1, 1}}) is 2x3.
// Every row must be as long as the first.
Matrix matrix_of(std::initializer_list<std::initializer_list<double>> rows);

struct Network {
    std::vector<int> shape;                   // nodes per layer, input layer first
    std::vector<Matrix> weights;              // weights[l]: (shape[l+1], shape[l])
    std::vector<std::vector<double>> biases;  // biases[l]: (shape[l+1],)
    std::vector<Activation> activations;      // activations[l]: applied to the z of weights[l]

    int weight_layers() const { return static_cast<int>(weights.size()); }
    int64_t weight_count() const;
};

// Equal sizes, activations and values. Numbers compare with ==, so -0 equals 0: a link writes
// both as "0", and a round trip keeps every value, not every sign of zero.
bool operator==(const Matrix& a, const Matrix& b);
bool operator==(const Network& a, const Network& b);

// The default activations: ReLU after every weight layer but the last, which is linear.
std::vector<Activation> default_activations(int weight_layers);

// Checks a shape against the limits using only the numbers themselves, so a caller can refuse an
// absurd size before allocating anything. Returns "" when the shape is allowed, else a message
// that says what was expected, e.g. "layer 3 has 5000 nodes; at most 1024 are allowed".
std::string check_shape(const std::vector<int>& shape);
// The part of check_shape about the number of layers, for a decoder that counts a shape's
// entries before it stores them (a link may claim a million layers).
std::string check_layer_count(int64_t node_layers);
std::string check_sample_count(int64_t samples);
// True when v is finite and |v| <= kMaxAbsValue.
bool is_allowed_value(double v);
// "" when v is finite and |v| <= kMaxAbsValue; otherwise a message naming `what` (e.g. "W3[2,1]").
std::string check_value(double v, const std::string& what);

// A network of the given shape (check_shape must accept it) with zero weights and biases and
// the default activations.
Network make_network(const std::vector<int>& shape);

}  // namespace mlp
