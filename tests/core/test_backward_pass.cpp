// The loss and the backward pass on networks worked by hand: the by-hand sheets' own numbers
// (Tom Yeh's backpropagation sheet, Jeremy London's backpropagation.py, the seven-layer exercise
// with targets), the derivatives at the kink, and losses that stay finite for large outputs.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/document/default_network.h"
#include "core/document/presets.h"
#include "core/model/backward_pass.h"
#include "core/model/random_fill.h"

using namespace mlp;

namespace {

struct Passes {
    ForwardPass forward;
    BackwardPass backward;
};

Passes run(const Document& doc) {
    REQUIRE(validate(doc) == "");
    Passes p;
    forward_pass(doc.network, doc.inputs, &p.forward);
    backward_pass(doc, p.forward, &p.backward);
    return p;
}

// The sheets print 4 decimals: a value matches when it rounds to the printed one.
void check_4(const std::vector<double>& ours, const std::vector<double>& printed) {
    REQUIRE(ours.size() == printed.size());
    for (size_t k = 0; k < ours.size(); ++k) {
        CAPTURE(k);
        CHECK(std::fabs(ours[k] - printed[k]) <= 0.00005 + 1e-12);
    }
}

std::vector<double> sample_row(const Matrix& m, int s) { return {m.row(s), m.row(s) + m.cols}; }
std::vector<double> column(const Matrix& m, int c) {
    std::vector<double> out;
    for (int r = 0; r < m.rows; ++r) out.push_back(m.at(r, c));
    return out;
}

}  // namespace

TEST_CASE("Tom Yeh's backpropagation sheet: z3, p, L = 1.1041, and the ReLU mask in dL/db2 and dL/db1") {
    const Document doc = yeh_backprop_document();
    CHECK(doc.network.shape == std::vector<int>{4, 3, 4, 3});
    CHECK(doc.loss == Loss::CrossEntropy);
    CHECK(doc.reduction == Reduction::Sum);
    const Passes p = run(doc);
    const BackwardPass& g = p.backward;
    // Forward: the logits z3 of the two samples, and their softmax.
    CHECK(sample_row(p.forward.z[2], 0) == std::vector<double>{-3, 2, 2});
    CHECK(sample_row(p.forward.z[2], 1) == std::vector<double>{1, 2, 0});
    check_4(sample_row(g.p, 0), {.0034, .4983, .4983});
    check_4(sample_row(g.p, 1), {.2447, .6652, .0900});
    check_4({g.loss}, {1.1041});
    // Neuron 1 of layer 2 is clipped for both samples (z2 = -1, -2): nothing flows back through it.
    CHECK(column(p.forward.z[1], 0) == std::vector<double>{-1, -2});
    CHECK(column(g.dz[1], 0) == std::vector<double>{0, 0});
    check_4(g.db[1], {0, -.2481, -.6597, .4962});
    check_4(g.db[0], {-.2481, -.9078, -.5050});
    // The published sheet, which skips the mask, has dL/db1 = (-.2481, -1.1559, -.4983) and a first
    // row of dL/dW2 of (.2514, .7476, .0034); with the mask that row is zero.
    CHECK(sample_row(g.dw[1], 0) == std::vector<double>{0, 0, 0});
    CHECK(std::fabs(g.db[0][1] - -1.1559) > 0.2);
}

TEST_CASE("Jeremy London's backpropagation.py: z1, z2, z3 and the exact softmax") {
    const Document doc = london_backprop_document();
    const Passes p = run(doc);
    const BackwardPass& g = p.backward;
    CHECK(sample_row(p.forward.z[0], 0) == std::vector<double>{-1, 3, 5, 3});
    CHECK(sample_row(p.forward.z[1], 0) == std::vector<double>{2, 4});
    CHECK(sample_row(p.forward.z[2], 0) == std::vector<double>{3, 3, -1});
    // softmax(3, 3, -1) = (1, 1, e^-4) / (2 + e^-4), not the script's rounded (.5, .5, 0).
    const double big = 1.0 / (2.0 + std::exp(-4.0)), small = std::exp(-4.0) / (2.0 + std::exp(-4.0));
    CHECK(g.p.at(0, 0) == doctest::Approx(big).epsilon(1e-15));
    CHECK(g.p.at(0, 2) == doctest::Approx(small).epsilon(1e-14));
    check_4(sample_row(g.p, 0), {.4955, .4955, .0091});
    // dL/dz3 = p - y, and dL/dW3 = dz3 a2^T with a2 = (2, 4): the script's [[1,2],[-1,-2],[0,0]]
    // with its rounded softmax.
    check_4(sample_row(g.dz[2], 0), {.4955, -.5045, .0091});
    check_4(g.dw[2].values, {.9909, 1.9819, -1.0091, -2.0181, .0181, .0363});
    CHECK(g.loss == doctest::Approx(-std::log(big)).epsilon(1e-14));
}

