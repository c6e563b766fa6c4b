// JSON import: what document_json and state() write reads back exactly; defaults; every error
// names its JSON path; limits hold while the text streams.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "allocation_counter.h"
#include "core/document/default_network.h"
#include "core/document/session.h"
#include "core/formats/json_import.h"
#include "core/formats/link_codec.h"
#include "core/formats/state_json.h"
#include "core/limits.h"
#include "random_documents.h"

using namespace mlp;

namespace {

std::string error_of(const std::string& json) { return decode_json(json).error; }

// The 2-2-1 network with `fields` added after its weights (`, "biases": ...`, say).
std::string small_json(const std::string& fields = "") {
    return R"({"format": "mlp-explorer/1", "shape": [2, 2, 1], "weights": [[[1, 0], [0, 1]], [[1, -1]]])" + fields + "}";
}

}  // namespace

TEST_CASE("document_json and state() of the exercise read back as the exercise") {
    DecodeResult r = decode_json(document_json(exercise_document()));
    REQUIRE(r.error == "");
    CHECK(r.warnings.empty());
    CHECK(r.document == exercise_document());
    // state() adds z, a, hash, error and warnings: accepted and ignored without a warning.
    Session session;
    session.set_warnings({"unknown key \"zoom\" ignored"});
    r = decode_json(session.state_json());
    REQUIRE(r.error == "");
    CHECK(r.warnings.empty());
    CHECK(r.document == exercise_document());
}

TEST_CASE("random networks round-trip through JSON, and JSON and link agree") {
    std::mt19937_64 rng(1129);
    for (int n = 0; n < 300; ++n) {
        Document doc = mlp_test::random_document(rng, n < 250 ? 6 : 32, n < 250 ? 9 : 3);
        std::string json = document_json(doc);
        DecodeResult r = decode_json(json);
        CAPTURE(json);
        REQUIRE(r.error == "");
        CHECK(r.document == doc);
        CHECK(document_json(r.document) == json);
        CHECK(encode_link(r.document) == encode_link(doc));
    }
}

