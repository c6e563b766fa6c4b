// The session: edits recompute what they must, the link and state() describe the document.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/document/session.h"
#include "core/formats/link_codec.h"
#include "core/limits.h"

using namespace mlp;

TEST_CASE("a new session opens on the exercise with its outputs computed") {
    Session session;
    CHECK(session.network().shape.size() == 8);
    CHECK(session.pass().a[6].at(0, 0) == -4.0);
    CHECK(session.pass().a[6].at(1, 0) == -18.0);
    CHECK(session.error() == "");
}

TEST_CASE("the exercise encodes to the design's link exactly") {
    Session session;
    CHECK(session.link() ==
          "v=1&shape=3,5,2,3,2,2,2,1&x=3,4,5;5,4,3&w1=0,0,1;0,1,0;1,0,0;1,1,0;0,1,1&w2=1,1,-1,0,0;0,0,1,1,-1"
          "&w3=1,1;1,-1;1,2&w4=1,-1,0;0,-1,1&w5=0,1;1,0&w6=1,-1;1,1&w7=1,-1");
}

TEST_CASE("editing a weight recomputes the layers downstream") {
    Session session;
    uint64_t before = session.revision();
    // W3[2,1]: into node 2 of layer 3 from node 1 of layer 2. Sample 2: z3[2] = 5*2 - 7 = 3,
    // so the worksheet's clipped node is no longer clipped.
    session.set_weight(2, 1, 0, 5.0);
    CHECK(session.revision() > before);
    CHECK(session.pass().z[2].at(1, 1) == 3.0);
    CHECK(session.pass().a[2].at(1, 1) == 3.0);
    CHECK(session.link().find("&w3=1,1;5,-1;1,2&") != std::string::npos);
    // Downstream: a4 of sample 2 = [9-3, -3+16] = [6, 13].
    CHECK(session.pass().a[3].at(1, 0) == 6.0);
    CHECK(session.pass().a[3].at(1, 1) == 13.0);
    // The same value again changes nothing.
    uint64_t after = session.revision();
    session.set_weight(2, 1, 0, 5.0);
    CHECK(session.revision() == after);
}

TEST_CASE("edits are clamped to the limits and NaN is ignored") {
    Session session;
    session.set_input(0, 0, 5e9);
    CHECK(session.document().inputs.at(0, 0) == kMaxAbsValue);
    session.set_bias(0, 0, -std::numeric_limits<double>::infinity());
    CHECK(session.network().biases[0][0] == -kMaxAbsValue);
    session.set_weight(0, 0, 0, std::nan(""));
    CHECK(session.network().weights[0].at(0, 0) == 0.0);
    CHECK(validate(session.document()) == "");
}

TEST_CASE("replace refuses an invalid document and keeps the current one") {
    Session session;
    Document bad = session.document();
    bad.network.weights[0] = Matrix(1, 1);
    std::string err = session.replace(bad);
    CHECK(err == "W1 is 1x1; expected 5x3");
    CHECK(session.pass().a[6].at(1, 0) == -18.0);

    Document small;
    small.network = make_network({2, 1});
    small.network.weights[0].at(0, 0) = 3;
    small.network.weights[0].at(0, 1) = -1;
    small.inputs = Matrix(1, 2, 1.0);
    uint64_t structure = session.structure_revision();
    CHECK(session.replace(small) == "");
    CHECK(session.structure_revision() > structure);
    CHECK(session.pass().a[0].at(0, 0) == 2.0);
    CHECK(session.link() == "v=1&shape=2,1&x=1,1&w1=3,-1");
}

TEST_CASE("biases and non-default activations appear in the link") {
    Session session;
    session.set_bias(1, 0, 0.5);
    session.set_activation(6, Activation::Sigmoid);
    const std::string& link = session.link();
    CHECK(link.find("&b2=0.5,0") != std::string::npos);
    CHECK(link.find("&act=relu,relu,relu,relu,relu,relu,sigmoid") != std::string::npos);
}