TEST_CASE("the exercise with targets: every backward value is a whole number") {
    const Document doc = exercise_with_targets_document();
    Document plain = doc;
    plain.targets = Matrix();
    plain.reduction = Reduction::Mean;
    plain.learning_rate = kDefaultLearningRate;
    CHECK(plain == exercise_document());  // the exercise itself, plus targets
    const Passes p = run(doc);
    const BackwardPass& g = p.backward;
    CHECK(g.loss == 2.5);  // 1/2 (1^2 + 2^2), summed
    CHECK(g.sample_losses == std::vector<double>{0.5, 2});
    CHECK(g.dz[6].values == std::vector<double>{1, 2});      // a7 - y = (-4 + 5, -18 + 20)
    CHECK(g.dz[5].values == std::vector<double>{1, -1, 2, -2});
    // Layer 3, sample 2: node 2 is the worksheet's ReLU clip (z = -5), so its dz is 0.
    CHECK(sample_row(g.dz[2], 1) == std::vector<double>{-4, 0, 0});
    CHECK(g.dw[6].values == std::vector<double>{15, 55});
    CHECK(g.dw[0].values == std::vector<double>{-20, -16, -12, -20, -16, -12, -12, -16, -20, -32, -32, -32, 32, 32, 32});
    for (const Matrix& dw : g.dw)
        for (double v : dw.values) CHECK(v == std::round(v));
}

TEST_CASE("derivatives at the kink: relu'(0) = 0, leaky_relu'(0) = 0.01; sigmoid' = a(1-a), tanh' = 1-a^2") {
    // One input x = 1, one hidden node with z = w1 x + b1, one linear output y_hat = w2 a, mse.
    auto gradient_into_z = [](Activation act, double z) {
        Document doc;
        doc.network = make_network({1, 1, 1});
        doc.network.activations = {act, Activation::Linear};
        doc.network.weights[0].at(0, 0) = 1;
        doc.network.biases[0][0] = z;
        doc.network.weights[1].at(0, 0) = 1;
        doc.inputs = matrix_of({{0}});  // z = b1 exactly
        doc.targets = matrix_of({{-1}});
        const Passes p = run(doc);
        return p.backward.dz[0].at(0, 0) / p.backward.da[0].at(0, 0);  // f'(z)
    };
    CHECK(gradient_into_z(Activation::ReLU, 0.0) == 0.0);
    CHECK(gradient_into_z(Activation::ReLU, 1e-300) == 1.0);
    CHECK(gradient_into_z(Activation::LeakyReLU, 0.0) == 0.01);
    CHECK(gradient_into_z(Activation::LeakyReLU, -3.0) == 0.01);
    CHECK(gradient_into_z(Activation::Linear, 0.0) == 1.0);
    const double s = 1.0 / (1.0 + std::exp(-0.5));
    CHECK(gradient_into_z(Activation::Sigmoid, 0.5) == doctest::Approx(s * (1 - s)).epsilon(1e-15));
    CHECK(gradient_into_z(Activation::Tanh, 0.5) == doctest::Approx(1 - std::tanh(0.5) * std::tanh(0.5)).epsilon(1e-15));
}

