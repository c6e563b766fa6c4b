// Gradient descent in the Session: the gradients kept current after every edit, step(n) as
// W - lr * dL/dW exactly from the state before each step, one undo step that restores every
// weight and bias bit for bit, and the refusals (no targets, a bad n, a gradient that overflows).
#include <doctest/doctest.h>

#include <cstring>
#include <random>

#include "core/document/architecture.h"
#include "core/document/presets.h"
#include "core/document/session.h"
#include "random_documents.h"

using namespace mlp;

namespace {

// Bit for bit, so a -0 that should be 0 (or the reverse) is caught as well.
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}
bool same_parameters(const Network& a, const Network& b) {
    for (int l = 0; l < a.weight_layers(); ++l)
        if (!same_bits(a.weights[l].values, b.weights[l].values) || !same_bits(a.biases[l], b.biases[l])) return false;
    return true;
}

// The gradients a fresh backward pass computes for the session's document.
BackwardPass fresh_gradients(const Session& s) {
    ForwardPass forward;
    forward_pass(s.network(), s.document().inputs, &forward);
    BackwardPass grad;
    backward_pass(s.document(), forward, &grad);
    return grad;
}

void check_current(const Session& s) {
    const BackwardPass* kept = s.gradients();
    REQUIRE(kept);
    const BackwardPass fresh = fresh_gradients(s);
    CHECK(kept->loss == fresh.loss);
    for (size_t l = 0; l < fresh.dw.size(); ++l) {
        CHECK(same_bits(kept->dz[l].values, fresh.dz[l].values));
        CHECK(same_bits(kept->dw[l].values, fresh.dw[l].values));
        CHECK(same_bits(kept->db[l], fresh.db[l]));
    }
}

}  // namespace

TEST_CASE("no targets, no gradients: the page as before") {
    Session s;
    CHECK_FALSE(s.document().has_targets());
    CHECK(s.gradients() == nullptr);
    const std::string state = s.state_json();
    for (const char* key : {"loss_value", "sample_losses", "\"dz\"", "\"dw\"", "\"db\"", "\"targets\""})
        CHECK(state.find(key) == std::string::npos);
    CHECK(s.step(1) == "step: the network has no targets (y) to learn from");
    CHECK_FALSE(s.can_undo());
}

TEST_CASE("the gradients follow every edit, undo and redo") {
    Session s;
    REQUIRE(s.replace(yeh_backprop_document()) == "");
    check_current(s);
    s.set_weight(1, 0, 2, 0.5);
    check_current(s);
    s.set_bias(0, 1, -2);
    s.set_input(1, 3, 0.25);
    check_current(s);
    s.set_target(0, 2, 0.5);
    CHECK(s.last_edit().kind == Session::Edit::Kind::Value);
    CHECK(s.last_edit().value == ValueAddress{ValueKind::Target, 0, 0, 0, 2});
    check_current(s);
    s.set_activation(0, Activation::Tanh);
    s.set_loss(Loss::BinaryCrossEntropy);
    s.set_reduction(Reduction::Mean);
    check_current(s);
    const double loss = s.gradients()->loss;
    s.set_learning_rate(0.5);  // changes no gradient
    CHECK(s.gradients()->loss == loss);
    s.set_learning_rate(0);  // not a learning rate: ignored
    s.set_learning_rate(2e6);
    CHECK(s.document().learning_rate == 0.5);
    for (int k = 0; k < 5; ++k) {  // the learning rate, reduction, loss, activation, target
        REQUIRE(s.undo());
        check_current(s);
    }
    CHECK(s.document().targets.at(0, 2) == 1.0);
    CHECK(s.document().loss == Loss::CrossEntropy);
    REQUIRE(s.redo());
    check_current(s);
}

TEST_CASE("step(1) is W - lr * dL/dW exactly, from the state before it; undo restores every bit") {
    std::mt19937_64 rng(21);
    int stepped = 0;
    for (int k = 0; k < 40; ++k) {
        CAPTURE(k);
        Document doc = mlp_test::random_document(rng, 4, 7);
        doc.hidden.clear();
        // Values of the size learners use, so the loss and its gradient stay finite.
        for (Matrix& w : doc.network.weights)
            for (double& v : w.values) v = std::uniform_real_distribution<double>(-2, 2)(rng);
        for (std::vector<double>& b : doc.network.biases)
            for (double& v : b) v = std::uniform_real_distribution<double>(-1, 1)(rng);
        doc.targets = Matrix(doc.inputs.rows, doc.network.shape.back());
        for (double& v : doc.targets.values) v = std::uniform_real_distribution<double>(0, 1)(rng);
        for (double& v : doc.inputs.values) v = std::uniform_real_distribution<double>(-3, 3)(rng);
        doc.loss = static_cast<Loss>(k % kLossCount);
        doc.reduction = static_cast<Reduction>(k / kLossCount % kReductionCount);
        doc.learning_rate = k % 2 ? 0.1 : 0.03;
        Session s;
        REQUIRE(s.replace(doc, false) == "");
        const Network before = s.network();
        const BackwardPass grad = *s.gradients();
        const uint64_t structure = s.structure_revision();
        REQUIRE(s.step(1) == "");
        for (int l = 0; l < before.weight_layers(); ++l) {
            for (size_t j = 0; j < grad.dw[l].values.size(); ++j)
                REQUIRE(s.network().weights[l].values[j] == before.weights[l].values[j] - doc.learning_rate * grad.dw[l].values[j]);
            for (size_t i = 0; i < grad.db[l].size(); ++i)
                REQUIRE(s.network().biases[l][i] == before.biases[l][i] - doc.learning_rate * grad.db[l][i]);
        }
        CHECK(s.structure_revision() == structure);
        check_current(s);
        // A step that changes nothing (every ReLU dead, say) is no undo step.
        CHECK(s.can_undo() == !same_parameters(s.network(), before));
        if (!s.can_undo()) continue;
        REQUIRE(s.undo());
        CHECK(same_parameters(s.network(), before));
        CHECK_FALSE(s.can_undo());
        check_current(s);
        REQUIRE(s.redo());
        ++stepped;
    }
    CHECK(stepped >= 30);
}