TEST_CASE("biases, activations and inputs may be left out") {
    DecodeResult r = decode_json(small_json());
    REQUIRE(r.error == "");
    CHECK(r.document.inputs.rows == 1);
    CHECK(r.document.inputs.values == std::vector<double>{0, 0});
    CHECK(r.document.network.biases[0] == std::vector<double>{0, 0});
    CHECK(r.document.network.activations == std::vector<Activation>{Activation::ReLU, Activation::Linear});
    CHECK(r.document.network.weights[1].values == std::vector<double>{1, -1});

    r = decode_json(small_json(R"(, "biases": [[0.5, -0.5], [1e-7]], "activations": ["tanh", "sigmoid"],
                                  "inputs": [[1, 2], [3, 4.25]])"));
    REQUIRE(r.error == "");
    CHECK(r.document.network.biases[1] == std::vector<double>{1e-7});
    CHECK(r.document.network.activations == std::vector<Activation>{Activation::Tanh, Activation::Sigmoid});
    CHECK(r.document.inputs.values == std::vector<double>{1, 2, 3, 4.25});
    // Fields in any order, white space anywhere, integers written as floats in the shape.
    r = decode_json(" \n{\"weights\": [[[2]]], \"shape\": [1.0, 1], \"format\": \"mlp-explorer/1\"}\n");
    REQUIRE(r.error == "");
    CHECK(r.document.network.weights[0].at(0, 0) == 2.0);
}

TEST_CASE("unknown fields are ignored with a warning; state()'s fields are not") {
    DecodeResult r = decode_json(small_json(R"(, "zoom": {"level": [1, {"shape": 5}]}, "hash": "#v=1",
                                               "z": [[[1]]], "<img src=x onerror=alert(1)>": null)"));
    REQUIRE(r.error == "");
    CHECK(r.warnings == std::vector<std::string>{"unknown field \"zoom\" ignored",
                                                 "unknown field \"<img src=x onerror=alert(1)>\" ignored"});
}

TEST_CASE("every JSON error names its path and what was expected") {
    SUBCASE("the text itself") {
        CHECK(error_of("") == "JSON syntax error at line 1, column 0");
        CHECK(error_of("[1, 2]") == "JSON: expected an object such as {\"format\": \"mlp-explorer/1\", ...}; got an array");
        CHECK(error_of("42") == "JSON: expected an object such as {\"format\": \"mlp-explorer/1\", ...}; got a number");
        CHECK(error_of("{\"format\": \"mlp-explorer/1\",\n \"shape\": [1, 1] x}") ==
              "JSON syntax error at line 2, column 18 (near \"1] x\")");
        CHECK(error_of(small_json() + " {}") == "JSON syntax error at line 1, column 92 (near \"-1]]]} {\")");
        CHECK(error_of("{\"format\": \"mlp-explorer/1\", \"shape\": [1, 1], \"weights\": [[[1e999]]]}") ==
              "JSON: the number \"1e999\" at line 1, column 65 is out of range; expected a number from -1e6 to 1e6");
    }
    SUBCASE("format") {
        CHECK(error_of(R"({"shape": [1, 1], "weights": [[[1]]]})") ==
              "missing format (expected \"format\": \"mlp-explorer/1\")");
        CHECK(error_of(R"({"format": "mlp-explorer/2"})") ==
              "format: \"mlp-explorer/2\" is not supported (this page reads \"mlp-explorer/1\")");
        CHECK(error_of(R"({"format": 1})") == "format: got a number; expected a string");
    }
    SUBCASE("shape") {
        CHECK(error_of(R"({"format": "mlp-explorer/1", "weights": []})") ==
              "missing shape (the node counts of every layer, input first, e.g. [3, 5, 2])");
        CHECK(error_of(R"({"format": "mlp-explorer/1", "shape": [3]})") ==
              "shape: the shape needs at least 2 layers (input and output), got 1");
        CHECK(error_of(R"({"format": "mlp-explorer/1", "shape": [3, 5000, 1]})") ==
              "shape: layer 1 has 5000 nodes; expected 1 to 1024");
        CHECK(error_of(R"({"format": "mlp-explorer/1", "shape": [3, 2.5]})") ==
              "shape[1]: got \"2.5\"; expected a whole number of nodes");
        CHECK(error_of(R"({"format": "mlp-explorer/1", "shape": [3, 1e12]})") ==
              "shape[1]: got \"1e12\"; expected 1 to 1024 nodes");
        CHECK(error_of(R"({"format": "mlp-explorer/1", "shape": [3, "5"]})") == "shape[1]: got a string; expected a number");
        CHECK(error_of(R"({"format": "mlp-explorer/1", "shape": {"input": 3}})") ==
              "shape: got an object; expected an array");
        CHECK(error_of(R"({"format": "mlp-explorer/1", "shape": [1024, 1024, 1024]})") ==
              "shape: the shape has 2097152 weights; at most 1048576 are allowed");
    }
    SUBCASE("weights") {
        const std::string head = R"({"format": "mlp-explorer/1", "shape": [3, 5, 2, 3, 2, 2, 2, 1], "weights": )";
        CHECK(error_of(R"({"format": "mlp-explorer/1", "shape": [1, 1]})") ==
              "missing weights (one matrix per weight layer)");
        std::string exercise_weights = R"([[[0,0,1],[0,1,0],[1,0,0],[1,1,0],[0,1,1]], [[1,1,-1,0,0],[0,0,1,1,-1]],
                                          [[1,1],[1,-1],[1,2]], [[1,-1,0],[0,-1,1]], [[0,1],[1,0]], [[1,-1],[1,1]], [[1,-1]]])";
        REQUIRE(error_of(head + exercise_weights + "}") == "");
        auto with = [&](const std::string& from, const std::string& to) {
            std::string s = exercise_weights;
            s.replace(s.find(from), from.size(), to);
            return head + s + "}";
        };
        CHECK(error_of(with("[[1,1],[1,-1],[1,2]]", "[[1,1],[1,-1,0],[1,2]]")) ==
              "weights[2][1]: 3 numbers; expected 2 (layer 2 has 2 nodes)");
        CHECK(error_of(with("[[1,1],[1,-1],[1,2]]", "[[1,1],[1,-1]]")) == "weights[2]: 2 rows; expected 3 (layer 3 has 3 nodes)");
        CHECK(error_of(with(", [[1,-1]]]", "]")) == "weights: 6 matrices; expected 7 (one per weight layer)");
        CHECK(error_of(with("[[1,1],[1,-1],[1,2]]", "[[1,1],[1,\"-1\"],[1,2]]")) ==
              "weights[2][1][1]: got a string; expected a number");
        CHECK(error_of(with("[[1,1],[1,-1],[1,2]]", "[[1,1],[1,[-1]],[1,2]]")) ==
              "weights[2][1][1]: got an array; expected a number");
        CHECK(error_of(with("[[1,1],[1,-1],[1,2]]", "[[1,1],[1,null],[1,2]]")) ==
              "weights[2][1][1]: got null; expected a number");
        CHECK(error_of(with("[[1,1],[1,-1],[1,2]]", "[[1,1],[2e6,-1],[1,2]]")) ==
              "weights[2][1][0]: got \"2e6\"; expected a number from -1e6 to 1e6");
        CHECK(error_of(with("[[1,1],[1,-1],[1,2]]", "[[1,1],[-2000000,-1],[1,2]]")) ==
              "weights[2][1][0]: got -2000000; expected a number from -1e6 to 1e6");
        CHECK(error_of(with("[[1,-1]]", "[1,-1]")) == "weights[6][0]: got a number; expected an array");
    }
    SUBCASE("biases, activations, inputs") {
        CHECK(error_of(small_json(R"(, "biases": [[0, 0]])")) == "biases: 1 vector; expected 2 (one per weight layer)");
        CHECK(error_of(small_json(R"(, "biases": [[0, 0], [1, 2]])")) ==
              "biases[1]: 2 numbers; expected 1 (layer 2 has 1 node)");
        CHECK(error_of(small_json(R"(, "activations": ["relu"])")) ==
              "activations: 1 name; expected 2 (one per weight layer)");
        CHECK(error_of(small_json(R"(, "activations": ["relu", "softmax"])")) ==
              "activations[1]: \"softmax\" is not an activation; expected relu, linear, leaky_relu, sigmoid or tanh");
        CHECK(error_of(small_json(R"(, "inputs": [])")) == "inputs: 0 input samples; expected 1 to 64");
        CHECK(error_of(small_json(R"(, "inputs": [[1, 2], [1, 2, 3]])")) ==
              "inputs[1]: 3 numbers; expected 2 (layer 0 has 2 nodes)");
        CHECK(error_of(small_json(R"(, "inputs": [[1, 2], [1, true]])")) == "inputs[1][1]: got true or false; expected a number");
    }
    SUBCASE("a field given twice") {
        CHECK(error_of(small_json(R"(, "weights": [])")) == "\"weights\" appears twice; each field may appear once");
    }
}

