// Exercise mode over the backward pass: ∂L/∂z, ∂L/∂W, ∂L/∂b and the new W and b as hidden values.
// Their link items (dz, dw, db, nw, nb), the messages, check_hidden, the order a learner computes
// them in, the true values (against the figures of Tom Yeh's sheet recomputed by hand, and against
// Session::step), and the state machine: Check, Reveal step after the forward values.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

#include "app/exercise_state.h"
#include "core/document/architecture.h"
#include "core/document/presets.h"
#include "core/document/session.h"
#include "core/exercise/exercise.h"
#include "core/formats/link_codec.h"
#include "core/text/notation.h"

using namespace mlp;

namespace {

using Q = HiddenValue::Quantity;
// Tom Yeh's sheet: 4 → 3 → 4 → 3, two samples.
const std::vector<int> kYeh = {4, 3, 4, 3};

HiddenValue dz(int l, int s, int i) { return {Q::Dz, l, s, i}; }
HiddenValue dw(int l, int r, int c) { return {Q::Dw, l, 0, r, c}; }
HiddenValue db(int l, int r) { return {Q::Db, l, 0, r}; }
HiddenValue nw(int l, int r, int c) { return {Q::NewW, l, 0, r, c}; }
HiddenValue nb(int l, int r) { return {Q::NewB, l, 0, r}; }

std::vector<HiddenValue> parsed(const std::string& text) {
    std::vector<HiddenValue> h;
    const std::string err = parse_hidden(text, kYeh, 2, true, &h);
    REQUIRE_MESSAGE(err == "", err);
    return h;
}

}  // namespace

TEST_CASE("backward items: each one, its rows and columns, and whole layers") {
    CHECK(parsed("dz3.2.3") == std::vector<HiddenValue>{dz(2, 1, 2)});
    CHECK(parsed("dz3.2").size() == 3);    // the 3 nodes of sample 2
    CHECK(parsed("dz3").size() == 6);      // 3 nodes x 2 samples
    CHECK(parsed("dw3.2.1") == std::vector<HiddenValue>{dw(2, 1, 0)});
    CHECK(parsed("dw3.2").size() == 4);    // row 2 of ∂L/∂W3: 4 columns
    CHECK(parsed("dw3").size() == 12);     // 3 x 4
    CHECK(parsed("db3.2") == std::vector<HiddenValue>{db(2, 1)});
    CHECK(parsed("db3").size() == 3);
    CHECK(parsed("nw1.3.4") == std::vector<HiddenValue>{nw(0, 2, 3)});
    CHECK(parsed("nw1").size() == 12);     // 3 x 4
    CHECK(parsed("nb2.4") == std::vector<HiddenValue>{nb(1, 3)});
    CHECK(parsed("nb2").size() == 4);
    // Repeats collapse; forward and backward items mix.
    CHECK(parsed("dw3.2,dw3.2.1,z1.1.1").size() == 5);
}

TEST_CASE("backward items round-trip through the link text, with wildcards where they fit") {
    for (const char* text : {"dz3.2.3", "dz3.2", "dz3", "dw3.2.1", "dw3.2", "dw3", "db3.2", "db3", "nw1.3.4", "nw1.3", "nw1",
                             "nb2.4", "nb2", "z1.1.1,a1.1.1,dz3,dw3.1.2,db2,nw1.1,nb3.3"}) {
        CAPTURE(text);
        const std::vector<HiddenValue> h = parsed(text);
        const std::string encoded = encode_hidden(h, kYeh, 2);
        CHECK(encoded == text);  // each written in its shortest form, in the order above
        CHECK(parsed(encoded) == h);
        CHECK(check_hidden(h, kYeh, 2, true) == "");
    }
    // Every value of the row: the row's short form; every row: the layer's.
    CHECK(encode_hidden(parsed("dw2.1.1,dw2.1.2,dw2.1.3"), kYeh, 2) == "dw2.1");
    CHECK(encode_hidden(parsed("db1.1,db1.2,db1.3"), kYeh, 2) == "db1");
}

