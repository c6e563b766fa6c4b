// The forward pass against numpy (tests/reference/forward_reference.py): hundreds of random
// networks of random shapes, activations, biases and sample counts.
//
// Tolerance: |ours - numpy| <= 1e-9 * (1 + |numpy|). Both sides use doubles but sum in different
// orders (numpy's BLAS blocks; ours keeps four partial sums), so the last bits may differ.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/forward_pass.h"

using namespace mlp;

#ifndef MLP_REFERENCE_CASES
#error "MLP_REFERENCE_CASES must name the file written by tests/reference/forward_reference.py"
#endif

namespace {

struct ReferenceCase {
    int index = -1;
    Document doc;
    std::vector<Matrix> z, a;  // numpy's values
};

std::vector<double> read_numbers(std::istringstream& in) {
    std::vector<double> out;
    std::string token;
    while (in >> token) out.push_back(std::strtod(token.c_str(), nullptr));
    return out;
}

Matrix to_matrix(const std::vector<double>& values, int rows, int cols) {
    REQUIRE(values.size() == static_cast<size_t>(rows) * cols);
    Matrix m(rows, cols);
    m.values = values;
    return m;
}

std::vector<ReferenceCase> read_cases(const char* path) {
    std::ifstream file(path);
    REQUIRE_MESSAGE(file.good(), "cannot open ", path);
    std::vector<ReferenceCase> cases;
    ReferenceCase c;
    std::string line;
    while (std::getline(file, line)) {
        std::istringstream in(line);
        std::string tag;
        in >> tag;
        if (tag == "case") {
            c = ReferenceCase();
            in >> c.index;
        } else if (tag == "shape") {
            std::vector<int> shape;
            int n;
            while (in >> n) shape.push_back(n);
            c.doc.network = make_network(shape);
        } else if (tag == "act") {
            std::string name;
            for (int l = 0; in >> name; ++l) REQUIRE(parse_activation(name, &c.doc.network.activations[l]));
        } else if (tag == "W" || tag == "b" || tag == "z" || tag == "a") {
            int l;
            in >> l;
            --l;
            const std::vector<int>& shape = c.doc.network.shape;
            std::vector<double> v = read_numbers(in);
            if (tag == "W") c.doc.network.weights[l] = to_matrix(v, shape[l + 1], shape[l]);
            if (tag == "b") c.doc.network.biases[l] = v;
            if (tag == "z") c.z.push_back(to_matrix(v, c.doc.inputs.rows, shape[l + 1]));
            if (tag == "a") c.a.push_back(to_matrix(v, c.doc.inputs.rows, shape[l + 1]));
        } else if (tag == "x") {
            int samples;
            in >> samples;
            c.doc.inputs = to_matrix(read_numbers(in), samples, c.doc.network.shape[0]);
        } else if (tag == "end") {
            cases.push_back(c);
        }
    }
    return cases;
}

}  // namespace

TEST_CASE("forward pass agrees with numpy on random networks") {
    const std::vector<ReferenceCase> cases = read_cases(MLP_REFERENCE_CASES);
    REQUIRE(cases.size() >= 100);
    size_t values_compared = 0;
    double worst = 0.0;
    for (const ReferenceCase& c : cases) {
        CAPTURE(c.index);
        REQUIRE(validate(c.doc) == "");
        ForwardPass pass;
        forward_pass(c.doc.network, c.doc.inputs, &pass);
        REQUIRE(pass.z.size() == c.z.size());
        for (size_t l = 0; l < c.z.size(); ++l) {
            CAPTURE(l + 1);
            for (size_t k = 0; k < c.z[l].values.size(); ++k) {
                for (int which = 0; which < 2; ++which) {
                    double ours = (which == 0 ? pass.z[l] : pass.a[l]).values[k];
                    double ref = (which == 0 ? c.z[l] : c.a[l]).values[k];
                    double err = std::fabs(ours - ref) / (1.0 + std::fabs(ref));
                    if (err > worst) worst = err;
                    if (err > 1e-9) FAIL_CHECK("layer value " << k << (which ? " a" : " z") << ": ours " << ours << ", numpy " << ref);
                    ++values_compared;
                }
            }
        }
    }
    MESSAGE("compared " << values_compared << " values of " << cases.size()
                        << " networks with numpy; worst relative difference " << worst);
}
