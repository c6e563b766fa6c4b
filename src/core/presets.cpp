#include "core/presets.h"

#include <cmath>

#include "core/random_fill.h"

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

}  // namespace mlp
