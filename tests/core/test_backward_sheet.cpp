// The backward worksheet's cards (app/backward_sheet.h): each block's cells read the right value
// of the backward pass, the step and the document, checked against a network worked by hand.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/backward_sheet.h"
#include "core/document/session.h"
#include "core/formats/link_codec.h"

using namespace app;

namespace {

// shape 2 → 2 → 1, ReLU then linear, mse with reduce=sum, two samples, lr = 0.1:
//   x1 = (2, 1): z1 = (1, 3), a1 = (1, 3); y = 2·1 − 1·3 = −1, target 1: L = (−1 − 1)²/2 = 2
//   x2 = (1, 3): z1 = (−2, 4), a1 = (0, 4); y = 2·0 − 1·4 = −4, target 2: L = (−4 − 2)²/2 = 18
//   δ2 = (−2, −6); δ1 of x1 = (2·(−2), (−1)·(−2))·(1, 1) = (−4, 2), of x2 = (−12, 6)·(0, 1) = (0, 6)
//   ∂L/∂W2 = (−2·1 − 6·0, −2·3 − 6·4) = (−2, −30); ∂L/∂b2 = −8
//   ∂L/∂W1 = ((−4·2 + 0·1, −4·1 + 0·3), (2·2 + 6·1, 2·1 + 6·3)) = ((−8, −4), (10, 20)); ∂L/∂b1 = (−4, 8)
const BackwardBlock& block(const std::vector<BackwardCard>& cards, const std::string& name) {
    for (const BackwardCard& card : cards)
        for (const BackwardBlock& b : card.blocks)
            if (b.name == name) return b;
    FAIL("no block " << name);
    return cards[0].blocks[0];
}

}  // namespace

TEST_CASE("the backward sheet's cells: targets, losses, δ (crossed where f′ = 0), ∂L/∂W, ∂L/∂b and the step") {
    mlp::Session session;
    mlp::DecodeResult decoded = mlp::decode_link("v=1&shape=2,2,1&x=2,1;1,3&w1=1,-1;1,1&w2=2,-1&y=1;2&reduce=sum&lr=0.1");
    REQUIRE(decoded.error == "");
    REQUIRE(session.replace(decoded.document, false) == "");
    const std::vector<BackwardCard> cards = backward_cards(session, 0);
    REQUIRE(cards.size() == 5);  // the loss, layers 2 and 1, the steps of layers 1 and 2
    CHECK(cards[1].title == "Layer 2 backward");
    CHECK(cards[3].title == "Step, layer 1");

    CHECK(block(cards, "y").cell(0, 1).v == 2.0);
    CHECK(block(cards, "L").cell(0, 0).v == 2.0);
    CHECK(block(cards, "L").cell(0, 1).v == 18.0);
    CHECK(block(cards, "dz2").cell(0, 1).v == -6.0);
    CHECK(block(cards, "da2").cell(0, 0).v == -2.0);
    CHECK(block(cards, "fz2").cell(0, 1).v == 1.0);
    CHECK(block(cards, "dw2").cell(0, 0).v == -2.0);
    CHECK(block(cards, "dw2").cell(0, 1).v == -30.0);
    CHECK(block(cards, "db2").cell(0, 0).v == -8.0);

    const BackwardBlock& dz1 = block(cards, "dz1");
    CHECK(dz1.cell(0, 0).v == -4.0);
    CHECK_FALSE(dz1.cell(0, 0).crossed);
    CHECK(dz1.cell(0, 1).v == 0.0);
    CHECK(dz1.cell(0, 1).crossed);  // z = −2 under ReLU: nothing passes back
    CHECK(dz1.cell(1, 1).v == 6.0);
    CHECK(block(cards, "fz1").cell(0, 1).v == 0.0);
    CHECK(block(cards, "dw1").cell(1, 1).v == 20.0);
    CHECK(block(cards, "dw1").cell(0, 0).v == -8.0);
    CHECK(block(cards, "db1").cell(1, 0).v == 8.0);

    CHECK(block(cards, "W1").cell(0, 1).v == -1.0);
    CHECK(block(cards, "lrdw1").cell(1, 1).v == doctest::Approx(2.0));
    CHECK(block(cards, "newW1").cell(1, 1).v == doctest::Approx(-1.0));
    CHECK(block(cards, "newW1").cell(0, 0).v == doctest::Approx(1.8));
    CHECK(block(cards, "b1").cell(1, 0).v == 0.0);
    CHECK(block(cards, "lrdb1").cell(1, 0).v == doctest::Approx(0.8));
    CHECK(block(cards, "newb1").cell(0, 0).v == doctest::Approx(0.4));
    CHECK(block(cards, "newW2").cell(0, 1).v == doctest::Approx(2.0));
}
