// Where a text breaks into lines: at spaces and at its own line breaks only, never inside a word
// or a number. Dear ImGui's own wrapping also breaks after '.' and ',', which split "0.7195" into
// "0." and "7195" at the end of a line.
#pragma once

#include <string_view>
#include <vector>

#include "core/function_ref.h"

namespace mlp {

// The lines of `text` within `width`, each without its spaces at the ends. `measure` gives the
// width of a piece of text (widths of pieces add up: the UI's font has no kerning). A word wider
// than `width` gets a line of its own, whole.
std::vector<std::string_view> wrap_text(std::string_view text, float width,
                                        FunctionRef<float(std::string_view)> measure);

}  // namespace mlp
