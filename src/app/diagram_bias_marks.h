// The biases in the diagram, when they are shown (ViewState::show_biases): a small tag "b −1"
// at the lower right of each node of every layer after the inputs, in the sign's colour (muted
// for 0), on a ground that keeps it readable over the lines. Columns too dense for numbers in
// their circles get no tags; the node's tooltip still writes "+ b" in its dot product.
#pragma once

#include "app/ui_probe.h"
#include "core/diagram_geometry.h"
#include "core/session.h"

struct ImDrawList;

namespace app {

// ui(): "bias:3.2" for the tag of node 2 of layer 3, with the text it shows.
void draw_bias_marks(const mlp::Session& session, const mlp::DiagramGeometry& geo, ImDrawList* list, UiProbe& probe);

}  // namespace app
