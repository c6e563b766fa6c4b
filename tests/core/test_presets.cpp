// The presets compute what they claim.
#include <doctest/doctest.h>

#include <cmath>

#include "core/document/presets.h"
#include "core/model/forward_pass.h"

using namespace mlp;

TEST_CASE("the XOR preset computes XOR on its truth table") {
    Document doc = xor_document();
    REQUIRE(validate(doc) == "");
    ForwardPass pass;
    forward_pass(doc.network, doc.inputs, &pass);
    const double expected[4] = {0, 1, 1, 0};  // (0,0) (0,1) (1,0) (1,1)
    for (int s = 0; s < 4; ++s) {
        CAPTURE(s);
        CHECK(pass.a[1].at(s, 0) == expected[s]);
    }
    // (1,1): h = ReLU([2, 1]) = [2, 1], y = 2 - 2 = 0; h2 is what makes it work.
    CHECK(pass.a[0].at(3, 1) == 1.0);
}

TEST_CASE("a random network is valid and the same for the same seed") {
    Document a, b, c;
    REQUIRE(random_document({4, 8, 8, 2}, 7, false, &a) == "");
    REQUIRE(random_document({4, 8, 8, 2}, 7, false, &b) == "");
    REQUIRE(random_document({4, 8, 8, 2}, 8, false, &c) == "");
    CHECK(validate(a) == "");
    CHECK(a.network.weights[1].values == b.network.weights[1].values);
    CHECK(a.network.weights[1].values != c.network.weights[1].values);
    // He-uniform bound for fan-in 8: sqrt(6/8) ~ 0.87, values rounded to 2 decimals.
    for (double v : a.network.weights[1].values) CHECK(std::fabs(v) <= 0.87);
    // The exact first weights pin the generator, so a seed means the same network on every
    // platform (native and wasm use different standard libraries).
    std::vector<double> first(a.network.weights[0].values.begin(), a.network.weights[0].values.begin() + 4);
    CHECK(first == std::vector<double>{-0.27, -1.18, 0.98, 0.2});
    Document ints;
    REQUIRE(random_document({3, 3}, 1, true, &ints) == "");
    for (double v : ints.network.weights[0].values) CHECK((v == std::round(v) && std::fabs(v) <= 2));
    Document refused;
    CHECK(random_document({3, 2000}, 1, false, &refused) == "layer 1 has 2000 nodes; expected 1 to 1024");
}
