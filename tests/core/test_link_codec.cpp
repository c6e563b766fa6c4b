// The link format, version 1: the exercise's link, golden strings, round trips of random
// networks, percent-encoding, every error with its message, and the limits (refused before
// anything is allocated for them).
#include <doctest/doctest.h>

#include <cstring>
#include <random>
#include <string>

#include "allocation_counter.h"
#include "core/document/default_network.h"
#include "core/formats/link_codec.h"
#include "core/limits.h"
#include "random_documents.h"

using namespace mlp;

namespace {

const char* const kExerciseLink =
    "v=1&shape=3,5,2,3,2,2,2,1&x=3,4,5;5,4,3&w1=0,0,1;0,1,0;1,0,0;1,1,0;0,1,1&w2=1,1,-1,0,0;0,0,1,1,-1"
    "&w3=1,1;1,-1;1,2&w4=1,-1,0;0,-1,1&w5=0,1;1,0&w6=1,-1;1,1&w7=1,-1";

// The message decode_link gives for `fragment` ("" when it decodes).
std::string error_of(const std::string& fragment) { return decode_link(fragment).error; }

// A fragment of the small network 2-2-1 with `extra` appended ("&b1=1,2", say).
std::string small_link(const std::string& extra = "") { return "v=1&shape=2,2,1&x=1,2&w1=1,0;0,1&w2=1,-1" + extra; }

}  // namespace

TEST_CASE("the exercise decodes from the design's link and encodes back to it exactly") {
    DecodeResult r = decode_link(kExerciseLink);
    REQUIRE(r.error == "");
    CHECK(r.warnings.empty());
    CHECK(r.document == exercise_document());
    CHECK(validate(r.document) == "");
    CHECK(encode_link(r.document) == kExerciseLink);
    // With the '#' of location.hash.
    CHECK(decode_link(std::string("#") + kExerciseLink).document == exercise_document());
}

TEST_CASE("golden links: biases and activations appear only when they differ from the defaults") {
    Document doc;
    doc.network = make_network({2, 2, 1});
    doc.network.weights[0].values = {1, 1, 1, 1};
    doc.network.weights[1].values = {1, -2};
    doc.network.biases[0] = {0, -1};
    doc.inputs = Matrix(4, 2);
    doc.inputs.values = {0, 0, 0, 1, 1, 0, 1, 1};
    CHECK(encode_link(doc) == "v=1&shape=2,2,1&x=0,0;0,1;1,0;1,1&w1=1,1;1,1&w2=1,-2&b1=0,-1");

    doc.network.activations = {Activation::Tanh, Activation::Sigmoid};
    doc.network.weights[1].values = {0.1, -1e-7};
    doc.inputs = Matrix(1, 2, 0.5);
    CHECK(encode_link(doc) == "v=1&shape=2,2,1&x=0.5,0.5&w1=1,1;1,1&w2=0.1,-1e-07&b1=0,-1&act=tanh,sigmoid");

    DecodeResult r = decode_link("v=1&shape=2,2,1&x=0.5,0.5&w1=1,1;1,1&w2=0.1,-1e-07&b1=0,-1&act=tanh,sigmoid");
    REQUIRE(r.error == "");
    CHECK(r.document == doc);
    CHECK(r.document.network.weights[1].at(0, 1) == -1e-7);
}

TEST_CASE("keys left out take the design's defaults") {
    DecodeResult r = decode_link("v=1&shape=3,2,1&w1=1,2,3;4,5,6&w2=1,1");
    REQUIRE(r.error == "");
    const Document& doc = r.document;
    CHECK(doc.inputs.rows == 1);  // x: one sample of zeros
    CHECK(doc.inputs.values == std::vector<double>{0, 0, 0});
    CHECK(doc.network.biases[0] == std::vector<double>{0, 0});  // b: zeros
    CHECK(doc.network.biases[1] == std::vector<double>{0});
    CHECK(doc.network.activations == std::vector<Activation>{Activation::ReLU, Activation::Linear});
    CHECK(doc.network.weights[0].at(1, 2) == 6.0);
    // The encoder writes x even when it is all zeros: a link says what the inputs are.
    CHECK(encode_link(doc) == "v=1&shape=3,2,1&x=0,0,0&w1=1,2,3;4,5,6&w2=1,1");
}

