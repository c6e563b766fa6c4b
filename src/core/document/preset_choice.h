// Choosing a preset in the page (the toolbar's Presets menu): the document replaced as one undo
// step and made the start point that Reset returns to.
#pragma once

#include <string_view>

#include "core/document/session.h"

namespace mlp {

// The order of the page's Presets menu (src/platform/page_exports.cpp's mlp_preset numbers them so).
enum class Preset { Exercise, Xor, YehBackprop, LondonBackprop, ExerciseWithTargets };
constexpr int kPresetCount = 5;

void open_preset(Session* session, Preset preset);

// The random preset's form: shape text ("4,8,8,2"), seed text ("7"), whole numbers or reals
// (presets.h). A text that cannot be used keeps the document and sets the session's error.
// Returns true when the document changed.
bool open_random_preset(Session* session, std::string_view shape_text, std::string_view seed_text, bool integers);

}  // namespace mlp