TEST_CASE("backward items: every malformed or out-of-range item is named, and targets are needed") {
    std::vector<HiddenValue> h;
    auto error = [&](const std::string& text, bool targets = true) { return parse_hidden(text, kYeh, 2, targets, &h); };
    CHECK(error("dz1", false) == "hide: \"dz1\" is a value of the backward pass, which needs targets (y)");
    CHECK(error("nw1.1.1", false) == "hide: \"nw1.1.1\" is a value of the backward pass, which needs targets (y)");
    CHECK(error("z1,a1", false) == "");  // forward items need none
    CHECK(error("dq1") == "hide: \"dq1\" must start with z, a, dz, dw, db, nw or nb");
    CHECK(error("d1") == "hide: \"d1\" must start with z, a, dz, dw, db, nw or nb");
    CHECK(error("dz") == "hide: \"dz\" is not dz<layer>[.<sample>[.<node>]]");
    CHECK(error("dw0") == "hide: \"dw0\" is not dw<layer>[.<row>[.<column>]]");
    CHECK(error("nb") == "hide: \"nb\" is not nb<layer>[.<row>]");
    CHECK(error("db3.1.1") == "hide: \"db3.1.1\" has more than layer.row");
    CHECK(error("dw3.1.1.1") == "hide: \"dw3.1.1.1\" has more than layer.row.column");
    CHECK(error("dz3.1.1.1") == "hide: \"dz3.1.1.1\" has more than layer.sample.node");
    CHECK(error("dz4") == "hide: \"dz4\" names layer 4; the network has 3 weight layers");
    CHECK(error("dz3.3") == "hide: \"dz3.3\" names sample 3; there are 2 samples");
    CHECK(error("dz3.1.4") == "hide: \"dz3.1.4\" names node 4; layer 3 has 3 nodes");
    CHECK(error("dw3.4") == "hide: \"dw3.4\" names row 4; layer 3 has 3 nodes");
    CHECK(error("dw3.1.5") == "hide: \"dw3.1.5\" names column 5; layer 2 has 4 nodes");
    CHECK(error("nb2.5") == "hide: \"nb2.5\" names row 5; layer 2 has 4 nodes");
    CHECK(error("dw3.") == "hide: \"dw3.\" ends with a dot");
    // The JSON names the item by its index.
    CHECK(parse_hidden_items({"z1", "dw9"}, kYeh, 2, true, &h) == "hidden[1]: \"dw9\" names layer 9; the network has 3 weight layers");
    // Wildcards are counted before anything is expanded: 1024 x 1024 weights.
    CHECK(parse_hidden("dw1", {1024, 1024, 1}, 1, true, &h) == "hide: more than 65536 hidden values");
}

TEST_CASE("check_hidden: backward values exist and come with targets") {
    CHECK(check_hidden({dz(2, 1, 2), dw(2, 2, 3), db(0, 2), nw(0, 2, 3), nb(2, 2)}, kYeh, 2, true) == "");
    CHECK(check_hidden({dz(2, 1, 2)}, kYeh, 2, false) ==
          "a hidden value of the backward pass needs targets (y): without them there is no backward pass");
    CHECK(check_hidden({dw(2, 2, 4)}, kYeh, 2, true) ==
          "a hidden value of the backward pass refers to a value that does not exist (layer 3, sample 1, node 3, column 5)");
    CHECK(check_hidden({HiddenValue{Q::Db, 0, 0, 0, 1}}, kYeh, 2, true) != "");  // b has no column
    CHECK(check_hidden({HiddenValue{Q::Dw, 0, 1, 0, 0}}, kYeh, 2, true) != "");  // nor W a sample
    CHECK(check_hidden({dz(0, 2, 0)}, kYeh, 2, true) != "");
    CHECK(check_hidden({db(2, 0), dz(2, 0, 0)}, kYeh, 2, true) ==
          "the hidden values are not sorted in the exercise's order without repeats");
}

TEST_CASE("the order a learner computes in: forward, then backward from the output down, then the step") {
    const std::vector<HiddenValue> expected = {
        {Q::Z, 0, 0, 0}, {Q::A, 0, 0, 0}, {Q::Z, 2, 1, 2},  // forward, as before
        dz(2, 0, 1),     dz(2, 1, 0),     dw(2, 0, 3),     dw(2, 1, 0), db(2, 0), db(2, 2),  // the output layer
        dz(1, 0, 0),     dw(1, 3, 2),     db(1, 1),                                       // the layer below
        dz(0, 1, 2),     dw(0, 0, 0),     db(0, 0),                                       // layer 1
        nw(0, 0, 1),     nw(0, 2, 0),     nb(0, 1),                                       // the step, layer 1 up
        nw(2, 0, 0),     nb(2, 0),        nb(2, 2)};
    std::vector<HiddenValue> shuffled = expected;
    std::mt19937 rng(7);
    for (int k = 0; k < 20; ++k) {
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        std::sort(shuffled.begin(), shuffled.end());
        CHECK(shuffled == expected);
    }
    // The forward order is what it was: layer, sample, node, z before a.
    CHECK(HiddenValue{Q::A, 0, 1, 0} < HiddenValue{Q::Z, 1, 0, 0});
    CHECK(HiddenValue{Q::Z, 0, 0, 1} < HiddenValue{Q::A, 0, 1, 0});
    CHECK(HiddenValue{Q::A, 6, 1, 1} < dz(6, 0, 0));
}

