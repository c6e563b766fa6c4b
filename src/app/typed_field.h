// A one-line text field for a number the user types (the Network section's node count and seed,
// the node picker of a large layer), applied when typing ends (Enter, Tab, a click elsewhere),
// not at every key, and never filtered. ImGui's InputInt applied every key (typing 1024 passed
// through a layer of 1 node and lost its weights) and dropped the characters it does not take
// ("1e3" became 13, "3,5" 35): here what was typed reaches the caller whole, to be read by
// core/formats/typed_number.h or refused with its reason. Escape puts back the text it opened with.
#pragma once

#include <string>

namespace app {

// `label`: the ImGui label ("##nodes"); the width is ImGui's next item width. `shown`: the text
// while nobody types. Returns true in the frame typing ended with text other than `shown`;
// *typed gets that text. *now (if given) gets what the field holds this frame, for the screen
// reader mirror (keyboard_nav.h).
bool typed_field(const char* label, const std::string& shown, std::string* typed, std::string* now = nullptr);

}  // namespace app
