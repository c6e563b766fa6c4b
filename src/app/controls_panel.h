// The controls panel: the Network section (network_panel.h), then sliders for every input value
// of every sample and every weight, one section per weight layer laid out as W itself (row i =
// the weights into node i, with the node's bias b in a last column when biases are shown), headed
// by the layer's activation. Sections
// with many sliders show one node's incoming weights at a time (a node picker) and clip the
// list, so a network at the limits costs a few dozen widgets per frame, not a million.
#pragma once

#include <cstdint>
#include <vector>

#include "app/learning_panel.h"
#include "app/network_panel.h"
#include "app/ui_probe.h"
#include "app/value_slider.h"
#include "app/view_state.h"
#include "core/document/session.h"
#include "core/formats/typed_number.h"

namespace app {

// Sections with more sliders than this show one node's incoming weights (or one sample's
// inputs) instead of the whole matrix.
constexpr int kMaxMatrixSliders = 64;

class ControlsPanel {
public:
    // Draws the sections into the current window, which scrolls them. Edits go through the
    // session at once, so everything drawn after this in the frame shows the new values.
    // touch: sliders sized and behaving for fingers (value_slider.h).
    void draw(mlp::Session& session, ViewState& view, UiProbe& probe, bool touch);

private:
    void sync_with(const mlp::Session& session, const ViewState& view);
    void draw_inputs(mlp::Session& session, ViewState& view, UiProbe& probe);
    void draw_layer(int l, mlp::Session& session, ViewState& view, UiProbe& probe);
    void draw_weight_matrix(int l, mlp::Session& session, ViewState& view, UiProbe& probe);
    void draw_node_weights(int l, mlp::Session& session, ViewState& view, UiProbe& probe);
    // One slider, its probe rectangle and its tooltip; brings itself into view when it belongs
    // to the selection and the panel was asked to (and clears the request).
    void weight_slider(int l, int i, int j, float width, mlp::Session& session, ViewState& view, UiProbe& probe);
    void input_slider(int s, int j, float width, mlp::Session& session, ViewState& view, UiProbe& probe);
    void bias_slider(int l, int i, float width, mlp::Session& session, ViewState& view, UiProbe& probe);
    // value_slider, with a refused typed value said in the page's banner (typed_message_).
    bool slider(const char* name, double* v, const ValueSliderOptions& o, mlp::Session& session);
    // Widens the section's range when v lies outside it (a typed value, a loaded document).
    double bound_for(int section, double v);

    // [0]: the inputs; [l + 1]: weight layer l. Symmetric bounds, widened as needed, reset when
    // another document is loaded.
    std::vector<double> bounds_;
    // [l]: the node of layer l+1 whose incoming weights a large weight layer shows.
    std::vector<int> picked_;
    NetworkPanel network_;  // the section at the head: shape, layers, samples, biases switch
    LearningPanel learning_;  // the Targets section, after the inputs
    uint64_t structure_seen_ = 0;
    bool touch_ = false;
    Selection selection_seen_;
    mlp::FieldMessage typed_message_;  // the last value typed into a slider and refused
};

}  // namespace app
