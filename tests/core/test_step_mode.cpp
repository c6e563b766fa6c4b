// The sliders' step mode follows the network (issue 10, item 6): a network of whole numbers opens
// in integer steps, one with fractions in fine steps, and the user's own choice is kept
// otherwise.
#include <doctest/doctest.h>

#include "core/document/architecture.h"
#include "core/document/document_edit.h"
#include "core/document/document_loader.h"
#include "core/document/preset_choice.h"
#include "core/document/presets.h"
#include "core/document/step_mode.h"
#include "core/formats/link_codec.h"

using namespace mlp;

TEST_CASE("whole values: every weight, bias and input") {
    Document doc = xor_document();
    CHECK(has_only_whole_values(doc));
    doc.network.biases[0][1] = -0.5;
    CHECK_FALSE(has_only_whole_values(doc));
    doc.network.biases[0][1] = -1;
    doc.inputs.at(2, 0) = 0.25;
    CHECK_FALSE(has_only_whole_values(doc));
    doc.inputs.at(2, 0) = 1;
    doc.network.weights[1].at(0, 1) = -2.000001;
    CHECK_FALSE(has_only_whole_values(doc));
}

TEST_CASE("opening a network chooses the step mode; undoing the opening chooses again") {
    Session s;
    StepModeFollower follower;
    bool integer = false;
    CHECK(follower.follow(s, &integer));
    CHECK(integer);  // the exercise: whole numbers
    CHECK_FALSE(follower.follow(s, &integer));

    // The random preset of real weights (its first weight is -0.27): fine steps.
    REQUIRE(open_random_preset(&s, "4,8,8,2", "1", false));
    CHECK(follower.follow(s, &integer));
    CHECK_FALSE(integer);
    // Its whole-number variant, XOR and the exercise: integer steps again.
    REQUIRE(open_random_preset(&s, "4,8,8,2", "1", true));
    follower.follow(s, &integer);
    CHECK(integer);
    // A link with a fraction anywhere (here a bias), as a file or load() would give it.
    REQUIRE(open_decoded(&s, decode_link("v=1&shape=2,1&w1=1,2&b1=0.5")));
    follower.follow(s, &integer);
    CHECK_FALSE(integer);
    // The user picks Integer anyway: kept while editing...
    integer = true;
    s.set_weight(0, 0, 0, 3.0);
    CHECK_FALSE(follower.follow(s, &integer));
    CHECK(integer);
    // ...until another network is opened, or this one's opening is undone.
    REQUIRE(s.undo());  // the weight
    REQUIRE(s.undo());  // the link: back to the whole-number random network
    follower.follow(s, &integer);
    CHECK(integer);
    REQUIRE(s.redo());  // the link again
    follower.follow(s, &integer);
    CHECK_FALSE(integer);
    open_preset(&s, Preset::Xor);
    follower.follow(s, &integer);
    CHECK(integer);
}

TEST_CASE("a shape edit that brings fractions switches to fine steps; values typed are the user's") {
    Session s;
    StepModeFollower follower;
    bool integer = false;
    follower.follow(s, &integer);
    REQUIRE(integer);
    // Nodes of zeros or whole random numbers: still whole.
    NewWeights whole;
    whole.random = true;
    whole.integers = true;
    REQUIRE(edit_document(&s, [&](Document* d) { return resize_layer(d, 3, 4, whole); }));
    CHECK_FALSE(follower.follow(s, &integer));
    CHECK(integer);
    // A layer of random real weights: fine steps.
    NewWeights reals;
    reals.random = true;
    REQUIRE(edit_document(&s, [&](Document* d) { return insert_layer(d, 2, 3, reals); }));
    CHECK(follower.follow(s, &integer));
    CHECK_FALSE(integer);
    // Back to the exercise; the user types 0.5 into a slider in integer steps: their choice.
    open_preset(&s, Preset::Exercise);
    follower.follow(s, &integer);
    REQUIRE(integer);
    s.set_input(0, 0, 0.5);
    CHECK_FALSE(follower.follow(s, &integer));
    CHECK(integer);
    // A shape edit after it does not count the typed 0.5 as the edit's fraction.
    REQUIRE(edit_document(&s, [&](Document* d) { return resize_layer(d, 3, 4, NewWeights{}); }));
    CHECK_FALSE(follower.follow(s, &integer));
    CHECK(integer);
}
