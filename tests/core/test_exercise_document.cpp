// The exercise's hidden set as part of the document: it travels in the link's `hide` key and the
// JSON's "hidden", round-trips through both, is checked by validate(), follows its nodes through
// shape changes, and is one undo step in the Session.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "allocation_counter.h"
#include "core/document/architecture.h"
#include "core/document/default_network.h"
#include "core/document/session.h"
#include "core/exercise/exercise.h"
#include "core/formats/json_import.h"
#include "core/formats/link_codec.h"
#include "core/formats/state_json.h"
#include "random_documents.h"

using namespace mlp;

namespace {

using Q = HiddenValue::Quantity;

// The design's exercise link.
const std::string kExercise = "#" + encode_link(exercise_document());

// The worksheet's one ReLU clip, z and a of node 2 of layer 3 for sample x2: −5 → 0.
const HiddenValue kClipZ{Q::Z, 2, 1, 1}, kClipA{Q::A, 2, 1, 1};

Document decoded(const std::string& link) {
    DecodeResult r = decode_link(link);
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.warnings.empty());
    return r.document;
}

}  // namespace

TEST_CASE("hide in a link: the exercise with the clipped node of x2 hidden") {
    Document doc = decoded(kExercise + "&hide=z3.2.2,a3.2.2");
    CHECK(doc.hidden == std::vector<HiddenValue>{kClipZ, kClipA});
    CHECK(validate(doc) == "");
    // Written back last, exactly as read; the rest of the link is the design's.
    CHECK("#" + encode_link(doc) == kExercise + "&hide=z3.2.2,a3.2.2");
    // Nothing hidden: no key at all, so the exercise keeps the design's link.
    CHECK(encode_link(exercise_document()).find("hide") == std::string::npos);
    // Wildcards: a7 is the output of both samples; percent-encoded commas read as commas.
    CHECK(decoded(kExercise + "&hide=a7").hidden.size() == 2);
    CHECK(decoded(kExercise + "&hide=z3.2.2%2Ca3.2.2").hidden == std::vector<HiddenValue>{kClipZ, kClipA});
    CHECK(decoded(kExercise + "&hide=").hidden.empty());
    // Keys may come in any order: hide before the shape it refers to.
    CHECK(decoded("#hide=a1.1.1&v=1&shape=2,1&w1=1,1").hidden == std::vector<HiddenValue>{{Q::A, 0, 0, 0}});
}

TEST_CASE("hide errors name the key and what was expected") {
    CHECK(decode_link(kExercise + "&hide=a9").error == "hide: \"a9\" names layer 9; the network has 7 weight layers");
    CHECK(decode_link(kExercise + "&hide=z3.3").error == "hide: \"z3.3\" names sample 3; there are 2 samples");
    CHECK(decode_link(kExercise + "&hide=a2.1.3").error == "hide: \"a2.1.3\" names node 3; layer 2 has 2 nodes");
    CHECK(decode_link(kExercise + "&hide=b3").error == "hide: \"b3\" must start with z, a, dz, dw, db, nw or nb");
    CHECK(decode_link(kExercise + "&hide=a1&hide=a2").error == "hide appears twice; each key may appear once");
    // No half-loaded document.
    DecodeResult r = decode_link(kExercise + "&hide=a9");
    CHECK(r.document.network.shape.empty());
    CHECK(r.document.hidden.empty());
}

TEST_CASE("a hide that stands for too many values is refused before they are expanded") {
    // One input, 1024 nodes, 64 samples: "z1" stands for 65536 values, the limit itself.
    std::string link = "#v=1&shape=1,1024&w1=0";
    for (int i = 1; i < 1024; ++i) link += ";0";
    link += "&x=0";
    for (int s = 1; s < 64; ++s) link += ";0";
    DecodeResult full;
    const size_t expanded = mlp_test::bytes_allocated_by([&] { full = decode_link(link + "&hide=z1"); });
    CHECK(full.ok());
    CHECK(full.document.hidden.size() == 65536);
    CHECK(expanded >= 65536 * sizeof(HiddenValue));  // the counter sees the expansion
    DecodeResult refused;
    const size_t bytes = mlp_test::bytes_allocated_by([&] { refused = decode_link(link + "&hide=z1,a1.1.1"); });
    CHECK(refused.error == "hide: more than 65536 hidden values");
    CHECK(bytes < 65536 * sizeof(HiddenValue));  // counted, never expanded
}