TEST_CASE("random networks of many shapes round-trip exactly: encode, decode, encode") {
    std::mt19937_64 rng(20261129);
    int with_biases = 0, with_acts = 0;
    for (int n = 0; n < 400; ++n) {
        Document doc = n < 350 ? mlp_test::random_document(rng) : mlp_test::random_document(rng, 32, 3);
        REQUIRE(validate(doc) == "");
        std::string link = encode_link(doc);
        DecodeResult r = decode_link(link);
        CAPTURE(link);
        REQUIRE(r.error == "");
        CHECK(r.warnings.empty());
        CHECK(r.document == doc);
        // Bit for bit, except that -0 comes back as 0 (both are written "0").
        for (size_t l = 0; l < doc.network.weights.size(); ++l)
            for (size_t k = 0; k < doc.network.weights[l].values.size(); ++k) {
                double a = doc.network.weights[l].values[k], b = r.document.network.weights[l].values[k];
                if (a != 0.0) CHECK(std::memcmp(&a, &b, sizeof a) == 0);
            }
        CHECK(encode_link(r.document) == link);
        with_biases += link.find("&b") != std::string::npos;
        with_acts += link.find("&act=") != std::string::npos;
    }
    CHECK(with_biases > 100);  // the cases cover both kinds of link
    CHECK(with_acts > 100);
}

TEST_CASE("extreme values are written as the shortest text that reads back") {
    Document doc;
    doc.network = make_network({4, 1});
    doc.network.weights[0].values = {1e-7, -0.0, 1e6, 4.9406564584124654e-324};
    doc.inputs = Matrix(1, 4);
    doc.inputs.values = {2.2250738585072009e-308, -1e6, 0.1, 1.0 / 3.0};
    std::string link = encode_link(doc);
    CHECK(link == "v=1&shape=4,1&x=2.225073858507201e-308,-1000000,0.1,0.3333333333333333&w1=1e-07,0,1000000,5e-324");
    DecodeResult r = decode_link(link);
    REQUIRE(r.error == "");
    CHECK(r.document == doc);
    CHECK(r.document.inputs.at(0, 0) == 2.2250738585072009e-308);
    CHECK(r.document.network.weights[0].at(0, 3) == 4.9406564584124654e-324);
}

TEST_CASE("LinkEncoder gives encode_link's text while it formats only the rows that changed") {
    std::mt19937_64 rng(7);
    LinkEncoder encoder;
    Document doc = mlp_test::random_document(rng, 4, 12);
    CHECK(encoder.encode(doc) == encode_link(doc));
    for (int step = 0; step < 300; ++step) {
        switch (rng() % 6) {
            case 0: {  // a weight, as a slider drag does
                Matrix& w = doc.network.weights[rng() % doc.network.weights.size()];
                w.values[rng() % w.values.size()] = mlp_test::random_value(rng);
                break;
            }
            case 1: {  // a bias; biases turn all-zero and back
                std::vector<double>& b = doc.network.biases[rng() % doc.network.biases.size()];
                b[rng() % b.size()] = rng() % 2 ? 0.0 : mlp_test::random_value(rng);
                break;
            }
            case 2: doc.inputs.values[rng() % doc.inputs.values.size()] = mlp_test::random_value(rng); break;
            case 3: doc.network.activations[0] = static_cast<Activation>(rng() % kActivationCount); break;
            case 4: doc = mlp_test::random_document(rng, 4, 12); break;  // a new network altogether
            default: break;                                               // nothing changed
        }
        CAPTURE(step);
        REQUIRE(encoder.encode(doc) == encode_link(doc));
    }
}

TEST_CASE("percent-encoded links read as URLSearchParams reads them") {
    // Every ',' and ';' encoded, as encodeURIComponent writes them.
    DecodeResult r = decode_link(
        "v=1&shape=3%2C5%2C2%2C3%2C2%2C2%2C2%2C1&x=3%2C4%2C5%3B5%2C4%2C3"
        "&w1=0%2C0%2C1%3B0%2C1%2C0%3B1%2C0%2C0%3B1%2C1%2C0%3B0%2C1%2C1&w2=1%2C1%2C-1%2C0%2C0%3B0%2C0%2C1%2C1%2C-1"
        "&w3=1,1;1,-1;1,2&w4=1,-1,0;0,-1,1&w5=0,1;1,0&w6=1,-1;1,1&w7=1,-1");
    REQUIRE(r.error == "");
    CHECK(r.document == exercise_document());
    // Encoded keys, lower-case hex, '+' and %20 as spaces around numbers.
    r = decode_link("%76=1&%73hape=2%2c1&x=1,+2&w%31=%203,%2D4");
    REQUIRE(r.error == "");
    CHECK(r.document.inputs.values == std::vector<double>{1, 2});
    CHECK(r.document.network.weights[0].values == std::vector<double>{3, -4});
    // A '%' that starts no escape stays a '%' (and is then not a number).
    CHECK(error_of("v=1&shape=1,1&w1=5%") == "w1: row 1, number 1 is \"5%\"; expected a number from -1e6 to 1e6");
    // '+' is a space, so a hand-written "1e+2" reads "1e 2": the message shows what was read.
    CHECK(error_of("v=1&shape=1,1&w1=1e+2") == "w1: row 1, number 1 is \"1e 2\"; expected a number from -1e6 to 1e6");
    CHECK(decode_link("v=1&shape=1,1&w1=1e%2B2").document.network.weights[0].at(0, 0) == 100.0);
    // "%3D" in a key is part of the key, not a separator: this key is unknown.
    r = decode_link("v=1&shape=1,1&w1=1&x%3D2=");
    REQUIRE(r.error == "");
    CHECK(r.warnings == std::vector<std::string>{"unknown key \"x=2\" ignored"});
}