TEST_CASE("the true backward values: Tom Yeh's sheet, and the step as Session::step takes it") {
    Session s;
    REQUIRE(s.replace(yeh_backprop_document()) == "");
    const BackwardPass* g = s.gradients();
    REQUIRE(g != nullptr);
    const ExerciseValues values(s.pass(), g, &s.network(), s.document().learning_rate);
    // ∂L/∂b2 = (0, −.2481, −.6597, .4962) and ∂L/∂b1 = (−.2481, −.9078, −.5050), recomputed by hand
    // from the sheet's numbers (neuron 1 of layer 2 is clipped for both samples: its ∂L/∂z2 is 0).
    CHECK(hidden_value(db(1, 0), values) == doctest::Approx(0.0).epsilon(1e-4));
    CHECK(hidden_value(db(1, 1), values) == doctest::Approx(-0.2481).epsilon(1e-3));
    CHECK(hidden_value(db(1, 2), values) == doctest::Approx(-0.6597).epsilon(1e-3));
    CHECK(hidden_value(db(1, 3), values) == doctest::Approx(0.4962).epsilon(1e-3));
    CHECK(hidden_value(db(0, 1), values) == doctest::Approx(-0.9078).epsilon(1e-3));
    CHECK(hidden_value(dz(1, 0, 0), values) == 0.0);
    CHECK(hidden_value(dz(1, 1, 0), values) == 0.0);
    // ∂L/∂b is ∂L/∂z summed over the samples; ∂L/∂W its product with what feeds the layer.
    for (int r = 0; r < 3; ++r) {
        CHECK(hidden_value(db(2, r), values) ==
              doctest::Approx(hidden_value(dz(2, 0, r), values) + hidden_value(dz(2, 1, r), values)));
        const double a0 = s.pass().a[1].at(0, 1), a1 = s.pass().a[1].at(1, 1);
        CHECK(hidden_value(dw(2, r, 1), values) ==
              doctest::Approx(hidden_value(dz(2, 0, r), values) * a0 + hidden_value(dz(2, 1, r), values) * a1));
    }
    // The new W and b are what one step of gradient descent gives.
    Session stepped;
    REQUIRE(stepped.replace(yeh_backprop_document()) == "");
    REQUIRE(stepped.step(1) == "");
    for (int l = 0; l < 3; ++l)
        for (int r = 0; r < kYeh[l + 1]; ++r) {
            CHECK(hidden_value(nb(l, r), values) == stepped.network().biases[l][r]);
            for (int c = 0; c < kYeh[l]; ++c) CHECK(hidden_value(nw(l, r, c), values) == stepped.network().weights[l].at(r, c));
        }
    // Without gradients nothing backward can be known (no answer matches NaN).
    CHECK(std::isnan(hidden_value(dz(2, 0, 0), ExerciseValues(s.pass()))));
    CHECK(hidden_value(HiddenValue{Q::Z, 2, 0, 0}, ExerciseValues(s.pass())) == -3.0);  // z3 of x1 = (−3, 2, 2)
}

TEST_CASE("links and JSON: backward items need y; old links are written as before") {
    const std::string yeh = encode_link(yeh_backprop_document());
    DecodeResult opened = decode_link(yeh + "&hide=dz3.1,dw3.2.1,nb1");
    REQUIRE(opened.ok());
    CHECK(opened.document.hidden.size() == 3 + 1 + 3);
    CHECK(encode_link(opened.document).find("hide=dz3.1,dw3.2.1,nb1") != std::string::npos);
    // No targets: refused, naming the item.
    CHECK(decode_link("#v=1&shape=2,1&w1=1,1&hide=dz1").error ==
          "hide: \"dz1\" is a value of the backward pass, which needs targets (y)");
    CHECK(decode_link("#v=1&shape=2,1&w1=1,1&y=1&hide=dz1").ok());
}

TEST_CASE("edits keep backward values where they still are; removing targets drops them") {
    Document doc = yeh_backprop_document();
    doc.hidden = {dz(2, 1, 0), dw(2, 0, 3), db(2, 0), nw(0, 2, 3)};
    Document fewer = doc;
    REQUIRE(remove_sample(&fewer, 0) == "");
    // ∂L/∂W, ∂L/∂b and the new W are sums over the samples: they stay; ∂L/∂z of x2 is now x1's.
    CHECK(fewer.hidden == std::vector<HiddenValue>{dz(2, 0, 0), dw(2, 0, 3), db(2, 0), nw(0, 2, 3)});
    Document narrower = doc;
    REQUIRE(resize_layer(&narrower, 2, 3, NewWeights{}) == "");  // layer 2: 4 nodes → 3, W3 loses column 4
    CHECK(narrower.hidden == std::vector<HiddenValue>{dz(2, 1, 0), db(2, 0), nw(0, 2, 3)});
    CHECK(validate(narrower) == "");
    std::vector<HiddenValue> h = doc.hidden;
    h.push_back({Q::Z, 0, 0, 0});
    drop_backward(&h);
    CHECK(h == std::vector<HiddenValue>{{Q::Z, 0, 0, 0}});
}