TEST_CASE("ce and bce stay finite for outputs far beyond where softmax and sigmoid round to 0 and 1") {
    double p[3], grad[3];
    const double a[3] = {1000, 0, -1000}, one_hot[3] = {0, 1, 0};
    CHECK(sample_loss(Loss::CrossEntropy, a, one_hot, 3, p, grad) == 1000.0);  // -ln p_2 = 1000
    CHECK(p[0] == 1.0);
    CHECK(grad[1] == -1.0);
    const double big[2] = {800, -800}, labels[2] = {0, 1};
    CHECK(sample_loss(Loss::BinaryCrossEntropy, big, labels, 2, p, grad) == 1600.0);  // 800 for each
    CHECK(p[0] == 1.0);
    CHECK(grad[0] == 1.0);
    CHECK(grad[1] == -1.0);
    // Targets that do not sum to 1: dL/da = p * sum(y) - y.
    const double y[3] = {1, 1, 0}, zeros[3] = {0, 0, 0};
    sample_loss(Loss::CrossEntropy, zeros, y, 3, p, grad);
    CHECK(grad[0] == doctest::Approx(2.0 / 3 - 1));
    CHECK(grad[2] == doctest::Approx(2.0 / 3));
}

TEST_CASE("mean divides the loss and every gradient by the number of samples; sum does not") {
    Document doc = yeh_backprop_document();
    const Passes sum = run(doc);
    doc.reduction = Reduction::Mean;
    const Passes mean = run(doc);
    CHECK(mean.backward.loss == doctest::Approx(sum.backward.loss / 2));
    CHECK(mean.backward.sample_losses == sum.backward.sample_losses);
    for (size_t l = 0; l < sum.backward.dw.size(); ++l)
        for (size_t k = 0; k < sum.backward.dw[l].values.size(); ++k)
            CHECK(mean.backward.dw[l].values[k] == doctest::Approx(sum.backward.dw[l].values[k] / 2));
}

TEST_CASE("a batch passed in parts, in any split, leaves the whole batch's dW and db bit for bit") {
    struct Case {
        std::vector<int> shape;
        Loss loss;
    };
    for (const Case& c : {Case{{3, 5, 4, 1}, Loss::Mse}, Case{{3, 5, 4, 1}, Loss::BinaryCrossEntropy}, Case{{3, 6, 2}, Loss::CrossEntropy}}) {
        for (Reduction reduction : {Reduction::Mean, Reduction::Sum}) {
            CAPTURE(c.shape.size());
            CAPTURE(static_cast<int>(c.loss));
            Network net = make_network(c.shape);
            RandomFill fill(31);
            for (size_t l = 0; l < net.weights.size(); ++l) {
                for (double& w : net.weights[l].values) w = fill.weight(c.shape[l], false);
                for (double& b : net.biases[l]) b = fill.uniform() - 0.5;
                net.activations[l] = l % 2 ? Activation::ReLU : Activation::Tanh;  // relu: some dz are 0
            }
            constexpr int kBatch = 7;
            const int outputs = c.shape.back();
            Matrix x(kBatch, c.shape[0]), y(kBatch, outputs);
            for (double& v : x.values) v = 4.0 * fill.uniform() - 2.0;
            for (int s = 0; s < kBatch; ++s) {
                const int label = fill.integer(0, 1);
                if (outputs == 2) y.at(s, label) = 1.0;
                else y.at(s, 0) = label;
            }
            ForwardPass forward;
            BackwardPass whole;
            forward_pass(net, x, &forward);
            backward_pass(net, x, y, c.loss, reduction, forward, &whole);
            for (const std::vector<int>& split : {std::vector<int>{3, 1, 3}, {1, 1, 1, 1, 1, 1, 1}, {6, 1}, {7}}) {
                CAPTURE(split.size());
                BackwardPass parts;
                int first = 0;
                for (int rows : split) {
                    Matrix px(rows, x.cols), py(rows, y.cols);
                    std::copy_n(x.row(first), rows * x.cols, px.values.data());
                    std::copy_n(y.row(first), rows * y.cols, py.values.data());
                    ForwardPass part_forward;
                    forward_pass(net, px, &part_forward);
                    backward_pass(net, px, py, c.loss, reduction, part_forward, BatchPart{kBatch, first == 0}, &parts);
                    first += rows;
                }
                // Exact: the same sums in the same order, not merely close.
                for (size_t l = 0; l < whole.dw.size(); ++l) {
                    CHECK(parts.dw[l].values == whole.dw[l].values);
                    CHECK(parts.db[l] == whole.db[l]);
                }
            }
        }
    }
}
