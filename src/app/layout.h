// Where the diagram and the panels go for a given window size: side by side on a laptop,
// stacked on a phone.
#pragma once

#include <imgui.h>

namespace app {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    ImVec2 min() const { return ImVec2(x, y); }
    ImVec2 max() const { return ImVec2(x + w, y + h); }
    ImVec2 size() const { return ImVec2(w, h); }
    bool contains(ImVec2 p) const { return p.x >= x && p.y >= y && p.x < x + w && p.y < y + h; }
};

struct Layout {
    bool narrow = false;  // phone-sized: panels stack under the diagram
    Rect diagram;         // the network diagram (drawn with the project's own shaders)
    Rect controls;        // sliders for inputs and weights
};

// display: the window size in CSS pixels (ImGui's DisplaySize).
Layout compute_layout(ImVec2 display);

}  // namespace app