TEST_CASE("exercise mode over backward values: answers, Check, Reveal step after the forward values") {
    Session session;
    REQUIRE(session.replace(yeh_backprop_document()) == "");
    const HiddenValue fz{Q::Z, 2, 0, 0};  // z3[1] of x1 = −3
    const HiddenValue d = dz(2, 0, 0), w = dw(2, 1, 0), b = nb(0, 0);
    REQUIRE(session.set_hidden({b, w, d, fz}) == "");
    CHECK(session.hidden() == std::vector<HiddenValue>{fz, d, w, b});
    app::ViewState view;
    app::update_exercise(session, view);
    app::ExerciseView& ex = view.exercise;
    REQUIRE(ex.on);
    const ExerciseValues values = app::exercise_values(session);
    REQUIRE(values.backward != nullptr);
    const double truth_d = hidden_value(d, values);
    // A right answer for ∂L/∂z3[1] of x1 (rounded to the second decimal, as by hand), a wrong one
    // for ∂L/∂W3[2,1].
    char right[32];
    std::snprintf(right, sizeof right, "%.2f", truth_d);
    ex.typing = {true, false, d, right};
    REQUIRE(app::end_typing(session, ex));
    ex.typing = {true, false, w, "123"};
    REQUIRE(app::end_typing(session, ex));
    app::check_sheet(session, ex);
    CHECK(ex.sheet.mark(d) == ExerciseSheet::Mark::Right);
    CHECK(ex.sheet.mark(w) == ExerciseSheet::Mark::Wrong);
    CHECK(app::exercise_status(session, view) == "1 of 4 right \xC2\xB7 1 wrong");
    // Reveal step: z3[1] first (forward), then ∂L/∂z (right: marked, skipped), ∂L/∂W, the new b.
    app::reveal_step(session, view);
    CHECK(ex.revealed_last == fz);
    app::reveal_step(session, view);
    CHECK(ex.revealed_last == w);
    CHECK(ex.reveal_text.rfind("Step 3 of 4:  \xE2\x88\x82L/\xE2\x88\x82W3[2,1] = ", 0) == 0);
    app::reveal_step(session, view);
    CHECK(ex.revealed_last == b);
    CHECK(ex.reveal_text.find("new b1[1] = 1 \xE2\x88\x92 0.03\xC2\xB7") != std::string::npos);
    CHECK(ex.sheet.next_to_reveal(session.hidden(), app::exercise_values(session)) == nullptr);
    CHECK_FALSE(ex.sheet.revealed(d));
    // Names and hints.
    CHECK(app::person_name(session, d) == "\xE2\x88\x82L/\xE2\x88\x82z3[1] of x1");
    CHECK(app::person_name(session, w) == "\xE2\x88\x82L/\xE2\x88\x82W3[2,1]");
    CHECK(app::answer_hint(session, db(2, 1)) ==
          "\xE2\x88\x82L/\xE2\x88\x82" "b3[2] = \xE2\x88\x91 over the samples of \xE2\x88\x82L/\xE2\x88\x82z3[2]");
    CHECK(notation::value(w) == "dw3[2,1]");
    CHECK(notation::value(d) == "dz3[1].x1");
    CHECK(notation::value(b) == "newb1[1]");
    // The Tab order: forward cards, then the backward cards from the output down, then the step.
    CHECK(app::before_in_tab_order(fz, d));
    CHECK(app::before_in_tab_order(d, w));
    CHECK(app::before_in_tab_order(dz(2, 1, 2), dz(1, 0, 0)));
    CHECK(app::before_in_tab_order(db(0, 0), b));
    // Hiding a whole forward layer leaves the backward values of that layer alone.
    app::toggle_whole_layer(session, 2);
    CHECK(std::count_if(session.hidden().begin(), session.hidden().end(), [](const HiddenValue& h) { return h.is_backward(); }) == 3);
}

TEST_CASE("a click on a node whose δ is hidden focuses its answer field") {
    Session session;
    REQUIRE(session.replace(yeh_backprop_document()) == "");
    REQUIRE(session.set_hidden({dz(1, 0, 2)}) == "");
    app::ViewState view;
    app::update_exercise(session, view);
    view.exercise.focus_pending = false;
    CHECK_FALSE(app::focus_answer_of_node(session, view, 2, 1));  // nothing of node 2.2 is hidden
    CHECK(app::focus_answer_of_node(session, view, 2, 2));
    CHECK(view.exercise.focus == dz(1, 0, 2));
    CHECK(app::focus_is_in_layer(view, 1, /*backward=*/true));
    CHECK_FALSE(app::focus_is_in_layer(view, 1));  // not the forward card of layer 2
}
