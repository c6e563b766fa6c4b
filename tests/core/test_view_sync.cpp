// The view kept valid for the document shown (app/view_sync.h), as the App runs it once a frame:
// after another document or a change of shape, the sample shown, the selection and the biases'
// switch follow the document, and the user's choices stay otherwise.
#include <doctest/doctest.h>

#include "app/view_sync.h"
#include "core/document/architecture.h"
#include "core/document/document_edit.h"
#include "core/document/presets.h"
#include "core/document/session.h"

using namespace app;

TEST_CASE("view sync: the sample shown stays within the samples, a selection that points nowhere goes") {
    mlp::Session session;  // the exercise: two samples, layers 3,5,2,3,2,2,2,1
    ViewState view;
    ViewSync sync;
    sync.follow(session, view);
    view.sample = 1;
    view.selected = Selection::edge(6, 0, 1);     // W7[1,2]
    view.hovered = Selection::node(7, 0);         // the output
    view.scroll_to_selected = true;
    sync.follow(session, view);                   // nothing changed: all kept
    CHECK(view.sample == 1);
    CHECK(view.selected == Selection::edge(6, 0, 1));

    REQUIRE(session.start_from(mlp::xor_document(), "XOR") == "");  // four samples, 2,2,1
    sync.follow(session, view);
    CHECK(view.sample == 1);                       // still a sample of XOR
    CHECK(view.selected.is_none());                // W7 is gone
    CHECK_FALSE(view.scroll_to_selected);
    CHECK(view.hovered.is_none());

    view.sample = 3;
    view.selected = Selection::node(1, 1);
    REQUIRE(mlp::edit_document(&session, [](mlp::Document* d) { return mlp::remove_sample(d, 3); }));
    sync.follow(session, view);
    CHECK(view.sample == 2);                       // the last sample left
    CHECK(view.selected == Selection::node(1, 1));  // still in the network
}

TEST_CASE("view sync: biases are shown when a document has some, and the user's choice is kept otherwise") {
    mlp::Session session;
    ViewState view;
    ViewSync sync;
    sync.follow(session, view);
    CHECK_FALSE(view.show_biases);  // the exercise has none
    REQUIRE(session.start_from(mlp::xor_document(), "XOR") == "");  // b1 = 0,-1
    CHECK(has_nonzero_bias(session.network()));
    sync.follow(session, view);
    CHECK(view.show_biases);
    view.show_biases = false;  // the user hides them: kept until the shape changes again
    sync.follow(session, view);
    CHECK_FALSE(view.show_biases);
}

TEST_CASE("view sync: the sliders' steps follow the network opened") {
    mlp::Session session;
    ViewState view;
    ViewSync sync;
    sync.follow(session, view);
    CHECK(view.integer_steps);  // the exercise's integers
    mlp::Document fractions = session.document();
    fractions.network.weights[0].at(0, 0) = 0.25;
    REQUIRE(session.start_from(fractions, "fractions") == "");
    sync.follow(session, view);
    CHECK_FALSE(view.integer_steps);
}
