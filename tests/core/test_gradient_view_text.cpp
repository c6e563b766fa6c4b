// The gradient view's texts (app/diagram_text.h, app/text_alternative.h): ∂L/∂w = Σ δ·a and a
// node's δ with the numbers plugged in, checked against values worked out by hand below.
#include <doctest/doctest.h>

#include <string>

#include "app/diagram_text.h"
#include "app/text_alternative.h"
#include "core/document/session.h"
#include "core/formats/link_codec.h"

using namespace app;

namespace {

const std::string M = "\xE2\x88\x92";  // the UI's minus sign
const std::string D = "\xCE\xB4";      // δ
const std::string P = "\xE2\x88\x82";  // ∂

// shape 2 → 2 → 1, ReLU then linear, mse, two samples:
//   x1 = (2, 1): z1 = (2 − 1, 2 + 1) = (1, 3), a1 = (1, 3); y = 2·1 − 1·3 = −1, target 1
//   x2 = (1, 3): z1 = (1 − 3, 1 + 3) = (−2, 4), a1 = (0, 4); y = 2·0 − 1·4 = −4, target 2
// reduce=sum: δ2 = a − y = (−2, −6) for x1, x2.
//   δ1 of x1 = W2ᵀδ2 · relu′(z1) = (2·(−2), (−1)·(−2)) · (1, 1) = (−4, 2)
//   δ1 of x2 = (2·(−6), (−1)·(−6)) · (0, 1) = (0, 6)
//   ∂L/∂W2[1,2] = (−2)·3 + (−6)·4 = −30; ∂L/∂W1[2,2] = 2·1 + 6·3 = 20
void open(mlp::Session* session, const std::string& link) {
    mlp::DecodeResult decoded = mlp::decode_link(link);
    REQUIRE(decoded.error == "");
    REQUIRE(session->replace(decoded.document, false) == "");
    REQUIRE(session->gradients() != nullptr);
}
void hand_worked(mlp::Session* session, const char* reduce = "sum") {
    open(session, std::string("v=1&shape=2,2,1&x=2,1;1,3&w1=1,-1;1,1&w2=2,-1&y=1;2&reduce=") + reduce);
}

}  // namespace

TEST_CASE("the gradient view needs targets: without them the values view is all there is") {
    mlp::Session session;  // the exercise: no targets
    CHECK_FALSE(shows_gradients(session, true));
    ViewState view;
    view.gradient_view = true;
    CHECK(view_text(session, view) == "");
    mlp::Session with_targets;
    hand_worked(&with_targets);
    CHECK(shows_gradients(with_targets, true));
    CHECK_FALSE(shows_gradients(with_targets, false));
    CHECK(view_text(with_targets, view) == "The diagram shows the gradients: lines by " + P + "L/" + P +
                                               "w (summed over the samples), nodes by " + D + " = " + P + "L/" + P +
                                               "z of the sample shown.");
    view.gradient_view = false;
    CHECK(view_text(with_targets, view) == "The diagram shows the values: lines by weight, nodes by value.");
}

TEST_CASE("a line's tooltip: ∂L/∂w = Σ δ·a, one term per sample, and the step it makes") {
    mlp::Session session;
    hand_worked(&session);
    CHECK(session.gradients()->dw[1].at(0, 1) == -30.0);
    const std::string text = edge_gradient_tooltip(session, 1, 0, 1);
    CHECK(text == P + "L/" + P + "W2[1,2] = \xE2\x88\x91 " + D + "\xC2\xB7" + "a = (" + M + "2)\xC2\xB7" + "3 + (" + M +
                      "6)\xC2\xB7" + "4 = " + M + "30\n" + D + ": " + P + "L/" + P +
                      "z of y[1]; a: the value of node 1.2, sample by sample\n"
                      "a step: W2[1,2] " + M + " lr\xC2\xB7" + P + "L/" + P + "w = " + M + "1 " + M + " 0.03\xC2\xB7(" +
                      M + "30) = " + M + "0.1\n"
                      "drag the line up or down to change W2[1,2]");
    // W1[2,2]: δ of node 1.2 times input x[2]: 2·1 + 6·3 = 20.
    const std::string first = edge_gradient_tooltip(session, 0, 1, 1);
    CHECK(first.rfind(P + "L/" + P + "W1[2,2] = \xE2\x88\x91 " + D + "\xC2\xB7" + "a = 2\xC2\xB7" + "1 + 6\xC2\xB7" + "3 = 20\n", 0) == 0);
}

TEST_CASE("with one sample the line's tooltip has no sum") {
    mlp::Session session;
    open(&session, "v=1&shape=2,2,1&x=2,1&w1=1,-1;1,1&w2=2,-1&y=1");
    // y = −1, target 1: δ2 = −2; a of node 1.1 = 1.
    CHECK(edge_gradient_tooltip(session, 1, 0, 0).rfind(P + "L/" + P + "W2[1,1] = " + D + "\xC2\xB7" + "a = (" + M +
                                                        "2)\xC2\xB7" + "1 = " + M + "2\n", 0) == 0);
}

TEST_CASE("a node's tooltip: δ from the layer above times f′(z), or from the loss for an output") {
    mlp::Session session;
    hand_worked(&session);
    // Node 1.1 of x2: (W2ᵀδ)[1] = 2·(−6) = −12, clipped by ReLU (z = −2): δ = 0.
    CHECK(node_gradient_tooltip(session, 1, 1, 0) ==
          "layer 1, node 1 (sample 2): " + D + " = " + P + "L/" + P + "z\n"
          "from the layer above: (W2\xE1\xB5\x80" + D + ")[1] = 2\xC2\xB7(" + M + "6) = " + M + "12\n"
          "f\xE2\x80\xB2(z) = ReLU\xE2\x80\xB2(" + M + "2) = 0\n" + D + " = (" + M + "12)\xC2\xB7" + "0 = 0");
    // Node 1.2 of x1: (−1)·(−2) = 2, z = 3: δ = 2.
    CHECK(node_gradient_tooltip(session, 0, 1, 1).find(D + " = 2\xC2\xB7" + "1 = 2") != std::string::npos);
    // The output of x1: ∂L/∂a = a − y = −1 − 1 = −2 (reduce=sum), linear: δ = −2.
    CHECK(node_gradient_tooltip(session, 0, 2, 0) ==
          "output y[1] (sample 1): " + D + " = " + P + "L/" + P + "z\n"
          "from the loss: " + P + "L/" + P + "a = a " + M + " y = " + M + "1 " + M + " 1 = " + M + "2\n"
          "f\xE2\x80\xB2(z) = 1 (linear)\n" + D + " = (" + M + "2)\xC2\xB7" + "1 = " + M + "2");
    // An input has no δ: its value.
    CHECK(node_gradient_tooltip(session, 0, 0, 1) == node_tooltip(session, 0, 0, 1));
}

TEST_CASE("the output's ∂L/∂a with the mean over samples") {
    mlp::Session mean;
    hand_worked(&mean, "mean");
    // (a − y)/2 for x2: (−4 − 2)/2 = −3.
    CHECK(node_gradient_tooltip(mean, 1, 2, 0).find(P + "L/" + P + "a = (a " + M + " y)/2 = (" + M + "4 " + M +
                                                   " 2)/2 = " + M + "3\n") != std::string::npos);
}
