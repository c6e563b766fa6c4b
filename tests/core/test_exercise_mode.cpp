// Exercise mode's core: the hidden set as link text, answers checked against the forward pass
// (the backward values: test_backward_exercise.cpp).
#include <doctest/doctest.h>

#include <cmath>

#include "core/document/default_network.h"
#include "core/exercise/exercise.h"
#include "core/limits.h"

using namespace mlp;

static const std::vector<int> kShape = {3, 5, 2, 3, 2, 2, 2, 1};

TEST_CASE("hide: single values, whole samples and whole layers") {
    std::vector<HiddenValue> h;
    REQUIRE(parse_hidden("z3.2.2,a3.2.2", kShape, 2, false, &h) == "");
    REQUIRE(h.size() == 2);
    CHECK(h[0] == HiddenValue{HiddenValue::Quantity::Z, 2, 1, 1});
    CHECK(h[1] == HiddenValue{HiddenValue::Quantity::A, 2, 1, 1});
    REQUIRE(parse_hidden("a3", kShape, 2, false, &h) == "");
    CHECK(h.size() == 6);  // 3 nodes x 2 samples
    REQUIRE(parse_hidden("a7.2", kShape, 2, false, &h) == "");
    CHECK(h.size() == 1);
    REQUIRE(parse_hidden("", kShape, 2, false, &h) == "");
    CHECK(h.empty());
    REQUIRE(parse_hidden("a3,a3.1.1,a3", kShape, 2, false, &h) == "");  // repeats collapse
    CHECK(h.size() == 6);
}

TEST_CASE("hide: every malformed or out-of-range item is named") {
    std::vector<HiddenValue> h;
    CHECK(parse_hidden("q3", kShape, 2, false, &h) == "hide: \"q3\" must start with z, a, dz, dw, db, nw or nb");
    CHECK(parse_hidden("a", kShape, 2, false, &h) == "hide: \"a\" is not <z|a><layer>[.<sample>[.<node>]]");
    CHECK(parse_hidden("a0", kShape, 2, false, &h) == "hide: \"a0\" is not <z|a><layer>[.<sample>[.<node>]]");
    CHECK(parse_hidden("a3.", kShape, 2, false, &h) == "hide: \"a3.\" ends with a dot");
    CHECK(parse_hidden("a3.1.1.1", kShape, 2, false, &h) == "hide: \"a3.1.1.1\" has more than layer.sample.node");
    CHECK(parse_hidden("a8", kShape, 2, false, &h) == "hide: \"a8\" names layer 8; the network has 7 weight layers");
    CHECK(parse_hidden("z2.3", kShape, 2, false, &h) == "hide: \"z2.3\" names sample 3; there are 2 samples");
    CHECK(parse_hidden("z2.1.3", kShape, 2, false, &h) == "hide: \"z2.1.3\" names node 3; layer 2 has 2 nodes");
    CHECK(parse_hidden("a99999999999", kShape, 2, false, &h) ==
          "hide: \"a99999999999\" is not <z|a><layer>[.<sample>[.<node>]]");
    CHECK(parse_hidden("a1.1.<script>", kShape, 2, false, &h) == "hide: \"a1.1.<script>\" is not <z|a><layer>[.<sample>[.<node>]]");
    // Wildcards are counted before anything is expanded.
    std::vector<int> big = {1024, 1024, 1};
    CHECK(parse_hidden("z1,a1", big, 64, false, &h) == "hide: more than 65536 hidden values");
}

TEST_CASE("hide text round-trips, with wildcards where they fit") {
    std::vector<HiddenValue> h;
    for (const char* text : {"z3.2.2,a3.2.2", "a3", "a7.2", "z1,z4.1,a2.2.1,a6", ""}) {
        CAPTURE(text);
        REQUIRE(parse_hidden(text, kShape, 2, false, &h) == "");
        std::string encoded = encode_hidden(h, kShape, 2);
        std::vector<HiddenValue> back;
        REQUIRE(parse_hidden(encoded, kShape, 2, false, &back) == "");
        CHECK(back == h);
    }
    REQUIRE(parse_hidden("a3.1,a3.2", kShape, 2, false, &h) == "");
    CHECK(encode_hidden(h, kShape, 2) == "a3");
    REQUIRE(parse_hidden("a3.2.2,z3.2.2", kShape, 2, false, &h) == "");
    CHECK(encode_hidden(h, kShape, 2) == "z3.2.2,a3.2.2");
}

TEST_CASE("answers are checked against the forward pass") {
    Document doc = exercise_document();
    ForwardPass pass;
    forward_pass(doc.network, doc.inputs, &pass);
    const HiddenValue z{HiddenValue::Quantity::Z, 2, 1, 1}, a{HiddenValue::Quantity::A, 2, 1, 1};
    CHECK(hidden_value(z, pass) == -5.0);
    CHECK(hidden_value(a, pass) == 0.0);
    CHECK(answer_is_right(-5, hidden_value(z, pass)));
    CHECK_FALSE(answer_is_right(5, hidden_value(z, pass)));
    CHECK_FALSE(answer_is_right(-5, hidden_value(a, pass)));  // the learner forgot the ReLU
    CHECK(answer_is_right(0.33, 1.0 / 3.0));
    CHECK_FALSE(answer_is_right(0.3, 1.0 / 3.0));
    CHECK_FALSE(answer_is_right(std::nan(""), 0.0));
}

TEST_CASE("choosing values to hide is seeded and valid") {
    std::vector<HiddenValue> a = choose_hidden(kShape, 2, 1, 5), b = choose_hidden(kShape, 2, 1, 5);
    CHECK(a == b);
    CHECK(a.size() == 7 * 2 * 2);  // one node per layer, z and a, two samples
    CHECK(check_hidden(a, kShape, 2, false) == "");
    CHECK(choose_hidden(kShape, 2, 99, 5).size() == 17 * 2 * 2);  // capped: 17 nodes after the inputs
    CHECK(check_hidden({{HiddenValue::Quantity::A, 7, 0, 0}}, kShape, 2, false) ==
          "a hidden value refers to a node that does not exist (layer 8, sample 1, node 1)");
}