TEST_CASE("empty pairs are skipped and unknown keys are reported, quoted safely") {
    DecodeResult r = decode_link("&&" + small_link("&&zoom=2&&"));
    REQUIRE(r.error == "");
    CHECK(r.warnings == std::vector<std::string>{"unknown key \"zoom\" ignored"});

    // Text from the link is quoted as printable ASCII only, and cut.
    r = decode_link(small_link("&%3Cscript%3Ealert(1)%3C%2Fscript%3E=1&caf%C3%A9=1&%E2%80%AEevil=1&" +
                               std::string(100, 'k') + "=1"));
    REQUIRE(r.error == "");
    CHECK(r.warnings == std::vector<std::string>{
                            "unknown key \"<script>alert(1)</script>\" ignored",
                            "unknown key \"caf??\" ignored",
                            "unknown key \"???evil\" ignored",
                            "unknown key \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...\" ignored",
                        });

    // A flood of unknown keys gives five warnings and a count.
    std::string many = small_link();
    for (int i = 0; i < 1000; ++i) many += "&k" + std::to_string(i) + "=1";
    r = decode_link(many);
    REQUIRE(r.error == "");
    REQUIRE(r.warnings.size() == 6);
    CHECK(r.warnings[0] == "unknown key \"k0\" ignored");
    CHECK(r.warnings[5] == "and 995 more unknown keys ignored");
    // Keys that look like layer keys but are not written as the format writes them.
    r = decode_link(small_link("&w0=1&w01=1&wx=1&B1=1"));
    CHECK(r.warnings.size() == 4);
}

TEST_CASE("a key given twice is an error, whatever its spelling") {
    CHECK(error_of(small_link("&w1=1,0;0,1")) == "w1 appears twice; each key may appear once");
    CHECK(error_of(small_link("&%78=3,4")) == "x appears twice; each key may appear once");
    CHECK(error_of("v=1&v=1&shape=1,1&w1=1") == "v appears twice; each key may appear once");
}

