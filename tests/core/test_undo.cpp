// Undo and redo through the Session: every edit, a drag as one step, documents swapped back.
#include <doctest/doctest.h>

#include "core/document/architecture.h"
#include "core/document/presets.h"
#include "core/document/session.h"

using namespace mlp;

TEST_CASE("undo and redo a single weight edit") {
    Session s;
    CHECK_FALSE(s.can_undo());
    s.set_weight(2, 1, 0, 5.0);
    CHECK(s.pass().z[2].at(1, 1) == 3.0);
    REQUIRE(s.undo());
    CHECK(s.network().weights[2].at(1, 0) == 1.0);
    CHECK(s.pass().z[2].at(1, 1) == -5.0);  // the worksheet again
    CHECK(s.pass().a[2].at(1, 1) == 0.0);
    CHECK(s.can_redo());
    REQUIRE(s.redo());
    CHECK(s.network().weights[2].at(1, 0) == 5.0);
    CHECK(s.pass().z[2].at(1, 1) == 3.0);
}

TEST_CASE("a whole drag is one step") {
    Session s;
    s.begin_gesture();
    for (int k = 1; k <= 30; ++k) s.set_input(0, 0, 3.0 + k * 0.1);
    s.set_input(0, 1, 9.0);
    s.end_gesture();
    s.set_weight(0, 0, 0, 2.0);  // a separate step
    REQUIRE(s.undo());
    CHECK(s.network().weights[0].at(0, 0) == 0.0);
    CHECK(s.document().inputs.at(0, 0) == doctest::Approx(6.0));
    REQUIRE(s.undo());
    CHECK(s.document().inputs.at(0, 0) == 3.0);
    CHECK(s.document().inputs.at(0, 1) == 4.0);
    CHECK(s.pass().a[6].at(0, 0) == -4.0);
    CHECK_FALSE(s.can_undo());
}

TEST_CASE("a new edit after undo ends the redo branch") {
    Session s;
    s.set_bias(0, 0, 1.0);
    s.undo();
    s.set_bias(0, 1, 2.0);
    CHECK_FALSE(s.can_redo());
}

TEST_CASE("shape changes and presets are undone by swapping documents") {
    Session s;
    Document bigger = s.document();
    REQUIRE(insert_layer(&bigger, 2, 4, NewWeights()) == "");
    REQUIRE(s.replace(bigger) == "");
    CHECK(s.network().shape.size() == 9);
    s.set_weight(0, 0, 0, 7.0);
    REQUIRE(s.replace(xor_document()) == "");
    CHECK(s.network().shape == std::vector<int>{2, 2, 1});
    uint64_t structure = s.structure_revision();
    REQUIRE(s.undo());  // back to the 9-layer network with its edit
    CHECK(s.structure_revision() > structure);
    CHECK(s.network().shape.size() == 9);
    CHECK(s.network().weights[0].at(0, 0) == 7.0);
    REQUIRE(s.undo());
    REQUIRE(s.undo());
    CHECK(s.network().shape == std::vector<int>{3, 5, 2, 3, 2, 2, 2, 1});
    CHECK(s.pass().a[6].at(1, 0) == -18.0);
    REQUIRE(s.redo());
    REQUIRE(s.redo());
    REQUIRE(s.redo());
    CHECK(s.network().shape == std::vector<int>{2, 2, 1});
}

TEST_CASE("activation changes are undoable") {
    Session s;
    s.set_activation(2, Activation::Tanh);
    REQUIRE(s.undo());
    CHECK(s.network().activations[2] == Activation::ReLU);
    REQUIRE(s.redo());
    CHECK(s.network().activations[2] == Activation::Tanh);
}

TEST_CASE("the first document of the page is not an undo step") {
    Session s;
    REQUIRE(s.replace(xor_document(), false) == "");
    CHECK_FALSE(s.can_undo());
}

TEST_CASE("history is bounded") {
    Session s;
    for (int k = 0; k < 2000; ++k) s.set_input(0, 0, k);
    int steps = 0;
    while (s.undo()) ++steps;
    CHECK(steps == static_cast<int>(EditHistory::kMaxSteps));
}
