// Changing the shape: weights that fit are kept, new ones are zero or seeded random, limits hold.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "core/document/architecture.h"
#include "core/document/default_network.h"
#include "core/limits.h"
#include "core/model/forward_pass.h"
#include "random_documents.h"

using namespace mlp;

namespace {
std::vector<double> row_of(const Matrix& m, int r) { return std::vector<double>(m.row(r), m.row(r) + m.cols); }
}  // namespace

TEST_CASE("growing layer 2 of the exercise keeps its weights and adds zeros") {
    Document doc = exercise_document();
    REQUIRE(resize_layer(&doc, 2, 3, NewWeights()) == "");
    CHECK(validate(doc) == "");
    CHECK(doc.network.shape == std::vector<int>{3, 5, 3, 3, 2, 2, 2, 1});
    // W2 gains a row (into the new node 3), W3 a column (from it).
    CHECK(row_of(doc.network.weights[1], 0) == std::vector<double>{1, 1, -1, 0, 0});
    CHECK(row_of(doc.network.weights[1], 2) == std::vector<double>{0, 0, 0, 0, 0});
    CHECK(row_of(doc.network.weights[2], 1) == std::vector<double>{1, -1, 0});
    CHECK(doc.network.biases[1].size() == 3);
    // With zero weights the new node changes nothing: the outputs are still -4 and -18.
    ForwardPass pass;
    forward_pass(doc.network, doc.inputs, &pass);
    CHECK(pass.a[6].at(0, 0) == -4.0);
    CHECK(pass.a[6].at(1, 0) == -18.0);
}

TEST_CASE("shrinking a layer drops the weights that no longer fit") {
    Document doc = exercise_document();
    REQUIRE(resize_layer(&doc, 1, 3, NewWeights()) == "");
    CHECK(doc.network.weights[0].rows == 3);
    CHECK(row_of(doc.network.weights[0], 2) == std::vector<double>{1, 0, 0});
    CHECK(row_of(doc.network.weights[1], 1) == std::vector<double>{0, 0, 1});
    CHECK(validate(doc) == "");
}

TEST_CASE("resizing the input layer resizes every sample") {
    Document doc = exercise_document();
    REQUIRE(resize_layer(&doc, 0, 4, NewWeights()) == "");
    CHECK(doc.inputs.cols == 4);
    CHECK(row_of(doc.inputs, 1) == std::vector<double>{5, 4, 3, 0});
    CHECK(validate(doc) == "");
}

TEST_CASE("new weights can be seeded random, the same for the same seed") {
    Document a = exercise_document(), b = exercise_document();
    NewWeights fill;
    fill.random = true;
    fill.seed = 42;
    REQUIRE(resize_layer(&a, 2, 4, fill) == "");
    REQUIRE(resize_layer(&b, 2, 4, fill) == "");
    CHECK(a.network.weights[1].values == b.network.weights[1].values);
    CHECK(row_of(a.network.weights[1], 0) == std::vector<double>{1, 1, -1, 0, 0});  // kept
    bool some_nonzero = false;
    for (double v : row_of(a.network.weights[1], 3)) some_nonzero |= v != 0.0;
    CHECK(some_nonzero);
    fill.integers = true;
    Document c = exercise_document();
    REQUIRE(resize_layer(&c, 2, 4, fill) == "");
    for (double v : row_of(c.network.weights[1], 3)) CHECK((v == std::round(v) && v >= -2 && v <= 2));
}

TEST_CASE("inserting a hidden layer") {
    Document doc = exercise_document();
    REQUIRE(insert_layer(&doc, 3, 4, NewWeights()) == "");
    CHECK(validate(doc) == "");
    CHECK(doc.network.shape == std::vector<int>{3, 5, 2, 4, 3, 2, 2, 2, 1});
    CHECK(doc.network.weight_layers() == 8);
    CHECK(doc.network.activations[2] == Activation::ReLU);
    CHECK(doc.network.activations[7] == Activation::Linear);
    // The old W3 (3x2) now feeds the old layer 3 from the new 4-node layer: columns adapted.
    CHECK(row_of(doc.network.weights[3], 2) == std::vector<double>{1, 2, 0, 0});
}

