// Shapes, sizes and values at and beyond the limits, and the messages that say what is wrong.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/document/default_network.h"
#include "core/document/document.h"
#include "core/limits.h"

using namespace mlp;

TEST_CASE("check_shape accepts shapes within the limits") {
    CHECK(check_shape({1, 1}) == "");
    CHECK(check_shape({3, 5, 2, 3, 2, 2, 2, 1}) == "");
    CHECK(check_shape({1024, 1024}) == "");  // exactly 1,048,576 weights
    CHECK(check_shape(std::vector<int>(33, 1)) == "");  // 32 weight layers
}

TEST_CASE("check_shape refuses shapes beyond the limits, saying what was expected") {
    CHECK(check_shape({}) == "the shape needs at least 2 layers (input and output), got 0");
    CHECK(check_shape({4}) == "the shape needs at least 2 layers (input and output), got 1");
    CHECK(check_shape(std::vector<int>(34, 1)) == "the shape has 33 weight layers; at most 32 are allowed");
    CHECK(check_shape({3, 0, 1}) == "layer 1 has 0 nodes; expected 1 to 1024");
    CHECK(check_shape({3, -2, 1}) == "layer 1 has -2 nodes; expected 1 to 1024");
    CHECK(check_shape({1025, 1}) == "layer 0 has 1025 nodes; expected 1 to 1024");
    CHECK(check_shape({1024, 1024, 2}) == "the shape has 1050624 weights; at most 1048576 are allowed");
    CHECK(check_shape({2147483647, 2147483647}) == "layer 0 has 2147483647 nodes; expected 1 to 1024");
}

TEST_CASE("sample counts and values") {
    CHECK(check_sample_count(1) == "");
    CHECK(check_sample_count(64) == "");
    CHECK(check_sample_count(0) == "0 input samples; expected 1 to 64");
    CHECK(check_sample_count(65) == "65 input samples; expected 1 to 64");
    CHECK(check_value(1e6, "W1[1,1]") == "");
    CHECK(check_value(-1e6, "W1[1,1]") == "");
    CHECK(check_value(1000000.5, "W1[1,1]") == "W1[1,1] is outside -1e6..1e6");
    CHECK(check_value(std::numeric_limits<double>::infinity(), "x1[2]") == "x1[2] is not a finite number");
    CHECK(check_value(std::nan(""), "b3[1]") == "b3[1] is not a finite number");
}

TEST_CASE("validate names the first problem of a document") {
    Document doc = exercise_document();
    REQUIRE(validate(doc) == "");

    SUBCASE("a weight out of range is named as on the worksheet") {
        doc.network.weights[2].at(1, 0) = 2e6;
        CHECK(validate(doc) == "W3[2,1] is outside -1e6..1e6");
    }
    SUBCASE("a bias that is not finite") {
        doc.network.biases[0][4] = std::numeric_limits<double>::quiet_NaN();
        CHECK(validate(doc) == "b1[5] is not a finite number");
    }
    SUBCASE("an input value") {
        doc.inputs.at(1, 2) = -std::numeric_limits<double>::infinity();
        CHECK(validate(doc) == "x2[3] is not a finite number");
    }
    SUBCASE("a matrix of the wrong size") {
        doc.network.weights[1] = Matrix(3, 5);
        CHECK(validate(doc) == "W2 is 3x5; expected 2x5");
    }
    SUBCASE("inputs of the wrong width") {
        doc.inputs = Matrix(2, 4);
        CHECK(validate(doc) == "each input sample has 4 values; expected 3");
    }
    SUBCASE("no samples") {
        doc.inputs = Matrix(0, 3);
        CHECK(validate(doc) == "0 input samples; expected 1 to 64");
    }
    SUBCASE("a missing activation") {
        doc.network.activations.pop_back();
        CHECK(validate(doc) == "the network has 7 weight layers but 7 matrices, 7 bias vectors and 6 activations");
    }
}

TEST_CASE("make_network builds zero weights, zero biases and the default activations") {
    Network net = make_network({4, 3, 2});
    CHECK(net.weight_layers() == 2);
    CHECK(net.weights[0].rows == 3);
    CHECK(net.weights[0].cols == 4);
    CHECK(net.weight_count() == 18);
    CHECK(net.activations == std::vector<Activation>{Activation::ReLU, Activation::Linear});
    for (double v : net.weights[1].values) CHECK(v == 0.0);
}

TEST_CASE("activations by name") {
    Activation act = Activation::Linear;
    CHECK(parse_activation("relu", &act));
    CHECK(act == Activation::ReLU);
    CHECK(parse_activation("leaky_relu", &act));
    CHECK(act == Activation::LeakyReLU);
    CHECK_FALSE(parse_activation("ReLU", &act));
    CHECK_FALSE(parse_activation("", &act));
    for (int i = 0; i < kActivationCount; ++i) {
        Activation a = static_cast<Activation>(i), back = Activation::Linear;
        CHECK(parse_activation(activation_name(a), &back));
        CHECK(back == a);
    }
    CHECK(apply_activation(Activation::ReLU, -5) == 0.0);
    CHECK(apply_activation(Activation::LeakyReLU, -5) == doctest::Approx(-0.05));
    CHECK(apply_activation(Activation::Sigmoid, 0) == 0.5);
    CHECK(apply_activation(Activation::Tanh, 0) == 0.0);
    CHECK(apply_activation(Activation::Linear, -5) == -5.0);
}
