// The editor's logic below the UI: gestures that make one undo step (a double-click included),
// start points that Reset returns to, shape edits that report the limit they hit, and the random
// preset's form (shape and seed text).
#include <doctest/doctest.h>

#include <string>

#include "core/document/architecture.h"
#include "core/document/default_network.h"
#include "core/document/document_edit.h"
#include "core/document/document_loader.h"
#include "core/document/preset_choice.h"
#include "core/document/presets.h"
#include "core/document/session.h"
#include "core/formats/file_import.h"
#include "core/formats/json_import.h"
#include "core/formats/link_codec.h"
#include "core/formats/state_json.h"
#include "core/limits.h"

using namespace mlp;

TEST_CASE("a double-click continues the gesture of its first click: one step") {
    Session s;
    // First click: the slider jumps from 1 to 7 under the pointer.
    s.begin_gesture();
    s.set_weight(2, 0, 0, 7.0);
    s.end_gesture();
    // Second click: the jump is taken back, then a value is typed.
    s.resume_gesture();
    s.set_weight(2, 0, 0, 1.0);
    s.set_weight(2, 0, 0, 2.0);
    s.set_weight(2, 0, 0, 25.0);
    s.end_gesture();
    CHECK(s.network().weights[2].at(0, 0) == 25.0);
    REQUIRE(s.undo());
    CHECK(s.network().weights[2].at(0, 0) == 1.0);  // the worksheet's value, not the jump's 7
    CHECK_FALSE(s.can_undo());
}

TEST_CASE("a gesture that comes back to where it started is no step") {
    Session s;
    s.set_input(0, 0, 9.0);  // an earlier step
    s.begin_gesture();
    s.set_weight(0, 1, 1, 4.0);
    s.set_weight(0, 1, 1, 1.0);  // Escape in the text field: the value it opened with
    s.end_gesture();
    REQUIRE(s.undo());
    CHECK(s.document().inputs.at(0, 0) == 3.0);  // the undo went to the earlier step
    CHECK_FALSE(s.can_undo());
}

TEST_CASE("resume_gesture begins a new step when the last gesture changed nothing or was undone") {
    Session s;
    s.set_weight(0, 0, 0, 5.0);  // a step of its own, not a gesture's
    s.begin_gesture();
    s.end_gesture();             // a click that changed nothing
    s.resume_gesture();          // its second click must not reopen the weight's step
    s.set_weight(0, 0, 1, 6.0);
    s.end_gesture();
    REQUIRE(s.undo());
    CHECK(s.network().weights[0].at(0, 1) == 0.0);
    CHECK(s.network().weights[0].at(0, 0) == 5.0);

    s.begin_gesture();
    s.set_input(0, 2, 1.0);
    s.end_gesture();
    REQUIRE(s.undo());
    s.resume_gesture();  // after an undo nothing is continued
    s.set_input(0, 1, 2.0);
    s.end_gesture();
    REQUIRE(s.undo());
    CHECK(s.document().inputs.at(0, 1) == 4.0);
    CHECK(s.document().inputs.at(0, 2) == 5.0);
}

TEST_CASE("Reset goes back to the start point: the exercise, a preset, an opened link") {
    Session s;
    CHECK(s.start_point().name == kExerciseName);
    CHECK_FALSE(s.reset());  // already there
    s.set_weight(0, 0, 0, 3.0);
    REQUIRE(s.reset());
    CHECK(s.document() == exercise_document());
    REQUIRE(s.undo());  // Reset is an undo step like any other
    CHECK(s.network().weights[0].at(0, 0) == 3.0);

    REQUIRE(s.start_from(xor_document(), kXorName) == "");
    CHECK(s.start_point().name == "XOR");
    s.set_bias(0, 1, 5.0);
    REQUIRE(s.reset());
    CHECK(s.document() == xor_document());

    // Undoing the preset brings back the start point that went with the document before it.
    REQUIRE(s.undo());  // the reset
    REQUIRE(s.undo());  // the bias
    REQUIRE(s.undo());  // the preset
    CHECK(s.start_point().name == kExerciseName);
    CHECK(s.network().weights[0].at(0, 0) == 3.0);
    REQUIRE(s.redo());
    CHECK(s.start_point().name == "XOR");

    // An opened link is its own start point; a shape change keeps the start point.
    REQUIRE(open_decoded(&s, decode_link("v=1&shape=1,1&w1=7")));
    CHECK(s.start_point().name == kOpenedLinkName);
    REQUIRE(edit_document(&s, [](Document* d) { return resize_layer(d, 1, 3, NewWeights()); }));
    CHECK(s.start_point().name == kOpenedLinkName);
    REQUIRE(s.reset());
    CHECK(encode_link(s.document()) == "v=1&shape=1,1&x=0&w1=7");
}

