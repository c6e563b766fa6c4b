// The worksheet of docs/design.md, every number of it: the default network, both samples, every
// layer before (z) and after (a) the activation.
#include <doctest/doctest.h>

#include <vector>

#include "core/document/default_network.h"
#include "core/model/forward_pass.h"

using namespace mlp;

namespace {

std::vector<double> row_of(const Matrix& m, int r) { return std::vector<double>(m.row(r), m.row(r) + m.cols); }

struct WorksheetRow {
    int layer;  // 1-based, as on the worksheet
    std::vector<double> z1, a1, z2, a2;
};

}  // namespace

TEST_CASE("the default network is the seven-layer exercise") {
    Document doc = exercise_document();
    CHECK(validate(doc) == "");
    CHECK(doc.network.shape == std::vector<int>{3, 5, 2, 3, 2, 2, 2, 1});
    CHECK(doc.network.weight_layers() == 7);
    CHECK(doc.network.weight_count() == 47);
    for (const auto& b : doc.network.biases)
        for (double v : b) CHECK(v == 0.0);
    for (int l = 0; l < 6; ++l) CHECK(doc.network.activations[l] == Activation::ReLU);
    CHECK(doc.network.activations[6] == Activation::Linear);
    CHECK(row_of(doc.network.weights[1], 1) == std::vector<double>{0, 0, 1, 1, -1});  // W2 row 2
    CHECK(row_of(doc.inputs, 0) == std::vector<double>{3, 4, 5});
    CHECK(row_of(doc.inputs, 1) == std::vector<double>{5, 4, 3});
}

TEST_CASE("forward pass of the exercise matches the worksheet, layer by layer") {
    Document doc = exercise_document();
    ForwardPass pass;
    forward_pass(doc.network, doc.inputs, &pass);
    REQUIRE(pass.z.size() == 7);

    const std::vector<WorksheetRow> worksheet = {
        {1, {5, 4, 3, 7, 9}, {5, 4, 3, 7, 9}, {3, 4, 5, 9, 7}, {3, 4, 5, 9, 7}},
        {2, {6, 1}, {6, 1}, {2, 7}, {2, 7}},
        {3, {7, 5, 8}, {7, 5, 8}, {9, -5, 16}, {9, 0, 16}},  // the one ReLU clip
        {4, {2, 3}, {2, 3}, {9, 16}, {9, 16}},
        {5, {3, 2}, {3, 2}, {16, 9}, {16, 9}},
        {6, {1, 5}, {1, 5}, {7, 25}, {7, 25}},
        {7, {-4}, {-4}, {-18}, {-18}},  // linear output
    };
    for (const WorksheetRow& row : worksheet) {
        CAPTURE(row.layer);
        const int l = row.layer - 1;
        CHECK(row_of(pass.z[l], 0) == row.z1);
        CHECK(row_of(pass.a[l], 0) == row.a1);
        CHECK(row_of(pass.z[l], 1) == row.z2);
        CHECK(row_of(pass.a[l], 1) == row.a2);
    }
}

TEST_CASE("sample 2, layer 3: z = 9, -5, 16 and ReLU clips -5 to 0") {
    Document doc = exercise_document();
    ForwardPass pass;
    forward_pass(doc.network, doc.inputs, &pass);
    CHECK(pass.z[2].at(1, 1) == -5.0);
    CHECK(pass.a[2].at(1, 1) == 0.0);
    CHECK(is_clipped(doc.network.activations[2], pass.z[2].at(1, 1)));
    // No other node of either sample is clipped.
    int clipped = 0;
    for (int l = 0; l < 7; ++l)
        for (int s = 0; s < 2; ++s)
            for (int i = 0; i < pass.z[l].cols; ++i) clipped += is_clipped(doc.network.activations[l], pass.z[l].at(s, i));
    CHECK(clipped == 1);
}

TEST_CASE("outputs of the exercise are -4 and -18") {
    Document doc = exercise_document();
    ForwardPass pass;
    forward_pass(doc.network, doc.inputs, &pass);
    CHECK(pass.a[6].at(0, 0) == -4.0);
    CHECK(pass.a[6].at(1, 0) == -18.0);
}

TEST_CASE("recomputing from a layer gives the same result as a full pass") {
    Document doc = exercise_document();
    ForwardPass pass;
    forward_pass(doc.network, doc.inputs, &pass);
    doc.network.weights[3].at(1, 2) = 2.5;  // W4[2,3]
    forward_pass(doc.network, doc.inputs, &pass, 3);
    ForwardPass full;
    forward_pass(doc.network, doc.inputs, &full);
    for (int l = 0; l < 7; ++l) {
        CHECK(pass.z[l].values == full.z[l].values);
        CHECK(pass.a[l].values == full.a[l].values);
    }
    // Layer 4, sample 1: W4 = [[1,-1,0],[0,-1,2.5]] @ a3 = [7,5,8] -> [2, 15]
    CHECK(row_of(pass.z[3], 0) == std::vector<double>{2, 15});
}