TEST_CASE("every error names the key and what was expected") {
    SUBCASE("version") {
        CHECK(error_of("shape=1,1&w1=1") == "missing v (the format version: v=1)");
        CHECK(error_of("v=2&shape=1,1&w1=1") == "v: version 2 is not supported (this page reads version 1)");
        CHECK(error_of("v=one&shape=1,1&w1=1") == "v: \"one\" is not a version; expected 1");
        CHECK(error_of("") == "missing v (the format version: v=1)");
        CHECK(error_of("#") == "missing v (the format version: v=1)");
    }
    SUBCASE("shape") {
        CHECK(error_of("v=1&w1=1") == "missing shape (the node counts of every layer, input first, e.g. shape=3,5,2)");
        CHECK(error_of("v=1&shape=3") == "shape: the shape needs at least 2 layers (input and output), got 1");
        CHECK(error_of("v=1&shape=") == "shape: the shape needs at least 2 layers (input and output), got 1");
        CHECK(error_of("v=1&shape=3,x,1") == "shape: layer 1 is \"x\"; expected a whole number of nodes");
        CHECK(error_of("v=1&shape=3,2.5,1") == "shape: layer 1 is \"2.5\"; expected a whole number of nodes");
        CHECK(error_of("v=1&shape=3,-1,1") == "shape: layer 1 is \"-1\"; expected a whole number of nodes");
        CHECK(error_of("v=1&shape=3,,1") == "shape: layer 1 is \"\"; expected a whole number of nodes");
        CHECK(error_of("v=1&shape=3,0,1") == "shape: layer 1 has 0 nodes; expected 1 to 1024");
        CHECK(error_of("v=1&shape=3,5,2,3,5000,1") == "shape: layer 4 has 5000 nodes; expected 1 to 1024");
        CHECK(error_of("v=1&shape=3,99999,1") == "shape: layer 1 has 99999 nodes; expected 1 to 1024");
        CHECK(error_of("v=1&shape=3,0000099999999999999999,1") ==
              "shape: layer 1 has 999999999999... nodes; expected 1 to 1024");
        CHECK(error_of("v=1&shape=1024,1024,2") == "shape: the shape has 1050624 weights; at most 1048576 are allowed");
        std::string layers34 = "v=1&shape=1";
        for (int i = 0; i < 33; ++i) layers34 += ",1";
        CHECK(error_of(layers34) == "shape: the shape has 33 weight layers; at most 32 are allowed");
    }
    SUBCASE("layer keys beyond the shape") {
        CHECK(error_of(std::string(kExerciseLink) + "&w8=1") == "w8: the shape has 7 weight layers (w1 to w7)");
        CHECK(error_of(std::string(kExerciseLink) + "&w40=1") == "w40: the shape has 7 weight layers (w1 to w7)");
        CHECK(error_of(std::string(kExerciseLink) + "&w99999999999999=1") ==
              "w2147483647: the shape has 7 weight layers (w1 to w7)");
        CHECK(error_of(std::string(kExerciseLink) + "&b8=1") == "b8: the shape has 7 weight layers (b1 to b7)");
        CHECK(error_of("v=1&shape=1,1&w1=1&w2=1") == "w2: the shape has 1 weight layer (w1 to w1)");
    }
    SUBCASE("weights") {
        std::string link = kExerciseLink;
        auto without = [&](const std::string& pair) {
            std::string s = link;
            s.erase(s.find(pair), pair.size());
            return s;
        };
        CHECK(error_of(without("&w5=0,1;1,0")) == "missing w5 (2 rows of 2 numbers, rows joined by ';')");
        std::string w3 = without("&w3=1,1;1,-1;1,2");
        CHECK(error_of(w3 + "&w3=1,1;1,-1") == "w3: 2 rows; expected 3 (layer 3 has 3 nodes)");
        CHECK(error_of(w3 + "&w3=1,1;1,-1,0;1,2") == "w3: row 2 has 3 numbers; expected 2 (layer 2 has 2 nodes)");
        CHECK(error_of(w3 + "&w3=1,1;1,-1;1,2;") == "w3: 4 rows; expected 3 (layer 3 has 3 nodes)");
        CHECK(error_of(w3 + "&w3=1,1;;1,2") == "w3: row 2 has 0 numbers; expected 2 (layer 2 has 2 nodes)");
        CHECK(error_of(w3 + "&w3=1,1;1,abc;1,2") ==
              "w3: row 2, number 2 is \"abc\"; expected a number from -1e6 to 1e6");
        CHECK(error_of(w3 + "&w3=1,1;2e6,-1;1,2") ==
              "w3: row 2, number 1 is \"2e6\"; expected a number from -1e6 to 1e6");
        CHECK(error_of(w3 + "&w3=1,1;1,-1;1,1e999") ==
              "w3: row 3, number 2 is \"1e999\"; expected a number from -1e6 to 1e6");
        for (const char* bad : {"inf", "nan", "Infinity", "0x10", "--1", "1e", ".", "1 2", "1:"})
            CHECK(decode_link(w3 + "&w3=1,1;1,-1;1," + bad).error.find("w3: row 3, number 2 is") == 0);
        CHECK(error_of("v=1&shape=1,1&w1=") == "w1: row 1 has 0 numbers; expected 1 (layer 0 has 1 node)");
        CHECK(error_of("v=1&shape=1,1&w1") == "w1: row 1 has 0 numbers; expected 1 (layer 0 has 1 node)");
    }
    SUBCASE("biases") {
        CHECK(error_of(small_link("&b1=1,2,3")) == "b1: 3 numbers; expected 2 (layer 1 has 2 nodes)");
        CHECK(error_of(small_link("&b2=")) == "b2: 0 numbers; expected 1 (layer 2 has 1 node)");
        CHECK(error_of(small_link("&b1=1;2,3")) == "b1: number 1 is \"1;2\"; expected a number from -1e6 to 1e6");
        CHECK(error_of(small_link("&b1=1,-1e7")) == "b1: number 2 is \"-1e7\"; expected a number from -1e6 to 1e6");
    }
    SUBCASE("inputs") {
        std::string link = "v=1&shape=3,1&w1=1,1,1&x=";
        CHECK(error_of(link + "3,4,5;5,4,3,2") == "x: sample 2 has 4 numbers; expected 3");
        CHECK(error_of(link + "") == "x: sample 1 has 0 numbers; expected 3");
        CHECK(error_of(link + "1,2,three") == "x: sample 1, number 3 is \"three\"; expected a number from -1e6 to 1e6");
        std::string samples65 = "1,2,3";
        for (int i = 1; i < 65; ++i) samples65 += ";1,2,3";
        CHECK(error_of(link + samples65) == "x: 65 input samples; expected 1 to 64");
    }
    SUBCASE("activations") {
        CHECK(error_of(small_link("&act=relu")) == "act: 1 activation; expected 2 (one per weight layer)");
        CHECK(error_of(small_link("&act=relu,softmax")) ==
              "act: activation 2 is \"softmax\"; expected relu, linear, leaky_relu, sigmoid or tanh");
        CHECK(error_of(small_link("&act=RELU,linear")).find("act: activation 1 is \"RELU\"") == 0);
        DecodeResult r = decode_link(small_link("&act=leaky_relu,+tanh"));
        REQUIRE(r.error == "");
        CHECK(r.document.network.activations == std::vector<Activation>{Activation::LeakyReLU, Activation::Tanh});
    }
}

