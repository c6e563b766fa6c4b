// Where the worksheet's sample lies on the Data panel's plot, and how the page's text form says
// it. No ImGui here: the panel draws the marker (data_panel.cpp), this decides where and whether.
//
// The plot's axes are the data set's two raw coordinates, x1 and x2; the network's inputs are its
// features (data_settings.h: x1, x2, x1², x2², x1·x2, sin x1, sin x2, in that order). The sample
// is marked when the features hold x1 and x2 themselves (then they are its first two inputs, as
// the user sees and edits them); features such as x1² alone do not give back one point (x1² = 4
// is x1 = 2 or −2), so a sample without both is not marked, and the text says why. A sample
// outside the plot's square is not marked either (it would sit on the edge, where it is not).
#pragma once

#include <string>

namespace mlp {
class Session;
}

namespace app {

struct SampleMarker {
    bool shown = false;   // drawn on the plot: a data set, x1 and x2 among the features, within the plot
    int sample = 0;       // 0-based, as ViewState::sample
    double x1 = 0, x2 = 0;  // where (when the features hold x1 and x2)
};

// The marker of sample `sample` (0-based) of the session's document.
SampleMarker sample_marker(const mlp::Session& session, int sample);

// For the page's text form (the "plot" of text_alternative.h's status_json), "" without a data set:
// "The plot marks the worksheet's sample 1 at (0.5, −1.2)."
// "The worksheet's sample 1 at (9, 0) is outside the plot (x1 and x2 from −6 to 6)."
// "The worksheet's sample 1 is not on the plot: the network's inputs are x1², x2², not both x1
//  and x2."
std::string sample_marker_text(const mlp::Session& session, int sample);

// What the UI probe's "marker:sample" says: "sample 1 at (0.5, −1.2)".
std::string sample_marker_label(const SampleMarker& marker);

}  // namespace app
