// Opening text as the page does (load(text), a link at start-up or on hashchange), and when the
// page writes the link into the address bar.
#include <doctest/doctest.h>

#include <string>

#include "core/document/architecture.h"
#include "core/document/default_network.h"
#include "core/document/document_edit.h"
#include "core/document/document_loader.h"
#include "core/document/preset_choice.h"
#include "core/formats/file_import.h"
#include "core/formats/link_throttle.h"
#include "core/formats/state_json.h"

using namespace mlp;

namespace {
const char* const kSmallLink = "v=1&shape=2,1&x=1,1&w1=3,-1";
}

TEST_CASE("load(text) tells JSON from a link by its first character") {
    CHECK(looks_like_json("{\"format\": \"mlp-explorer/1\"}"));
    CHECK(looks_like_json(" \n\t{"));
    CHECK_FALSE(looks_like_json("#v=1&shape=2,1"));
    CHECK_FALSE(looks_like_json("v=1&shape=2,1"));
    CHECK_FALSE(looks_like_json(""));
    CHECK_FALSE(looks_like_json("[{}]"));

    CHECK(decode_document_text(document_json(exercise_document())).document == exercise_document());
    Document small = decode_document_text(kSmallLink).document;
    CHECK(small.network.weights[0].values == std::vector<double>{3, -1});
    CHECK(decode_document_text(std::string("#") + kSmallLink).document == small);
    CHECK(decode_document_text(std::string("  #") + kSmallLink + "\n").document == small);
    // A whole address pasted from the address bar: its fragment is read.
    CHECK(decode_document_text(std::string("http://127.0.0.1:8080/#") + kSmallLink).document == small);
    CHECK(decode_document_text(std::string("https://example.org/mlp/index.html?x=1#") + kSmallLink).document == small);
    // JSON errors and link errors keep their own wording.
    CHECK(decode_document_text("{").error.find("JSON syntax error") == 0);
    CHECK(decode_document_text("v=2").error == "v: version 2 is not supported (this page reads version 1)");
}

TEST_CASE("an address without a fragment means the exercise") {
    CHECK(decode_address_fragment("").document == exercise_document());
    CHECK(decode_address_fragment("#").document == exercise_document());
    CHECK(decode_address_fragment(std::string("#") + kSmallLink).document.network.shape == std::vector<int>{2, 1});
    CHECK(decode_address_fragment("#zoom=2").error == "missing v (the format version: v=1)");
}

TEST_CASE("a refused text keeps the document and reports; a good one replaces it") {
    Session session;
    CHECK(open_decoded(&session, decode_document_text("v=1&shape=2,1&w1=1,2,3")) == false);
    CHECK(session.error() == "w1: row 1 has 3 numbers; expected 2 (layer 0 has 2 nodes)");
    CHECK(session.document() == exercise_document());

    CHECK(open_decoded(&session, decode_document_text(std::string(kSmallLink) + "&zoom=3")));
    CHECK(session.error() == "");
    CHECK(session.warnings() == std::vector<std::string>{"unknown key \"zoom\" ignored"});
    CHECK(session.link() == kSmallLink);
    CHECK(session.pass().a[0].at(0, 0) == 2.0);

    // A later refusal keeps the document on screen and says so; the warnings were about the
    // link before, not this one, and go.
    CHECK_FALSE(open_decoded(&session, decode_document_text("{}")));
    CHECK(session.error() == "missing format (expected \"format\": \"mlp-explorer/1\")");
    CHECK(session.error_note() == "The network shown is the one from before.");
    CHECK(session.warnings().empty());
    CHECK(session.link() == kSmallLink);

    // Loading is undoable, back to the exercise.
    CHECK(session.undo());
    CHECK(session.document() == exercise_document());
}

TEST_CASE("messages belong to their link: another link, a file, a preset or an undo takes them away") {
    Session session;
    // The page's first link, refused: the exercise is shown instead, and the note says so.
    CHECK_FALSE(open_decoded(&session, decode_link("v=9"), /*undoable=*/false));
    CHECK(session.error_note() == "The page shows the exercise instead.");
    const uint64_t shown = session.message_revision();
    // The same refusal again is a new message (the page announces it again).
    CHECK_FALSE(open_decoded(&session, decode_link("v=9")));
    CHECK(session.message_revision() > shown);
    CHECK(session.error_note() == "The network shown is the one from before.");

    // A link with warnings; then a preset: its warnings go with it.
    REQUIRE(open_decoded(&session, decode_link(std::string(kSmallLink) + "&zoom=3")));
    CHECK(session.error().empty());
    CHECK(session.error_note().empty());
    CHECK(session.warnings().size() == 1);
    open_preset(&session, Preset::Xor);
    CHECK(session.warnings().empty());
    // Another link with warnings, then one without: only the last one's.
    REQUIRE(open_decoded(&session, decode_link(std::string(kSmallLink) + "&zoom=3&theme=dark")));
    CHECK(session.warnings().size() == 2);
    REQUIRE(open_decoded(&session, decode_link(kSmallLink)));
    CHECK(session.warnings().empty());
    // Undoing back to the link with warnings does not bring back a banner about it; a shape edit
    // and Reset keep the link's warnings (it is still the link the network was opened from).
    REQUIRE(open_decoded(&session, decode_link(std::string(kSmallLink) + "&zoom=3")));
    REQUIRE(edit_document(&session, [](Document* d) { return add_sample(d, -1); }));
    CHECK(session.warnings().size() == 1);
    CHECK(session.reset());
    CHECK(session.warnings().size() == 1);
    REQUIRE(session.undo());  // Reset
    REQUIRE(session.undo());  // the sample
    REQUIRE(session.undo());  // the link
    CHECK(session.warnings().empty());
    // A refused file and a refused random preset: refusals that keep the network, and say so.
    REQUIRE(open_decoded(&session, decode_link(std::string(kSmallLink) + "&zoom=3")));
    CHECK_FALSE(open_file(&session, "net.json", "not json"));
    CHECK(session.error_note() == "The network shown is the one from before.");
    CHECK(session.warnings().empty());
    CHECK_FALSE(open_random_preset(&session, "4,0,2", "1", false));
    CHECK(session.error_note() == "The network shown is the one from before.");
    // A refused edit says the network is unchanged.
    CHECK_FALSE(edit_document(&session, [](Document* d) { return remove_sample(d, 0); }));
    CHECK(session.error_note() == "The network is unchanged.");
    session.dismiss_error();
    CHECK(session.error_note().empty());
}

