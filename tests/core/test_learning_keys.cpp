// The link keys y, loss, reduce, lr and the JSON fields targets, loss, reduce, learning_rate:
// written only when they differ from their defaults (old links and files are unchanged), read
// back exactly, and refused with a message naming the key, before anything is allocated.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "allocation_counter.h"
#include "core/document/default_network.h"
#include "core/document/presets.h"
#include "core/document/session.h"
#include "core/formats/json_import.h"
#include "core/formats/link_codec.h"
#include "core/formats/state_json.h"
#include "random_documents.h"

using namespace mlp;

namespace {

// The 2-2-1 network of test_link_codec.cpp, two samples, with `extra` appended.
std::string small_link(const std::string& extra = "") {
    return "v=1&shape=2,2,1&x=1,2;3,4&w1=1,0;0,1&w2=1,-1" + extra;
}
std::string error_of(const std::string& fragment) { return decode_link(fragment).error; }

std::string small_json(const std::string& fields = "") {
    return R"({"format": "mlp-explorer/1", "shape": [2, 2, 1], "weights": [[[1, 0], [0, 1]], [[1, -1]]], "inputs": [[1, 2], [3, 4]])" +
           fields + "}";
}
std::string json_error_of(const std::string& fields) { return decode_json(small_json(fields)).error; }

}  // namespace

TEST_CASE("the learning keys are written only when they differ from their defaults") {
    Document doc = decode_link(small_link()).document;
    CHECK(encode_link(doc) == small_link());  // no targets, mse, mean, lr 0.03: nothing written
    CHECK(document_json(doc).find("targets") == std::string::npos);
    CHECK(document_json(doc).find("learning_rate") == std::string::npos);
    doc.targets = matrix_of({{1}, {-0.5}});
    CHECK(encode_link(doc) == small_link("&y=1;-0.5"));
    doc.loss = Loss::BinaryCrossEntropy;
    doc.reduction = Reduction::Sum;
    doc.learning_rate = 0.1;
    CHECK(encode_link(doc) == small_link("&y=1;-0.5&loss=bce&reduce=sum&lr=0.1"));
    CHECK(document_json(doc).find(R"("targets":[[1],[-0.5]],"loss":"bce","reduce":"sum","learning_rate":0.1)") !=
          std::string::npos);
    // The exercise's link is still the design's; its state() names the defaults.
    CHECK(encode_link(exercise_document()).find("&y=") == std::string::npos);
    Session session;
    CHECK(session.state_json().find(R"("loss":"mse","reduce":"mean","learning_rate":0.03,"hidden":[])") !=
          std::string::npos);
}

TEST_CASE("links with y, loss, reduce and lr read back exactly, in any order, percent-encoded") {
    DecodeResult r = decode_link(small_link("&lr=1e-07&y=0.25;1&reduce=sum&loss=ce"));
    REQUIRE(r.error == "");
    CHECK(r.warnings.empty());
    CHECK(r.document.targets.values == std::vector<double>{0.25, 1});
    CHECK(r.document.loss == Loss::CrossEntropy);
    CHECK(r.document.reduction == Reduction::Sum);
    CHECK(r.document.learning_rate == 1e-7);
    CHECK(encode_link(r.document) == small_link("&y=0.25;1&loss=ce&reduce=sum&lr=1e-07"));
    CHECK(decode_link(small_link("&%79=0.25%3B1&lo%73s=ce&reduce=+sum&lr=1e-07")).document == r.document);
    // Without x, one sample of zeros: y has one row.
    r = decode_link("v=1&shape=2,1&w1=1,1&y=3");
    REQUIRE(r.error == "");
    CHECK(r.document.targets.rows == 1);
    // The settings are kept without targets (they apply once targets are set).
    r = decode_link(small_link("&loss=bce"));
    REQUIRE(r.error == "");
    CHECK_FALSE(r.document.has_targets());
    CHECK(encode_link(r.document) == small_link("&loss=bce"));
}

TEST_CASE("the presets' links carry their targets and settings") {
    CHECK(encode_link(yeh_backprop_document()) ==
          "v=1&shape=4,3,4,3&x=2,1,2,1;-1,1,1,2&w1=1,0,-1,1;0,1,1,0;1,-1,0,0&w2=0,-1,2;-1,1,0;0,1,1;-1,0,0"
          "&w3=0,-1,-1,2;-1,0,0,0;-1,0,1,0&b1=1,1,0&b2=1,2,1,3&b3=5,2,-4&y=0,0,1;0,1,0&loss=ce&reduce=sum");
    CHECK(encode_link(exercise_with_targets_document()) == encode_link(exercise_document()) + "&y=-5;-20&reduce=sum&lr=0.0001");
    for (const Document& doc : {yeh_backprop_document(), london_backprop_document(), exercise_with_targets_document()}) {
        DecodeResult r = decode_link(encode_link(doc));
        REQUIRE(r.ok());
        CHECK(r.document == doc);
        CHECK(decode_json(document_json(doc)).document == doc);
    }
}

