// Numbers and names as the worksheet writes them, shared by the sliders and the breakdown:
// negatives on an orange ground (palette.h), a ReLU-clipped value crossed out and replaced
// ("−5 → 0"), activation names as a learner reads them.
#pragma once

#include "core/model/activation.h"

namespace app {

// "ReLU", "linear", "leaky ReLU", "sigmoid", "tanh".
const char* activation_label(mlp::Activation act);

// A value in the current table cell, right-aligned; the cell gets the orange ground when
// v < 0 and negative_ground is set. One ImGui item: GetItemRect*, IsItemClicked work after it.
void value_cell(double v, bool negative_ground);
// A clipped activation: z crossed out (a line through the text, drawn with the window's draw
// list), then "→ a", on the orange ground. One ImGui item, like value_cell.
void clipped_cell(double z, double a);
// A value exercise mode hides (value_mask.h): "?" in muted text, right-aligned. One ImGui item.
void masked_cell();
}  // namespace app
