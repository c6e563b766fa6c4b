// Reading the cases that the numpy references write (tests/reference/forward_reference.py and
// backward_reference.py): random networks, and what numpy computed for them.
#pragma once

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/document/document.h"

namespace mlp_test {

struct ReferenceCase {
    int index = -1;
    mlp::Document doc;
    std::vector<mlp::Matrix> z, a;  // numpy's forward pass (forward_reference.py)
    // numpy's loss and backward pass (backward_reference.py)
    double loss = 0.0;
    std::vector<double> sample_losses;
    mlp::Matrix p;
    std::vector<mlp::Matrix> dz, dw;
    std::vector<std::vector<double>> db;
};

inline std::vector<double> read_numbers(std::istringstream& in) {
    std::vector<double> out;
    std::string token;
    while (in >> token) out.push_back(std::strtod(token.c_str(), nullptr));
    return out;
}

inline mlp::Matrix to_matrix(const std::vector<double>& values, int rows, int cols) {
    REQUIRE(values.size() == static_cast<size_t>(rows) * cols);
    mlp::Matrix m(rows, cols);
    m.values = values;
    return m;
}

inline std::vector<ReferenceCase> read_cases(const char* path) {
    std::ifstream file(path);
    REQUIRE_MESSAGE(file.good(), "cannot open ", path);
    std::vector<ReferenceCase> cases;
    ReferenceCase c;
    std::string line;
    while (std::getline(file, line)) {
        std::istringstream in(line);
        std::string tag;
        in >> tag;
        const std::vector<int>& shape = c.doc.network.shape;
        const int samples = c.doc.inputs.rows;
        if (tag == "case") {
            c = ReferenceCase();
            in >> c.index;
        } else if (tag == "shape") {
            std::vector<int> numbers;
            int n;
            while (in >> n) numbers.push_back(n);
            c.doc.network = mlp::make_network(numbers);
        } else if (tag == "act") {
            std::string name;
            for (int l = 0; in >> name; ++l) REQUIRE(mlp::parse_activation(name, &c.doc.network.activations[l]));
        } else if (tag == "W" || tag == "b" || tag == "z" || tag == "a" || tag == "dz" || tag == "dW" || tag == "db") {
            int l;
            in >> l;
            --l;
            std::vector<double> v = read_numbers(in);
            if (tag == "W") c.doc.network.weights[l] = to_matrix(v, shape[l + 1], shape[l]);
            if (tag == "b") c.doc.network.biases[l] = v;
            if (tag == "z") c.z.push_back(to_matrix(v, samples, shape[l + 1]));
            if (tag == "a") c.a.push_back(to_matrix(v, samples, shape[l + 1]));
            if (tag == "dz") c.dz.push_back(to_matrix(v, samples, shape[l + 1]));
            if (tag == "dW") c.dw.push_back(to_matrix(v, shape[l + 1], shape[l]));
            if (tag == "db") c.db.push_back(v);
        } else if (tag == "x" || tag == "y") {
            int rows;
            in >> rows;
            if (tag == "x") c.doc.inputs = to_matrix(read_numbers(in), rows, shape[0]);
            if (tag == "y") c.doc.targets = to_matrix(read_numbers(in), rows, shape.back());
        } else if (tag == "loss") {
            std::string name;
            in >> name;
            REQUIRE(mlp::parse_loss(name, &c.doc.loss));
        } else if (tag == "reduce") {
            std::string name;
            in >> name;
            REQUIRE(mlp::parse_reduction(name, &c.doc.reduction));
        } else if (tag == "L") {
            c.loss = read_numbers(in).at(0);
        } else if (tag == "Ls") {
            c.sample_losses = read_numbers(in);
        } else if (tag == "p") {
            c.p = to_matrix(read_numbers(in), samples, shape.back());
        } else if (tag == "end") {
            cases.push_back(c);
        }
    }
    return cases;
}

// |ours - numpy| <= 1e-9 * (1 + |numpy|): both sides use doubles but sum in different orders
// (numpy's BLAS blocks; the core keeps partial sums), so the last bits may differ.
struct Agreement {
    size_t compared = 0;
    double worst = 0.0;

    bool check(double ours, double ref) {
        const double err = std::fabs(ours - ref) / (1.0 + std::fabs(ref));
        if (err > worst || err != err) worst = err;
        ++compared;
        return err <= 1e-9;
    }
};

}  // namespace mlp_test