TEST_CASE("a refused shape edit keeps the document and says which limit") {
    Session s;
    const uint64_t revision = s.revision();
    CHECK_FALSE(edit_document(&s, [](Document* d) { return resize_layer(d, 3, kMaxNodesPerLayer + 1, NewWeights()); }));
    CHECK(s.revision() == revision);
    CHECK(s.error() == "cannot change the network: layer 3 has 1025 nodes; expected 1 to 1024");
    CHECK_FALSE(s.can_undo());

    Document wide;
    REQUIRE(random_document({1024, 1000, 1}, 1, true, &wide) == "");
    REQUIRE(s.start_from(wide, "wide") == "");
    CHECK(s.error().empty());
    CHECK_FALSE(edit_document(&s, [](Document* d) { return insert_layer(d, 1, 1024, NewWeights()); }));
    CHECK(s.error() == "cannot change the network: the shape has 2073576 weights; at most 1048576 are allowed");

    for (int k = 1; k < kMaxSamples; ++k) REQUIRE(edit_document(&s, [](Document* d) { return add_sample(d, -1); }));
    CHECK_FALSE(edit_document(&s, [](Document* d) { return add_sample(d, 0); }));
    CHECK(s.error() == "cannot add a sample: at most 64 samples are allowed");
    REQUIRE(edit_document(&s, [](Document* d) { return remove_sample(d, 0); }));
    CHECK(s.error().empty());  // a change that went through clears the message
}

TEST_CASE("the random preset's shape text") {
    std::vector<int> shape;
    REQUIRE(parse_shape("4,8,8,2", &shape) == "");
    CHECK(shape == std::vector<int>{4, 8, 8, 2});
    REQUIRE(parse_shape(" 3 -> 5 \xE2\x86\x92 1 ", &shape) == "");
    CHECK(shape == std::vector<int>{3, 5, 1});
    REQUIRE(parse_shape("2 2", &shape) == "");
    CHECK(shape == std::vector<int>{2, 2});

    CHECK(parse_shape("4,x,2", &shape) == "shape: \"x,2\" is not a node count; expected node counts like 4,8,8,2");
    CHECK(parse_shape("4", &shape) == "shape: at least 2 layers (inputs and outputs); expected node counts like 4,8,8,2");
    CHECK(parse_shape("", &shape) == "shape: at least 2 layers (inputs and outputs); expected node counts like 4,8,8,2");
    CHECK(parse_shape("4,0,2", &shape) == "shape: layer 1 has 0 nodes; expected 1 to 1024");
    CHECK(parse_shape("4,2000,2", &shape) == "shape: layer 1 has 2000 nodes; expected 1 to 1024");
    CHECK(parse_shape("4,99999999999,2", &shape) == "shape: \"99999999999\" nodes; expected 1 to 1024");
    CHECK(parse_shape("1000,1000,1000", &shape) ==
          "shape: the shape has 2000000 weights; at most 1048576 are allowed");
    // A million layers is refused at the 34th, not stored.
    std::string many;
    for (int k = 0; k < 1000000; ++k) many += "1,";
    CHECK(parse_shape(many, &shape) == "shape: the shape has 33 weight layers; at most 32 are allowed");
    CHECK(shape == std::vector<int>{2, 2});  // refused texts leave *out alone
}

TEST_CASE("the random preset's seed text and name") {
    uint64_t seed = 0;
    REQUIRE(parse_seed("7", &seed) == "");
    CHECK(seed == 7);
    REQUIRE(parse_seed(" 18446744073709551615 ", &seed) == "");
    CHECK(seed == UINT64_MAX);
    const char* expected = " is not a seed; expected a whole number from 0 to 18446744073709551615";
    CHECK(parse_seed("18446744073709551616", &seed) == std::string("seed: \"18446744073709551616\"") + expected);
    CHECK(parse_seed("-1", &seed) == std::string("seed: \"-1\"") + expected);
    CHECK(parse_seed("", &seed) == std::string("seed: \"\"") + expected);
    CHECK(random_preset_name({4, 8, 2}, 7, false) == "random 4-8-2 (seed 7)");
    CHECK(random_preset_name({4, 8, 2}, 7, true) == "random 4-8-2 (seed 7, whole numbers)");
}

