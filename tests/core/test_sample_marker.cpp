// Where the worksheet's sample lies on the Data panel's plot (sample_marker.h) and what the page's
// text form says of it (the "plot" of status_json when the keyboard's cross-hair is not in use).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app/sample_marker.h"
#include "app/text_alternative.h"
#include "core/document/session.h"
#include "core/formats/link_codec.h"

using namespace app;
using json = nlohmann::json;

namespace {

// A session opened from `link`, which must be valid.
mlp::Session opened(const std::string& link) {
    mlp::Session session;
    mlp::DecodeResult decoded = mlp::decode_link(link);
    REQUIRE(decoded.ok());
    REQUIRE(session.replace(std::move(decoded.document)) == "");
    return session;
}

const char* const kMinus = "\xE2\x88\x92";  // U+2212, as the page writes a negative number

}  // namespace

TEST_CASE("the sample marker: at the sample's x1 and x2, within the plot; nothing without a data set") {
    mlp::Session session = opened("#v=1&shape=2,1&w1=1,1&x=0.5,-1.2;9,0&data=circle");
    SampleMarker m = sample_marker(session, 0);
    CHECK(m.shown);
    CHECK(m.sample == 0);
    CHECK(m.x1 == 0.5);
    CHECK(m.x2 == -1.2);
    CHECK(sample_marker_label(m) == std::string("sample 1 at (0.5, ") + kMinus + "1.2)");
    CHECK(sample_marker_text(session, 0) ==
          std::string("The plot marks the worksheet's sample 1 at (0.5, ") + kMinus + "1.2).");
    // Sample 2 lies beyond the plot's square (x1 and x2 from -6 to 6): not drawn on its edge.
    m = sample_marker(session, 1);
    CHECK_FALSE(m.shown);
    CHECK(m.x1 == 9);
    CHECK(sample_marker_text(session, 1) ==
          std::string("The worksheet's sample 2 at (9, 0) is outside the plot (x1 and x2 from ") + kMinus + "6 to 6).");
    // The edge itself is in the plot.
    mlp::Document doc = session.document();
    doc.inputs.at(1, 0) = 6;
    doc.inputs.at(1, 1) = -6;
    REQUIRE(session.replace(doc) == "");
    CHECK(sample_marker(session, 1).shown);
    CHECK(sample_marker(session, 2).shown == false);  // no such sample
    CHECK(sample_marker_text(session, 2) == "");

    mlp::Session no_data = opened("#v=1&shape=2,1&w1=1,1&x=0.5,-1.2");
    CHECK_FALSE(sample_marker(no_data, 0).shown);
    CHECK(sample_marker_text(no_data, 0) == "");
}

TEST_CASE("the sample marker with other features: x1 and x2 are the first inputs when both are on; else none") {
    // x1, x2 and x1² as inputs: the sample is at its first two.
    mlp::Session session = opened("#v=1&shape=3,1&w1=1,1,1&x=2,-3,4&data=circle&features=x1,x2,x1sq");
    SampleMarker m = sample_marker(session, 0);
    CHECK(m.shown);
    CHECK(m.x1 == 2);
    CHECK(m.x2 == -3);
    // x1² and x2² alone do not give back one point (x1² = 4 is x1 = 2 or -2): not marked.
    mlp::Session squares = opened("#v=1&shape=2,1&w1=1,1&x=4,9&data=circle&features=x1sq,x2sq");
    CHECK_FALSE(sample_marker(squares, 0).shown);
    CHECK(sample_marker_text(squares, 0) ==
          "The worksheet's sample 1 is not on the plot: the network's inputs are x1\xC2\xB2, x2\xC2\xB2, not both x1 and x2.");
    mlp::Session one = opened("#v=1&shape=2,1&w1=1,1&x=4,9&data=circle&features=x1,sin2");
    CHECK_FALSE(sample_marker(one, 0).shown);
}

TEST_CASE("the page's text form: the marker's line names the sample shown; the cross-hair has its own") {
    mlp::Session session = opened("#v=1&shape=2,1&w1=1,1&x=0.5,-1.2;3,4&data=circle");
    ViewState view;
    json status = json::parse(status_json(session, view, ""));
    CHECK(status["marker"] == std::string("The plot marks the worksheet's sample 1 at (0.5, ") + kMinus + "1.2).");
    CHECK(status["plot"] == "");
    view.sample = 1;
    status = json::parse(status_json(session, view, "", "Cross-hair at x1 = 0, x2 = 0. No point within reach."));
    CHECK(status["marker"] == "The plot marks the worksheet's sample 2 at (3, 4).");
    CHECK(status["plot"] == "Cross-hair at x1 = 0, x2 = 0. No point within reach.");
}