TEST_CASE("inserting a new input or output layer") {
    Document doc = exercise_document();
    REQUIRE(insert_layer(&doc, 0, 2, NewWeights()) == "");
    CHECK(doc.network.shape.front() == 2);
    CHECK(doc.inputs.cols == 2);
    CHECK(doc.inputs.rows == 2);
    CHECK(validate(doc) == "");
    REQUIRE(insert_layer(&doc, static_cast<int>(doc.network.shape.size()), 3, NewWeights()) == "");
    CHECK(doc.network.shape.back() == 3);
    CHECK(doc.network.activations.back() == Activation::Linear);
    CHECK(validate(doc) == "");
}

TEST_CASE("removing layers") {
    Document doc = exercise_document();
    SUBCASE("a hidden layer joins its two matrices") {
        REQUIRE(remove_layer(&doc, 3) == "");
        CHECK(doc.network.shape == std::vector<int>{3, 5, 2, 2, 2, 2, 1});
        // W4 (2x3) keeps its first two columns as the matrix from layer 2 (2 nodes).
        CHECK(row_of(doc.network.weights[2], 0) == std::vector<double>{1, -1});
        CHECK(row_of(doc.network.weights[2], 1) == std::vector<double>{0, -1});
        CHECK(validate(doc) == "");
    }
    SUBCASE("the input layer") {
        REQUIRE(remove_layer(&doc, 0) == "");
        CHECK(doc.network.shape.front() == 5);
        CHECK(row_of(doc.inputs, 0) == std::vector<double>{3, 4, 5, 0, 0});
        CHECK(validate(doc) == "");
    }
    SUBCASE("the output layer") {
        REQUIRE(remove_layer(&doc, 7) == "");
        CHECK(doc.network.shape.back() == 2);
        CHECK(validate(doc) == "");
    }
    SUBCASE("not below two layers") {
        Document small;
        small.network = make_network({2, 1});
        small.inputs = Matrix(1, 2);
        CHECK(remove_layer(&small, 0) == "cannot remove a layer: a network needs at least 2 layers (input and output)");
    }
}

TEST_CASE("the limits stop a change and leave the document as it was") {
    Document doc = exercise_document();
    CHECK(resize_layer(&doc, 1, 1025, NewWeights()) ==
          "cannot change the network: layer 1 has 1025 nodes; expected 1 to 1024");
    CHECK(doc.network.shape[1] == 5);
    Document wide;
    wide.network = make_network({1024, 1024});
    wide.inputs = Matrix(1, 1024);
    CHECK(insert_layer(&wide, 1, 2, NewWeights()) == "");  // 1024*2 + 2*1024: fine
    CHECK(resize_layer(&wide, 1, 1024, NewWeights()) ==
          "cannot change the network: the shape has 2097152 weights; at most 1048576 are allowed");
    Document deep;
    deep.network = make_network(std::vector<int>(33, 1));
    deep.inputs = Matrix(1, 1);
    CHECK(insert_layer(&deep, 5, 1, NewWeights()) ==
          "cannot change the network: the shape has 33 weight layers; at most 32 are allowed");
    CHECK(insert_layer(&deep, 40, 1, NewWeights()) == "there is no place 40 for a layer; expected 0 to 33");
}