TEST_CASE("exported JSON opens as the same document, and agrees with the link") {
    Session s;
    Document doc;
    REQUIRE(random_document({4, 8, 8, 2}, 11, false, &doc) == "");
    doc.network.biases[1][3] = -0.25;
    doc.network.activations[0] = Activation::Tanh;
    doc.network.activations[1] = Activation::LeakyReLU;
    REQUIRE(s.start_from(doc, "random") == "");
    const std::string exported = document_json(s.document());
    const std::string link = s.link();
    REQUIRE(open_decoded(&s, decode_json(exported), true, "mlp-network.json"));
    CHECK(s.document() == doc);
    CHECK(s.link() == link);
    CHECK(s.start_point().name == "mlp-network.json");
    // The other way: a link, exported as JSON, is the JSON of the same document.
    REQUIRE(open_decoded(&s, decode_link(link)));
    CHECK(document_json(s.document()) == exported);
}

TEST_CASE("opening a file: JSON as export writes it, with messages that name the file") {
    Session s;
    Document doc = xor_document();
    REQUIRE(open_file(&s, kExportFileName, document_json(doc)));
    CHECK(s.document() == doc);
    CHECK(s.start_point().name == "\"mlp-network.json\"");
    CHECK(s.error().empty());

    const uint64_t revision = s.revision();
    CHECK_FALSE(open_file(&s, "net.json", "{\"format\": \"mlp-explorer/1\", \"shape\": [2, 1], \"weights\": [[[1, 2, 3]]]}"));
    CHECK(s.error() == "the file \"net.json\" cannot be opened: weights[0][0]: 3 numbers; expected 2 (layer 0 has 2 nodes)");
    CHECK_FALSE(open_file(&s, "picture.png", "\x89PNG\r\n"));
    CHECK(s.error() ==
          "the file \"picture.png\" cannot be opened: it is not MLP Explorer's JSON (that starts with '{', as export writes it)");
    CHECK_FALSE(open_file(&s, "link.txt", "v=1&shape=1,1&w1=2"));
    CHECK(s.revision() == revision);  // nothing half-loaded
    // A name from the user's disk is quoted short and plain in messages.
    CHECK(file_size_error("a\nvery long name that goes on and on and on.json", kMaxFragmentBytes + 1) ==
          "the file \"a?very long name that goes on an...\" is 16777217 bytes long; at most 16777216 (16 MiB) are allowed");
    CHECK(file_size_error("ok.json", kMaxFragmentBytes).empty());
}

TEST_CASE("choosing presets: undoable, and each its own start point") {
    Session s;
    open_preset(&s, Preset::Xor);
    CHECK(s.document() == xor_document());
    CHECK(s.start_point().name == "XOR");
    REQUIRE(open_random_preset(&s, "4,8,8,2", "7", false));
    CHECK(s.network().shape == std::vector<int>{4, 8, 8, 2});
    CHECK(s.start_point().name == "random 4-8-8-2 (seed 7)");
    Document seven = s.document();
    REQUIRE(open_random_preset(&s, "4 8 8 2", " 7 ", false));
    CHECK(s.document() == seven);  // the same seed makes the same network
    REQUIRE(open_random_preset(&s, "4,8,8,2", "7", true));
    CHECK(s.document() != seven);

    const uint64_t revision = s.revision();
    CHECK_FALSE(open_random_preset(&s, "4,8,8,2", "x", false));
    CHECK(s.error() == "the random network cannot be made: seed: \"x\" is not a seed; expected a whole number from 0 to "
                       "18446744073709551615");
    CHECK_FALSE(open_random_preset(&s, "4,2000", "1", false));
    CHECK(s.error() == "the random network cannot be made: shape: layer 1 has 2000 nodes; expected 1 to 1024");
    CHECK(s.revision() == revision);

    open_preset(&s, Preset::Exercise);
    CHECK(s.document() == exercise_document());
    CHECK(s.error().empty());
    for (int k = 0; k < 4; ++k) REQUIRE(s.undo());
    CHECK(s.document() == xor_document());
    CHECK(s.start_point().name == "XOR");
}
