// The canvas as text, for screen readers (web/page.js builds it into the page with DOM calls):
// the network in one line, the outputs of every sample (and the loss, with targets),
// exercise mode's score and the computation Reveal wrote out, and the worksheet as tables a
// screen reader can walk (one for the inputs, one per layer: row = node, columns = its weights,
// bias, z and a of every sample; with targets, the backward cards of backward_sheet.h). Values read as the worksheet shows them: a value exercise mode
// hides is "?".
//
// No ImGui here (and nothing of the page): the same text could be tested natively.
#pragma once

#include <cstdint>
#include <string>

#include "app/view_state.h"
#include "core/document/session.h"

namespace app {

// The table holds at most this many rows (nodes, or samples for the inputs) per layer, and the
// samples as columns while there are at most kMaxTableSamples of them (else the one shown in the
// diagram); the rest is said in the table's note. W's columns follow the worksheet's cards.
constexpr int kMaxTableRows = 64;
constexpr int kMaxTableSamples = 16;

// What the tables show depends on these only: when one moves, the page asks for them again.
struct SheetKey {
    uint64_t revision = 0;  // the session's: every value and shape change
    int sample = 0;
    bool show_biases = false;
    bool exercise_on = false, exercise_editing = false;
    uint64_t mask_version = 0;  // a reveal, Edit sheet on or off

    bool operator==(const SheetKey& o) const;
    bool operator!=(const SheetKey& o) const { return !(*this == o); }
};
SheetKey sheet_key(const mlp::Session& session, const ViewState& view);

// {"tables": [{"caption": "…", "head": ["node", …], "rows": [["node 1", "0", …], …],
// "note": "…"}, …]}. The first cell of each row is its header.
std::string sheet_json(const mlp::Session& session, const ViewState& view);

// {"network": "8 layers: 3 → 5 → … → 1", "outputs": "Outputs: x1: y = −4; x2: y = −18",
//  "loss": "", "exercise": "…", "view": "…", "training": "…", "plot": "…", "marker": "…"}.
//  exercise: what exercise mode's bar says ("" when it is off); view: view_text; training:
//  training_text.h's training_status_text of `metrics` (the Data panel's shown ones; null: the
//  session's); plot: the Data panel's cross-hair while the keyboard moves it (training_text.h's
//  plot_cursor_text), else ""; marker: where the sample shown lies on the plot (sample_marker.h's
//  sample_marker_text; "" without a data set). The page says the cross-hair while there is one,
//  else the marker.
std::string status_json(const mlp::Session& session, const ViewState& view, const std::string& exercise,
                        const std::string& plot = {}, const mlp::TrainingMetrics* metrics = nullptr);

// Which view the diagram shows, with targets ("" without: there is only one): "The diagram shows
// the gradients: lines by ∂L/∂w (summed over the samples), nodes by δ = ∂L/∂z of the sample shown."
// Then, when the diagram draws its nodes' pictures (view.node_pictures), that it does: a picture
// is not text, so the text form says where it is, not what is in it.
std::string view_text(const mlp::Session& session, const ViewState& view);

// "Outputs: x1: y = −4; x2: y = −18" (at most 8 samples and 8 outputs each, then "…").
std::string outputs_text(const mlp::Session& session, const ViewState& view);

}  // namespace app
