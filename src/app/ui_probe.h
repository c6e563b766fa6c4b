// Where things are on screen this frame, for window.mlpExplorer.ui(): browser tests aim real
// mouse events at these rectangles, and scripts can find a slider or a node by name.
//
// Names: "panel:diagram", "slider:W3[2,1]" (weight into node 2 of layer 3 from node 1 of layer 2),
// "slider:x2[1]" (input 1 of sample 2), "node:3.2" (node 2 of layer 3), "edge:W3[2,1]",
// "button:<label>". Rectangles are in CSS pixels of the page.
#pragma once

#include <string>
#include <vector>

namespace app {

struct ProbeRect {
    std::string name;
    float x = 0, y = 0, w = 0, h = 0;
    bool highlighted = false;  // drawn highlighted (e.g. the sliders of the selected edge)
};

class UiProbe {
public:
    void begin_frame();
    void add(std::string name, float x, float y, float w, float h, bool highlighted = false);
    // Records the last ImGui item (call right after the widget) under `name`.
    void add_last_item(std::string name, bool highlighted = false);

    // {"items": [...], "tooltip": "...", "hovered": "...", "selected": "...", "sample": n, ...}
    std::string json(const struct ViewState& view) const;

private:
    std::vector<ProbeRect> items_;
};

// Name of a diagram thing as used in the probe: "node:3.2" or "edge:W3[2,1]" (1-based).
std::string probe_name(const struct Selection& s);

}  // namespace app
