#include "app/sample_marker.h"

#include <cmath>

#include "app/plane_image.h"
#include "app/training_text.h"
#include "core/document/session.h"
#include "core/text/number_format.h"
#include "core/training/data_settings.h"

namespace app {

namespace {

bool has_x1_and_x2(uint32_t features) {
    return (features & mlp::kFeatureX1) && (features & mlp::kFeatureX2);
}

std::string at_text(double x1, double x2) {
    return "(" + mlp::format_value(x1) + ", " + mlp::format_value(x2) + ")";
}

}  // namespace

SampleMarker sample_marker(const mlp::Session& session, int sample) {
    SampleMarker m;
    m.sample = sample;
    const mlp::Document& doc = session.document();
    if (!session.data_set() || !has_x1_and_x2(doc.data.features)) return m;
    if (sample < 0 || sample >= doc.inputs.rows || doc.inputs.cols < 2) return m;
    // x1 and x2 are the first two features when both are on (data_settings.h's order).
    m.x1 = doc.inputs.at(sample, 0);
    m.x2 = doc.inputs.at(sample, 1);
    m.shown = std::fabs(m.x1) <= kPlaneExtent && std::fabs(m.x2) <= kPlaneExtent;
    return m;
}

std::string sample_marker_label(const SampleMarker& marker) {
    return "sample " + std::to_string(marker.sample + 1) + " at " + at_text(marker.x1, marker.x2);
}

std::string sample_marker_text(const mlp::Session& session, int sample) {
    const mlp::Document& doc = session.document();
    if (!session.data_set() || sample < 0 || sample >= doc.inputs.rows) return "";
    const SampleMarker m = sample_marker(session, sample);
    if (m.shown) return "The plot marks the worksheet's " + sample_marker_label(m) + ".";
    const std::string name = "The worksheet's sample " + std::to_string(sample + 1);
    if (has_x1_and_x2(doc.data.features))
        return name + " at " + at_text(m.x1, m.x2) + " is outside the plot (x1 and x2 from " +
               mlp::format_value(-kPlaneExtent) + " to " + mlp::format_value(kPlaneExtent) + ").";
    std::string features;
    for (int k = 0; k < mlp::kFeatureCount; ++k)
        if (doc.data.features & (1u << k)) features += (features.empty() ? "" : ", ") + std::string(feature_label(k));
    return name + " is not on the plot: the network's inputs are " + features + ", not both x1 and x2.";
}

}  // namespace app
