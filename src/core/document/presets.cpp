#include "core/document/presets.h"

#include <cmath>

#include "core/document/default_network.h"
#include "core/formats/decode_result.h"
#include "core/limits.h"
#include "core/model/random_fill.h"
#include "core/text/notation.h"

namespace mlp {

Document xor_document() {
    Document doc;
    doc.network = make_network({2, 2, 1});
    Matrix& w1 = doc.network.weights[0];
    w1.at(0, 0) = 1;
    w1.at(0, 1) = 1;
    w1.at(1, 0) = 1;
    w1.at(1, 1) = 1;
    doc.network.biases[0] = {0, -1};
    doc.network.weights[1].at(0, 0) = 1;
    doc.network.weights[1].at(0, 1) = -2;
    doc.inputs = Matrix(4, 2);
    const double truth_table[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    for (int s = 0; s < 4; ++s)
        for (int j = 0; j < 2; ++j) doc.inputs.at(s, j) = truth_table[s][j];
    return doc;
}

Document yeh_backprop_document() {
    Document doc;
    doc.network = make_network({4, 3, 4, 3});
    doc.network.weights = {
        matrix_of({{1, 0, -1, 1}, {0, 1, 1, 0}, {1, -1, 0, 0}}),
        matrix_of({{0, -1, 2}, {-1, 1, 0}, {0, 1, 1}, {-1, 0, 0}}),
        matrix_of({{0, -1, -1, 2}, {-1, 0, 0, 0}, {-1, 0, 1, 0}}),
    };
    doc.network.biases = {{1, 1, 0}, {1, 2, 1, 3}, {5, 2, -4}};
    doc.inputs = matrix_of({{2, 1, 2, 1}, {-1, 1, 1, 2}});
    doc.targets = matrix_of({{0, 0, 1}, {0, 1, 0}});
    doc.loss = Loss::CrossEntropy;
    doc.reduction = Reduction::Sum;
    return doc;
}

Document london_backprop_document() {
    Document doc;
    doc.network = make_network({3, 4, 2, 3});
    doc.network.weights = {
        matrix_of({{1, -1, 1}, {1, 1, 0}, {0, 1, 1}, {1, 0, 1}}),
        matrix_of({{1, -1, 1, 0}, {0, 1, -1, 1}}),
        matrix_of({{2, 0}, {0, 2}, {1, 1}}),
    };
    doc.network.biases = {{-5, 0, 1, -2}, {0, 3}, {-1, -5, -7}};
    doc.inputs = matrix_of({{2, 1, 3}});
    doc.targets = matrix_of({{0, 1, 0}});
    doc.loss = Loss::CrossEntropy;
    return doc;
}

Document exercise_with_targets_document() {
    Document doc = exercise_document();
    doc.targets = matrix_of({{-5}, {-20}});
    doc.reduction = Reduction::Sum;
    doc.learning_rate = 0.0001;
    return doc;
}

std::string random_document(const std::vector<int>& shape, uint64_t seed, bool integers, Document* out) {
    std::string err = check_shape(shape);
    if (!err.empty()) return err;
    RandomFill rng(seed);
    Document doc;
    doc.network = make_network(shape);
    for (Matrix& w : doc.network.weights)
        for (double& v : w.values) v = rng.weight(w.cols, integers);
    doc.inputs = Matrix(1, shape[0]);
    for (double& v : doc.inputs.values)
        v = integers ? rng.integer(-3, 3) : std::round((2.0 * rng.uniform() - 1.0) * 100.0) / 100.0;
    *out = std::move(doc);
    return "";
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Separators between node counts: white space, commas, "->" and "→" (UTF-8 E2 86 92).
size_t separator_length(std::string_view text) {
    if (text.empty()) return 0;
    const char c = text.front();
    if (c == ' ' || c == '\t' || c == ',') return 1;
    if (text.substr(0, 2) == "->") return 2;
    if (text.substr(0, 3) == notation::kArrow) return 3;
    return 0;
}

}  // namespace

std::string parse_shape(std::string_view text, std::vector<int>* out) {
    std::vector<int> shape;
    const std::string example = "; expected node counts like 4,8,8,2";
    while (!text.empty()) {
        if (size_t sep = separator_length(text)) {
            text.remove_prefix(sep);
            continue;
        }
        size_t n = 0;
        while (n < text.size() && is_digit(text[n])) ++n;
        if (n == 0) return "shape: " + quote_input(text) + " is not a node count" + example;
        if (static_cast<int64_t>(shape.size()) >= kMaxWeightLayers + 1)
            return "shape: " + check_layer_count(static_cast<int64_t>(shape.size()) + 1);
        // Counts over the node limit are refused by check_shape below; digit runs too long for
        // an int, right here.
        if (n > 9) return "shape: " + quote_input(text.substr(0, n)) + " nodes; expected 1 to " + std::to_string(kMaxNodesPerLayer);
        int count = 0;
        for (size_t k = 0; k < n; ++k) count = count * 10 + (text[k] - '0');
        shape.push_back(count);
        text.remove_prefix(n);
    }
    if (shape.size() < 2) return "shape: at least 2 layers (inputs and outputs)" + example;
    if (std::string err = check_shape(shape); !err.empty()) return "shape: " + err;
    *out = std::move(shape);
    return "";
}

std::string parse_seed(std::string_view text, uint64_t* out) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    const std::string expected = " is not a seed; expected a whole number from 0 to 18446744073709551615";
    if (text.empty() || text.size() > 20) return "seed: " + quote_input(text) + expected;
    uint64_t seed = 0;
    for (char c : text) {
        if (!is_digit(c)) return "seed: " + quote_input(text) + expected;
        const uint64_t digit = static_cast<uint64_t>(c - '0');
        if (seed > (UINT64_MAX - digit) / 10) return "seed: " + quote_input(text) + expected;
        seed = seed * 10 + digit;
    }
    *out = seed;
    return "";
}

std::string random_preset_name(const std::vector<int>& shape, uint64_t seed, bool integers) {
    std::string name = "random ";
    for (size_t i = 0; i < shape.size(); ++i) name += (i ? "-" : "") + std::to_string(shape[i]);
    name += " (seed " + std::to_string(seed) + (integers ? ", whole numbers)" : ")");
    return name;
}

}  // namespace mlp