TEST_CASE("step(n) takes n steps as one undo step; gradient descent lowers the loss") {
    Session s;
    REQUIRE(s.replace(exercise_with_targets_document()) == "");
    const Document start = s.document();
    CHECK(s.gradients()->loss == 2.5);
    REQUIRE(s.step(1) == "");
    CHECK(s.gradients()->loss == doctest::Approx(0.11747826755411936).epsilon(1e-12));  // numpy
    Session t;
    REQUIRE(t.replace(exercise_with_targets_document()) == "");
    REQUIRE(t.step(1) == "");
    REQUIRE(t.step(1) == "");
    REQUIRE(t.step(1) == "");
    REQUIRE(s.step(2) == "");
    CHECK(same_parameters(s.network(), t.network()));  // step(2) after step(1) = three step(1)s
    CHECK(s.gradients()->loss == doctest::Approx(0.027916879426547823).epsilon(1e-12));
    REQUIRE(s.undo());
    REQUIRE(s.undo());
    CHECK(s.document() == start);
    CHECK(same_parameters(s.network(), start.network));
}

TEST_CASE("step(n) refuses n outside 1..10000 and changes nothing") {
    Session s;
    REQUIRE(s.replace(london_backprop_document()) == "");
    const Document before = s.document();
    const uint64_t revision = s.revision();
    CHECK(check_step_count(0) == "step: n is 0; expected a whole number from 1 to 10000");
    CHECK(check_step_count(2.5) == "step: n is 2.5; expected a whole number from 1 to 10000");
    CHECK(check_step_count(10001) == "step: n is 10001; expected a whole number from 1 to 10000");
    CHECK(check_step_count(-1) != "");
    CHECK(check_step_count(std::nan("")) == "step: n is not a number; expected a whole number from 1 to 10000");
    CHECK(check_step_count(1e300) != "");
    CHECK(check_step_count(1) == "");
    CHECK(check_step_count(10000) == "");
    CHECK(s.step(0) != "");
    CHECK(s.step(10001) != "");
    CHECK(s.document() == before);
    CHECK(s.revision() == revision);
}

TEST_CASE("a step that would leave the allowed range stops at its edge") {
    Document doc;
    doc.network = make_network({1, 1});
    doc.network.weights[0].at(0, 0) = 1;
    doc.inputs = matrix_of({{1e6}});
    doc.targets = matrix_of({{0}});
    doc.learning_rate = 1;
    Session s;
    REQUIRE(s.replace(doc) == "");
    CHECK(s.gradients()->dw[0].at(0, 0) == 1e12);  // (a - y) x = 1e6 * 1e6
    REQUIRE(s.step(1) == "");
    CHECK(s.network().weights[0].at(0, 0) == -kMaxAbsValue);
    CHECK(s.network().biases[0][0] == -kMaxAbsValue);
    CHECK(validate(s.document()) == "");
}

TEST_CASE("a gradient that overflows stops the step; state() stays JSON") {
    // 32 layers of 2 nodes with weights of 250,000: the forward pass grows 5e5 times a layer and
    // stays finite (2.3e182), but the gradient of W1 is that times the same growth back (5e5^62).
    Document doc;
    doc.network = make_network(std::vector<int>(33, 2));
    for (Matrix& w : doc.network.weights) w.values.assign(w.values.size(), kMaxAbsValue / 4);
    for (Activation& a : doc.network.activations) a = Activation::Linear;
    doc.inputs = Matrix(1, 2, 1.0);
    doc.targets = Matrix(1, 2, 0.0);
    Session s;
    REQUIRE(s.replace(doc, false) == "");
    CHECK_FALSE(is_finite(*s.gradients()));
    const Document before = s.document();
    CHECK(s.step(3) == "step: the gradient is not a finite number (the loss or a weight's gradient overflows)");
    CHECK(s.document() == before);
    CHECK_FALSE(s.can_undo());
    const std::string state = s.state_json();
    CHECK(state.find("inf") == std::string::npos);
    CHECK(state.find("nan") == std::string::npos);
    CHECK(state.find("null") != std::string::npos);
}

TEST_CASE("targets follow the output layer and the samples when the shape changes") {
    Document doc = yeh_backprop_document();
    REQUIRE(add_sample(&doc, 0) == "");
    CHECK(doc.targets.rows == 3);
    CHECK(std::vector<double>(doc.targets.row(2), doc.targets.row(2) + 3) == std::vector<double>{0, 0, 1});
    REQUIRE(remove_sample(&doc, 0) == "");
    CHECK(std::vector<double>(doc.targets.row(0), doc.targets.row(0) + 3) == std::vector<double>{0, 1, 0});
    REQUIRE(resize_layer(&doc, 3, 2, NewWeights()) == "");
    CHECK(doc.targets.cols == 2);
    REQUIRE(insert_layer(&doc, 4, 4, NewWeights()) == "");
    CHECK(doc.targets.cols == 4);
    CHECK(std::vector<double>(doc.targets.row(0), doc.targets.row(0) + 4) == std::vector<double>{0, 1, 0, 0});
    REQUIRE(remove_layer(&doc, 4) == "");
    CHECK(doc.targets.cols == 2);
    CHECK(validate(doc) == "");
}