TEST_CASE("hidden in JSON: items as strings, errors with their path") {
    const std::string base =
        R"({"format": "mlp-explorer/1", "shape": [2, 2, 1], "weights": [[[1, 1], [1, -1]], [[1, -1]]],
            "inputs": [[3, 4], [5, 4]], )";
    DecodeResult r = decode_json(base + R"("hidden": ["z1.2.2", "a1.2.2", "a2"]})");
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.warnings.empty());
    CHECK(r.document.hidden == std::vector<HiddenValue>{{Q::Z, 0, 1, 1}, {Q::A, 0, 1, 1}, {Q::A, 1, 0, 0}, {Q::A, 1, 1, 0}});
    CHECK(decode_json(base + R"("hidden": []})").document.hidden.empty());
    CHECK(decode_json(base + R"("hidden": ["a1", "a9"]})").error ==
          "hidden[1]: \"a9\" names layer 9; the network has 2 weight layers");
    CHECK(decode_json(base + R"("hidden": [""]})").error == "hidden[0]: \"\" is not <z|a><layer>[.<sample>[.<node>]]");
    CHECK(decode_json(base + R"("hidden": ["z1,a1"]})").error ==
          "hidden[0]: \"z1,a1\" is not <z|a><layer>[.<sample>[.<node>]]");
    CHECK(decode_json(base + R"("hidden": [3]})").error == "hidden[0]: got a number; expected a string");
    CHECK(decode_json(base + R"("hidden": "a1"})").error == "hidden: got a string; expected an array");
    // More items than values may be hidden: refused as the array grows, before the 65537th string.
    std::string many = base + R"("hidden": [)";
    for (int k = 0; k <= 65536; ++k) many += k ? ",\"a1.1.1\"" : "\"a1.1.1\"";
    many += "]}";
    CHECK(decode_json(many).error == "hidden: more than 65536 items; at most 65536 values may be hidden");
}

TEST_CASE("link -> JSON -> link is the same text, with hidden values") {
    Document doc = decoded(kExercise + "&hide=z1.1.2,a1.1.2,a3,z7.2");
    const std::string link = encode_link(doc);
    const std::string json = document_json(doc);
    CHECK(json.find(R"("hidden":["z1.1.2","z7.2","a1.1.2","a3"])") != std::string::npos);
    DecodeResult back = decode_json(json);
    REQUIRE(back.ok());
    CHECK(back.document == doc);
    CHECK(encode_link(back.document) == link);
    // state() loads back too: its extra fields are ignored, its "hidden" is read.
    Session session;
    REQUIRE(session.replace(doc) == "");
    DecodeResult state = decode_json(session.state_json());
    REQUIRE(state.ok());
    CHECK(state.document == doc);
    // Nothing hidden: no key in a file (the design's format exactly) nor in the link; an empty list
    // in state(), for scripts.
    CHECK(document_json(exercise_document()).find(R"("hidden")") == std::string::npos);
    CHECK(Session().state_json().find(R"("hidden":[])") != std::string::npos);
}

TEST_CASE("random documents with hidden values round-trip through the link and the JSON") {
    std::mt19937_64 rng(20261130);
    int with_hidden = 0;
    for (int k = 0; k < 300; ++k) {
        Document doc = mlp_test::random_document(rng);
        with_hidden += doc.hidden.empty() ? 0 : 1;
        REQUIRE(validate(doc) == "");
        const std::string link = encode_link(doc);
        DecodeResult from_link = decode_link(link);
        REQUIRE_MESSAGE(from_link.ok(), from_link.error);
        CHECK(from_link.document == doc);
        DecodeResult from_json = decode_json(document_json(from_link.document));
        REQUIRE_MESSAGE(from_json.ok(), from_json.error);
        CHECK(encode_link(from_json.document) == link);
    }
    CHECK(with_hidden > 100);
    MESSAGE(with_hidden << " of 300 random documents had hidden values");
}

