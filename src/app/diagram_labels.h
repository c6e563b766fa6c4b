// The diagram's labels: each node's number (in its circle, or beside it when it does not fit),
// the worksheet's mark of a ReLU clip ("−5 → 0", the −5 struck through) and, when the biases are
// shown (ViewState::show_biases), a tag "b −1" per node in the sign's colour. They make way for
// each other (core/diagram/label_layout.h): each takes the first free place of its own, in that order of
// importance, or is left out when a column is too crowded (the node's tooltip still says it all).
// Drawn on ImGui's background draw list, under the panels, with a ground where they cross lines.
#pragma once

#include <vector>

#include "app/exercise_state.h"
#include "app/palette.h"
#include "app/ui_probe.h"
#include "app/view_state.h"
#include "core/diagram/diagram_geometry.h"
#include "core/document/session.h"

struct ImDrawList;

namespace app {

// ui(): "label:3.2" (the number of node 2 of layer 3, with the text it shows), "clip:3.2" (its
// clip mark) and "bias:3.2" (its bias tag), each where it was drawn. `taken`: boxes drawn in
// already (the nodes' pictures, node_pictures.h) that no label may cover.
void draw_diagram_labels(const mlp::Session& session, const ViewState& view, const mlp::DiagramGeometry& geo,
                         ImDrawList* list, UiProbe& probe, const std::vector<mlp::Box>& taken = {});

// The colour a hidden node's label is written in (exercise_state.h hidden_node_label): ink for
// "?", muted for an answer not checked, blue or vermillion once Check marked it.
Colour answer_colour(AnswerTone tone);

}  // namespace app
