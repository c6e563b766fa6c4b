#include "app/layout.h"

#include <algorithm>

namespace app {

Layout compute_layout(ImVec2 display) {
    Layout layout;
    layout.narrow = display.x < 720.0f;
    if (layout.narrow) {
        float diagram_h = std::max(200.0f, display.y * 0.45f);
        layout.diagram = {0, 0, display.x, diagram_h};
        layout.controls = {0, diagram_h, display.x, display.y - diagram_h};
    } else {
        float panel_w = std::min(380.0f, display.x * 0.35f);
        layout.controls = {0, 0, panel_w, display.y};
        layout.diagram = {panel_w, 0, display.x - panel_w, display.y};
    }
    return layout;
}

}  // namespace app