TEST_CASE("JSON limits hold while the text streams: nothing grows past them") {
    const size_t kSmall = 64 * 1024;
    auto refused_cheaply = [&](const std::string& json, const std::string& message) {
        DecodeResult r;
        size_t bytes = mlp_test::bytes_allocated_by([&] { r = decode_json(json); });
        CAPTURE(json.substr(0, 80));
        CHECK(r.error == message);
        CHECK(bytes < kSmall);
    };
    std::string head = R"({"format": "mlp-explorer/1", "weights": )";
    // A million layers, a million rows, a million numbers in a row: refused at the first one past
    // the limit, whatever follows.
    std::string layers = "[";
    for (int i = 0; i < 1000000; ++i) layers += "[],";
    refused_cheaply(head + layers + "[]]}", "weights: more than 32 matrices; at most 32 weight layers are allowed");
    std::string rows = "[[";
    for (int i = 0; i < 1000000; ++i) rows += "[],";
    refused_cheaply(head + rows + "[]]]}", "weights[0]: more than 1024 rows; at most 1024 nodes are allowed in a layer");
    std::string numbers = "[[[";
    for (int i = 0; i < 1000000; ++i) numbers += "0,";
    refused_cheaply(head + numbers + "0]]]}", "weights[0][0]: more than 1024 numbers; at most 1024 nodes are allowed in a layer");
    std::string samples = R"({"format": "mlp-explorer/1", "inputs": [)";
    for (int i = 0; i < 100000; ++i) samples += "[1],";
    refused_cheaply(samples + "[1]]}", "inputs: more than 64 samples; expected 1 to 64");
    std::string shape = R"({"format": "mlp-explorer/1", "shape": [)";
    for (int i = 0; i < 100000; ++i) shape += "1,";
    refused_cheaply(shape + "1]}", "shape: more than 33 layers; at most 32 weight layers are allowed");
    // Deep nesting in a field: refused at the first level too many.
    refused_cheaply(head + std::string(100000, '[') + std::string(100000, ']') + "}",
                    "weights[0][0][0]: got an array; expected a number");
    // More weights in all than allowed, spread over layers that are each within the limits.
    std::string filled = "[";
    std::string row = "[0";
    for (int j = 1; j < 1024; ++j) row += ",0";
    row += "]";
    for (int l = 0; l < 2; ++l) {
        filled += l ? ",[" : "[";
        for (int i = 0; i < 1024; ++i) filled += (i ? "," : "") + row;
        filled += "]";
    }
    filled += "]";
    DecodeResult r = decode_json(head + filled + "}");
    CHECK(r.error == "weights: more than 1048576 numbers in all; at most 1048576 weights are allowed");
    // A text over 16 MiB is refused before it is read.
    CHECK(error_of(std::string(kMaxFragmentBytes + 1, ' ')) ==
          "the JSON text is 16777217 bytes long; at most 16777216 (16 MiB) are allowed");
}