TEST_CASE("LinkEncoder writes hide as encode_link does, following every change") {
    LinkEncoder encoder;
    Document doc = exercise_document();
    CHECK(encoder.encode(doc) == encode_link(doc));
    doc.hidden = {kClipZ, kClipA};
    CHECK(encoder.encode(doc) == encode_link(doc));
    CHECK(encoder.link().find("&hide=z3.2.2,a3.2.2") != std::string::npos);
    REQUIRE(remove_sample(&doc, 0) == "");  // the clipped node is now sample 1
    CHECK(encoder.encode(doc) == encode_link(doc));
    CHECK(encoder.link().find("&hide=z3.1.2,a3.1.2") != std::string::npos);
    doc.hidden.clear();
    CHECK(encoder.encode(doc) == encode_link(doc));
}

TEST_CASE("validate refuses hidden values of nodes that do not exist, or out of order") {
    Document doc = exercise_document();
    doc.hidden = {{Q::A, 7, 0, 0}};
    CHECK(validate(doc) == "hide: a hidden value refers to a node that does not exist (layer 8, sample 1, node 1)");
    doc.hidden = {{Q::A, 2, 2, 0}};
    CHECK(validate(doc) == "hide: a hidden value refers to a node that does not exist (layer 3, sample 3, node 1)");
    doc.hidden = {kClipA, kClipZ};
    CHECK(validate(doc) == "hide: the hidden values are not sorted in the exercise's order without repeats");
    doc.hidden = {kClipZ, kClipZ};
    CHECK(validate(doc) != "");
    doc.hidden = {kClipZ, kClipA};
    CHECK(validate(doc) == "");
}

TEST_CASE("shape and sample changes keep hidden values on their nodes") {
    Document doc = decoded(kExercise + "&hide=z3.2.2,a3.2.2,a1.1.5,a7");
    const NewWeights zeros;

    SUBCASE("a layer inserted before layer 3 moves it to layer 4") {
        REQUIRE(insert_layer(&doc, 2, 4, zeros) == "");
        CHECK(encode_hidden(doc.hidden, doc.network.shape, 2) == "z4.2.2,a1.1.5,a4.2.2,a8");
        CHECK(validate(doc) == "");
    }
    SUBCASE("a new input layer moves every layer") {
        REQUIRE(insert_layer(&doc, 0, 2, zeros) == "");
        CHECK(encode_hidden(doc.hidden, doc.network.shape, 2) == "z4.2.2,a2.1.5,a4.2.2,a8");
    }
    SUBCASE("a new output layer moves nothing") {
        REQUIRE(insert_layer(&doc, 8, 1, zeros) == "");
        CHECK(encode_hidden(doc.hidden, doc.network.shape, 2) == "z3.2.2,a1.1.5,a3.2.2,a7");
    }
    SUBCASE("removing layer 3 takes its values; later layers move left") {
        REQUIRE(remove_layer(&doc, 3) == "");
        CHECK(encode_hidden(doc.hidden, doc.network.shape, 2) == "a1.1.5,a6");
        CHECK(validate(doc) == "");
    }
    SUBCASE("removing the input layer: layer 1 becomes the inputs, never hidden") {
        REQUIRE(remove_layer(&doc, 0) == "");
        CHECK(encode_hidden(doc.hidden, doc.network.shape, 2) == "z2.2.2,a2.2.2,a6");
        CHECK(validate(doc) == "");
    }
    SUBCASE("removing the output layer takes the output's values") {
        REQUIRE(remove_layer(&doc, 7) == "");
        CHECK(encode_hidden(doc.hidden, doc.network.shape, 2) == "z3.2.2,a1.1.5,a3.2.2");
    }
    SUBCASE("a layer shrunk below a hidden node drops it; one grown hides nothing new") {
        REQUIRE(resize_layer(&doc, 1, 4, zeros) == "");
        CHECK(encode_hidden(doc.hidden, doc.network.shape, 2) == "z3.2.2,a3.2.2,a7");
        REQUIRE(resize_layer(&doc, 7, 2, zeros) == "");
        CHECK(encode_hidden(doc.hidden, doc.network.shape, 2) == "z3.2.2,a3.2.2,a7.1.1,a7.2.1");
        CHECK(validate(doc) == "");
    }
    SUBCASE("removing sample 1 drops its values; sample 2 becomes sample 1") {
        REQUIRE(remove_sample(&doc, 0) == "");
        CHECK(encode_hidden(doc.hidden, doc.network.shape, 1) == "z3.1.2,a3.1.2,a7");
        CHECK(validate(doc) == "");
    }
    SUBCASE("a new sample hides nothing") {
        REQUIRE(add_sample(&doc, 1) == "");
        CHECK(encode_hidden(doc.hidden, doc.network.shape, 3) == "z3.2.2,a1.1.5,a3.2.2,a7.1,a7.2");
        CHECK(validate(doc) == "");
    }
}