TEST_CASE("adding and removing samples") {
    Document doc = exercise_document();
    REQUIRE(add_sample(&doc, 1) == "");
    CHECK(doc.inputs.rows == 3);
    CHECK(row_of(doc.inputs, 2) == std::vector<double>{5, 4, 3});
    REQUIRE(add_sample(&doc, -1) == "");
    CHECK(row_of(doc.inputs, 3) == std::vector<double>{0, 0, 0});
    REQUIRE(remove_sample(&doc, 0) == "");
    CHECK(row_of(doc.inputs, 0) == std::vector<double>{5, 4, 3});
    CHECK(doc.inputs.rows == 3);
    while (doc.inputs.rows < kMaxSamples) REQUIRE(add_sample(&doc, -1) == "");
    CHECK(add_sample(&doc, -1) == "cannot add a sample: at most 64 samples are allowed");
    while (doc.inputs.rows > 1) REQUIRE(remove_sample(&doc, 0) == "");
    CHECK(remove_sample(&doc, 0) == "cannot remove the last sample: a network needs at least one input sample");
    CHECK(validate(doc) == "");
}

TEST_CASE("an identity layer keeps the function: the same outputs, whatever the activations and inputs") {
    std::mt19937_64 rng(10);
    int relu_layers = 0, linear_layers = 0;
    for (int round = 0; round < 300; ++round) {
        const Document before = mlp_test::random_document(rng);
        ForwardPass expected;
        forward_pass(before.network, before.inputs, &expected);
        const int layers = static_cast<int>(before.network.shape.size());
        for (int after = 0; after < layers; ++after) {
            CAPTURE(round);
            CAPTURE(after);
            Document doc = before;
            REQUIRE(insert_identity_layer(&doc, after) == "");
            REQUIRE(validate(doc) == "");
            const Network& net = doc.network;
            REQUIRE(net.shape.size() == before.network.shape.size() + 1);
            CHECK(net.shape[after + 1] == net.shape[after]);
            // Identity weights, zero biases; the next layer's weights untouched.
            const Matrix& w = net.weights[after];
            for (int i = 0; i < w.rows; ++i)
                for (int j = 0; j < w.cols; ++j) CHECK(w.at(i, j) == (i == j ? 1.0 : 0.0));
            for (double b : net.biases[after]) CHECK(b == 0.0);
            if (after + 1 < layers) CHECK(net.weights[after + 1].values == before.network.weights[after].values);
            (net.activations[after] == Activation::ReLU ? relu_layers : linear_layers)++;
            // The outputs, exactly: every sample, every output node.
            ForwardPass pass;
            forward_pass(net, doc.inputs, &pass);
            CHECK(pass.a.back().values == expected.a.back().values);
            // The hidden values stay on their nodes.
            CHECK(doc.hidden.size() == before.hidden.size());
        }
    }
    CHECK(relu_layers > 50);  // both kinds were tried
    CHECK(linear_layers > 50);
}

TEST_CASE("an identity layer in the exercise: ReLU after a ReLU layer, linear after the inputs and the output") {
    Document doc = exercise_document();
    REQUIRE(insert_identity_layer(&doc, 3) == "");
    CHECK(doc.network.shape == std::vector<int>{3, 5, 2, 3, 3, 2, 2, 2, 1});
    CHECK(doc.network.activations[3] == Activation::ReLU);  // after layer 3's ReLU: a >= 0
    Document inputs = exercise_document();
    REQUIRE(insert_identity_layer(&inputs, 0) == "");
    CHECK(inputs.network.activations[0] == Activation::Linear);  // inputs may be negative
    Document output = exercise_document();
    REQUIRE(insert_identity_layer(&output, 7) == "");
    CHECK(output.network.shape.back() == 1);
    CHECK(output.network.activations.back() == Activation::Linear);  // -4 and -18 pass unclipped
    ForwardPass pass;
    forward_pass(output.network, output.inputs, &pass);
    CHECK(pass.a.back().at(0, 0) == -4.0);
    CHECK(pass.a.back().at(1, 0) == -18.0);
    // The limits hold as for any inserted layer.
    Document wide = exercise_document();
    wide.network = make_network({1024, 1024});
    wide.inputs = Matrix(1, 1024);
    CHECK(insert_identity_layer(&wide, 1).find("cannot change the network") == 0);
    CHECK(insert_identity_layer(&doc, 9) == "there is no layer 9; expected 0 to 8");
}