TEST_CASE("a bad y, loss, reduce or lr is refused with a message naming the key") {
    CHECK(error_of(small_link("&y=1")) == "y: 1 sample; expected 2 (one per sample of x)");
    CHECK(error_of(small_link("&y=1;2;3")) == "y: 3 samples; expected 2 (one per sample of x)");
    CHECK(error_of(small_link("&y=1;2,3")) == "y: sample 2 has 2 numbers; expected 1 (layer 2 has 1 node)");
    CHECK(error_of(small_link("&y=1;")) == "y: sample 2 has 0 numbers; expected 1 (layer 2 has 1 node)");
    CHECK(error_of(small_link("&y=1;two")) == "y: sample 2, number 1 is \"two\"; expected a number from -1e6 to 1e6");
    CHECK(error_of(small_link("&y=1;2e6")) == "y: sample 2, number 1 is \"2e6\"; expected a number from -1e6 to 1e6");
    CHECK(error_of(small_link("&y=1;2&y=1;2")) == "y appears twice; each key may appear once");
    CHECK(error_of(small_link("&loss=softmax")) == "loss: \"softmax\" is not a loss; expected mse, ce or bce");
    CHECK(error_of(small_link("&loss=")) == "loss: \"\" is not a loss; expected mse, ce or bce");
    CHECK(error_of(small_link("&reduce=avg")) == "reduce: \"avg\" is not a reduction; expected mean or sum");
    for (const char* lr : {"0", "-0.1", "2e6", "abc", "", "inf", "nan", "1e999"})
        CHECK(error_of(small_link(std::string("&lr=") + lr)) ==
              "lr: \"" + std::string(lr) + "\" is not a learning rate; expected a number above 0 and at most 1e6");
    CHECK(error_of(small_link("&lr=1e6")) == "");
}

TEST_CASE("a y claiming more than the limits is refused without allocating for it") {
    const std::string link = small_link("&y=" + std::string(1000000, ';'));
    std::string error;
    size_t bytes = mlp_test::bytes_allocated_by([&] { error = error_of(link); });
    CHECK(error == "y: 1000001 samples; expected 2 (one per sample of x)");
    CHECK(bytes < 8 * 1024);
    // The largest output layer with a row one number too long: counted, not stored.
    std::string w1 = "0";
    for (int i = 1; i < 1024; ++i) w1 += ";0";
    CHECK(error_of("v=1&shape=1,1024&w1=" + w1 + "&y=" + std::string(1024, ',')) ==
          "y: sample 1 has 1025 numbers; expected 1024 (layer 1 has 1024 nodes)");
}

TEST_CASE("JSON: targets, loss, reduce and learning_rate, read and refused like the link's keys") {
    DecodeResult r = decode_json(small_json(R"(, "targets": [[1], [0]], "loss": "bce", "reduce": "sum", "learning_rate": 0.5)"));
    REQUIRE(r.error == "");
    CHECK(r.warnings.empty());
    CHECK(r.document == decode_link(small_link("&y=1;0&loss=bce&reduce=sum&lr=0.5")).document);
    CHECK(json_error_of(R"(, "targets": [[1]])") == "targets: 1 sample; expected 2 (one per sample of inputs)");
    CHECK(json_error_of(R"(, "targets": [[1], [1, 2]])") == "targets[1]: 2 numbers; expected 1 (layer 2 has 1 node)");
    CHECK(json_error_of(R"(, "targets": [[1], ["a"]])") == "targets[1][0]: got a string; expected a number");
    CHECK(json_error_of(R"(, "targets": [[1], [2e6]])") == "targets[1][0]: got \"2e6\"; expected a number from -1e6 to 1e6");
    CHECK(json_error_of(R"(, "targets": null)") == "targets: got null; expected an array");
    CHECK(json_error_of(R"(, "loss": "hinge")") == "loss: \"hinge\" is not a loss; expected mse, ce or bce");
    CHECK(json_error_of(R"(, "loss": 1)") == "loss: got a number; expected a string");
    CHECK(json_error_of(R"(, "reduce": "max")") == "reduce: \"max\" is not a reduction; expected mean or sum");
    CHECK(json_error_of(R"(, "learning_rate": 0)") == "learning_rate: got 0; expected a number above 0 and at most 1e6");
    CHECK(json_error_of(R"(, "learning_rate": -1.5)") ==
          "learning_rate: got \"-1.5\"; expected a number above 0 and at most 1e6");
    CHECK(json_error_of(R"(, "learning_rate": "0.1")") == "learning_rate: got a string; expected a number");
    CHECK(json_error_of(R"(, "loss": "ce", "loss": "ce")") == "\"loss\" appears twice; each field may appear once");
    std::string many = R"(, "targets": [)";
    for (int s = 0; s < 65; ++s) many += std::string(s ? "," : "") + "[1]";
    CHECK(json_error_of(many + "]") == "targets: more than 64 samples; expected 1 to 64");
}

TEST_CASE("state() with targets loads back; its gradients are ignored without a warning") {
    Session session;
    REQUIRE(session.replace(yeh_backprop_document()) == "");
    const std::string state = session.state_json();
    for (const char* key : {"\"loss_value\":", "\"sample_losses\":", "\"dz\":", "\"dw\":", "\"db\":", "\"targets\":"})
        CHECK(state.find(key) != std::string::npos);
    DecodeResult r = decode_json(state);
    REQUIRE(r.error == "");
    CHECK(r.warnings.empty());
    CHECK(r.document == yeh_backprop_document());
}

TEST_CASE("random documents with targets round-trip through link and JSON") {
    std::mt19937_64 rng(1213);
    int with_targets = 0, with_settings = 0;
    for (int n = 0; n < 200; ++n) {
        const Document doc = mlp_test::random_document(rng);
        const std::string link = encode_link(doc);
        DecodeResult r = decode_link(link);
        REQUIRE(r.ok());
        CHECK(r.document == doc);
        CHECK(encode_link(r.document) == link);
        CHECK(decode_json(document_json(doc)).document == doc);
        with_targets += doc.has_targets();
        with_settings += link.find("&loss=") != std::string::npos || link.find("&lr=") != std::string::npos;
    }
    CHECK(with_targets > 60);
    CHECK(with_settings > 40);
}