TEST_CASE("the session's hidden set: checked, one undo step, a revision but not a new structure") {
    Session s;
    const uint64_t revision = s.revision(), structure = s.structure_revision();
    REQUIRE(s.set_hidden({kClipA, kClipZ, kClipA}) == "");  // sorted, repeats dropped
    CHECK(s.hidden() == std::vector<HiddenValue>{kClipZ, kClipA});
    CHECK(s.revision() == revision + 1);
    CHECK(s.structure_revision() == structure);
    CHECK(s.last_edit().kind == Session::Edit::Kind::Hidden);
    CHECK(s.link().find("&hide=z3.2.2,a3.2.2") != std::string::npos);
    // The same set again is no edit.
    REQUIRE(s.set_hidden({kClipZ, kClipA}) == "");
    CHECK(s.revision() == revision + 1);
    // A node that does not exist is refused; the set stays.
    CHECK(s.set_hidden({{Q::Z, 9, 0, 0}}) ==
          "a hidden value refers to a node that does not exist (layer 10, sample 1, node 1)");
    CHECK(s.hidden().size() == 2);

    s.set_weight(2, 1, 0, 5.0);  // a weight edit between two hidden-set edits
    REQUIRE(s.set_hidden({}) == "");
    REQUIRE(s.undo());
    CHECK(s.hidden().size() == 2);
    CHECK(s.network().weights[2].at(1, 0) == 5.0);
    REQUIRE(s.undo());
    CHECK(s.network().weights[2].at(1, 0) == 1.0);
    CHECK(s.hidden().size() == 2);
    REQUIRE(s.undo());
    CHECK(s.hidden().empty());
    CHECK_FALSE(s.can_undo());
    REQUIRE(s.redo());
    CHECK(s.hidden() == std::vector<HiddenValue>{kClipZ, kClipA});
    CHECK(s.last_edit().kind == Session::Edit::Kind::Hidden);
}

TEST_CASE("a hidden-set change inside a drag is a step of its own") {
    Session s;
    s.begin_gesture();
    s.set_weight(0, 0, 0, 2.0);
    REQUIRE(s.set_hidden({kClipZ}) == "");
    s.set_weight(0, 0, 0, 3.0);
    s.end_gesture();
    REQUIRE(s.undo());
    CHECK(s.network().weights[0].at(0, 0) == 2.0);
    CHECK(s.hidden().size() == 1);
    REQUIRE(s.undo());
    CHECK(s.hidden().empty());
    REQUIRE(s.undo());
    CHECK(s.network().weights[0].at(0, 0) == 0.0);
}

TEST_CASE("opening a document replaces the hidden set, and undo brings the old one back") {
    Session s;
    REQUIRE(s.set_hidden({kClipZ, kClipA}) == "");
    REQUIRE(s.replace(decoded("#v=1&shape=2,1&x=3,4&w1=0.5,-1&hide=a1")) == "");
    CHECK(s.hidden() == std::vector<HiddenValue>{{Q::A, 0, 0, 0}});
    REQUIRE(s.undo());
    CHECK(s.hidden() == std::vector<HiddenValue>{kClipZ, kClipA});
    CHECK(s.network().shape.size() == 8);
}