TEST_CASE("a link over 16 MiB is refused before it is read") {
    std::string huge(kMaxFragmentBytes + 1, 'a');
    CHECK(error_of(huge) == "the link is 16777217 bytes long; at most 16777216 (16 MiB) are allowed");
    // The '#' does not count.
    std::string at_limit = "#" + std::string(kMaxFragmentBytes, '&');
    CHECK(error_of(at_limit) == "missing v (the format version: v=1)");
}

TEST_CASE("absurd sizes are refused without allocating for them") {
    // Each of these links claims (or, counted, holds) far more than the limits; a decoder that
    // allocated first would ask for megabytes. The refusals must cost a few small strings.
    const size_t kSmall = 8 * 1024;
    // The counter does see allocations: the matrix the first link claims would be 16 MiB.
    REQUIRE(mlp_test::bytes_allocated_by([] { Matrix m(1024, 2048); }) >= 1024u * 2048u * sizeof(double));
    auto refused_cheaply = [&](const std::string& fragment, const std::string& message) {
        DecodeResult r;
        size_t bytes = mlp_test::bytes_allocated_by([&] { r = decode_link(fragment); });
        CAPTURE(fragment.substr(0, 80));
        CHECK(r.error == message);
        CHECK(bytes < kSmall);
    };
    // 2,097,152 weights claimed (16 MiB of doubles).
    refused_cheaply("v=1&shape=1024,1024,1024&w1=1&w2=1", "shape: the shape has 2097152 weights; at most 1048576 are allowed");
    refused_cheaply("v=1&shape=3,99999,1&w1=1&w2=1", "shape: layer 1 has 99999 nodes; expected 1 to 1024");
    // A million layers claimed: counted, not stored.
    std::string layers = "v=1&shape=1";
    for (int i = 0; i < 1000000; ++i) layers += ",1";
    refused_cheaply(layers, "shape: the shape has 1000000 weight layers; at most 32 are allowed");
    // The largest shape allowed (8 MiB of weights), but w1 is one number short of a row: the
    // counts are checked before the matrix is allocated.
    std::string w1;
    for (int i = 0; i < 1024; ++i) w1 += (i ? ";" : "") + std::string(1023, ',');
    w1.pop_back();  // row 1024 has 1023 numbers
    refused_cheaply("v=1&shape=1024,1024&w1=" + w1, "w1: row 1024 has 1023 numbers; expected 1024 (layer 0 has 1024 nodes)");
    // A million samples claimed.
    std::string samples(1000000, ';');
    refused_cheaply("v=1&shape=1,1&w1=1&x=" + samples, "x: 1000001 input samples; expected 1 to 64");
}

TEST_CASE("the largest network allowed round-trips") {
    std::mt19937_64 rng(3);
    Document doc;
    doc.network = make_network({1024, 1024});
    for (double& v : doc.network.weights[0].values) v = static_cast<double>(static_cast<int>(rng() % 19) - 9);
    doc.inputs = Matrix(kMaxSamples, 1024, 0.5);
    std::string link = encode_link(doc);
    DecodeResult r = decode_link(link);
    REQUIRE(r.error == "");
    CHECK(r.document == doc);
}
