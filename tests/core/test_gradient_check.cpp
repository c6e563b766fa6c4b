// The backward pass against central finite differences of the loss, for every weight and bias of
// small random networks under every activation, loss and reduction: an independent check that
// needs nothing but the forward pass and the loss.
//
// (L(w + h) - L(w - h)) / 2h with h = 1e-6, against dL/dw from the backward pass:
// |difference - gradient| <= 1e-6 * (1 + |gradient|). The difference's own error is about
// h^2 L''' / 6 (truncation, ~1e-12 here) plus eps L / h (rounding, ~1e-9 for the losses here).
// ReLU and leaky ReLU have a kink at z = 0, where the difference measures neither side's slope: a
// weight or bias whose +-h moves any such z across 0 is skipped (counted in the message).
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "core/document/document.h"
#include "core/model/backward_pass.h"

using namespace mlp;

namespace {

constexpr double kStep = 1e-6;
constexpr double kTolerance = 1e-6;

Document random_learning_document(std::mt19937_64& rng, Loss loss, Reduction reduction) {
    std::uniform_int_distribution<int> layers(1, 4), nodes(1, 6), samples(1, 4);
    std::uniform_real_distribution<double> value(-1.5, 1.5), unit(0.0, 1.0);
    std::vector<int> shape(layers(rng) + 1);
    for (int& n : shape) n = nodes(rng);
    Document doc;
    doc.network = make_network(shape);
    for (Matrix& w : doc.network.weights)
        for (double& v : w.values) v = value(rng);
    for (std::vector<double>& b : doc.network.biases)
        for (double& v : b) v = value(rng);
    for (Activation& act : doc.network.activations) act = static_cast<Activation>(rng() % kActivationCount);
    doc.inputs = Matrix(samples(rng), shape[0]);
    for (double& v : doc.inputs.values) v = 2.0 * value(rng);
    doc.targets = Matrix(doc.inputs.rows, shape.back());
    for (double& v : doc.targets.values) v = loss == Loss::Mse ? value(rng) : unit(rng);
    doc.loss = loss;
    doc.reduction = reduction;
    return doc;
}

// Which nodes of kinked layers (ReLU, leaky ReLU) are past their kink: z > 0.
std::vector<bool> kink_sides(const Network& net, const ForwardPass& pass) {
    std::vector<bool> sides;
    for (int l = 0; l < net.weight_layers(); ++l)
        if (net.activations[l] == Activation::ReLU || net.activations[l] == Activation::LeakyReLU)
            for (double z : pass.z[l].values) sides.push_back(z > 0.0);
    return sides;
}

struct Evaluation {
    double loss;
    std::vector<bool> sides;
};

Evaluation evaluate(const Document& doc) {
    ForwardPass pass;
    forward_pass(doc.network, doc.inputs, &pass);
    BackwardPass grad;
    backward_pass(doc, pass, &grad);
    return {grad.loss, kink_sides(doc.network, pass)};
}

struct Tally {
    int compared = 0, skipped = 0;
    double worst = 0.0;
};

// Checks dL/dv for the parameter `v` of `doc` (a weight or a bias), against `gradient`.
void check_parameter(Document& doc, double* v, double gradient, const std::vector<bool>& sides, Tally* tally) {
    const double saved = *v;
    *v = saved + kStep;
    const Evaluation up = evaluate(doc);
    *v = saved - kStep;
    const Evaluation down = evaluate(doc);
    *v = saved;
    if (up.sides != sides || down.sides != sides) {
        ++tally->skipped;
        return;
    }
    const double difference = (up.loss - down.loss) / (2.0 * kStep);
    const double err = std::fabs(difference - gradient) / (1.0 + std::fabs(gradient));
    tally->worst = std::max(tally->worst, err);
    ++tally->compared;
    if (err > kTolerance) FAIL_CHECK("finite difference " << difference << ", backward pass " << gradient);
}

}  // namespace

TEST_CASE("every weight and bias: the backward pass agrees with central finite differences of the loss") {
    std::mt19937_64 rng(13);
    Tally tally;
    int networks = 0;
    for (int loss = 0; loss < kLossCount; ++loss)
        for (int reduction = 0; reduction < kReductionCount; ++reduction)
            for (int k = 0; k < 12; ++k) {
                Document doc = random_learning_document(rng, static_cast<Loss>(loss), static_cast<Reduction>(reduction));
                CAPTURE(loss_name(doc.loss));
                CAPTURE(reduction_name(doc.reduction));
                CAPTURE(k);
                REQUIRE(validate(doc) == "");
                ForwardPass pass;
                forward_pass(doc.network, doc.inputs, &pass);
                BackwardPass grad;
                backward_pass(doc, pass, &grad);
                const std::vector<bool> sides = kink_sides(doc.network, pass);
                for (int l = 0; l < doc.network.weight_layers(); ++l) {
                    CAPTURE(l + 1);
                    Matrix& w = doc.network.weights[l];
                    for (size_t j = 0; j < w.values.size(); ++j)
                        check_parameter(doc, &w.values[j], grad.dw[l].values[j], sides, &tally);
                    std::vector<double>& b = doc.network.biases[l];
                    for (size_t i = 0; i < b.size(); ++i) check_parameter(doc, &b[i], grad.db[l][i], sides, &tally);
                }
                ++networks;
            }
    CHECK(tally.skipped * 20 < tally.compared);  // the kink is rare with real values
    MESSAGE("compared " << tally.compared << " weights and biases of " << networks
                        << " networks with central differences (h = 1e-6), " << tally.skipped
                        << " skipped at a ReLU kink; worst relative difference " << tally.worst);
}