TEST_CASE("the address bar gets the link at most every 250 ms while edits go on, and after they stop") {
    LinkThrottle throttle;  // 250 ms
    throttle.shown(1);      // the page opened on revision 1
    CHECK_FALSE(throttle.due(1, 0));
    // A drag: a new revision every frame (16 ms).
    int writes = 0;
    uint64_t revision = 1;
    double t = 1000;
    for (int frame = 0; frame < 60; ++frame, t += 16) {
        ++revision;
        if (throttle.due(revision, t)) {
            throttle.written(revision, t);
            ++writes;
        }
    }
    // The first edit at once, then one write per 250 ms: frames at 1000, 1256, 1512, 1768.
    CHECK(writes == 4);
    // The drag stops: the last revision is written once the interval has passed, not before,
    // and an idle page knows how long to sleep until then.
    CHECK_FALSE(throttle.due(revision, t));
    CHECK(throttle.due_in_ms(revision, t) == doctest::Approx(1768 + 250 - t));
    CHECK(throttle.due(revision, 1768 + 250));
    CHECK(throttle.due_in_ms(revision, 1768 + 250) == 0);
    throttle.written(revision, 1768 + 250);
    CHECK_FALSE(throttle.due(revision, 5000));
    CHECK(throttle.due_in_ms(revision, 5000) == -1);  // shown: nothing to wake for
    // The user changed the fragment: shown, nothing to write.
    throttle.shown(revision + 1);
    CHECK_FALSE(throttle.due(revision + 1, 9000));
}

TEST_CASE("while a run trains, the address bar is written only while writes are cheap; at the run's end it is") {
    // A million weights: the steps of a run come 300 ms apart, longer than an interval, and a
    // write takes 240 ms. Not one is written while the run lasts, however long.
    LinkThrottle big;
    big.written(1, 0, 240);
    uint64_t revision = 1;
    double t = 20000;
    for (; t < 80000; t += 300) CHECK_FALSE(big.due(++revision, t, true));
    CHECK_FALSE(big.due(revision, t + 1000, true));
    // Pause: one interval after the run's last step, as after a drag.
    CHECK_FALSE(big.due(++revision, t, false));
    CHECK(big.due(revision, t + 250, false));
    // A page that has not written yet does not know what a write costs: it waits too.
    LinkThrottle fresh;
    fresh.shown(1);
    CHECK_FALSE(fresh.due(2, 0, true));
    CHECK_FALSE(fresh.due(3, 5000, true));
    CHECK(fresh.due(3, 5016, false));
    // Cheap writes go on during a run as during a drag: every interval.
    LinkThrottle small;
    small.written(1, 0, 0.3);
    CHECK(small.due(2, 250, true));
    small.written(2, 250, 0.3);
    CHECK_FALSE(small.due(3, 400, true));
    CHECK(small.due(3, 500, true));
}

TEST_CASE("a costly address-bar write waits 50 times its cost, and for the edits to pause") {
    LinkThrottle throttle;
    throttle.shown(1);
    // A 600 kB link: its replaceState took 120 ms. A drag goes on (a revision every 16 ms) for
    // 10 s: nothing is written while it lasts, though 6 s have passed since the write.
    throttle.written(2, 1000, 120);
    uint64_t revision = 2;
    double t = 1000;
    for (; t < 11000; t += 16) CHECK_FALSE(throttle.due(++revision, t));
    // The drag stops: the last revision is written one interval later.
    CHECK_FALSE(throttle.due(revision, t + 200));
    CHECK(throttle.due_in_ms(revision, t + 200) == doctest::Approx(34));  // the last edit was at t - 16
    CHECK(throttle.due(revision, t + 250));
    // Single edits 300 ms apart (arrow keys): each would pause long enough, but a write waits
    // 50 x 120 ms = 6 s after the last.
    throttle.written(revision, 20000, 120);
    CHECK_FALSE(throttle.due(++revision, 20300));
    CHECK_FALSE(throttle.due(revision, 20600));
    CHECK(throttle.due_in_ms(revision, 20600) == doctest::Approx(5400));
    CHECK(throttle.due(revision, 26000));
    // A cheap write brings back the 250 ms interval and writing while edits go on.
    throttle.written(revision, 30000, 0.2);
    CHECK_FALSE(throttle.due(++revision, 30249));
    CHECK(throttle.due(++revision, 30250));
}
