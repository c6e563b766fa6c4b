#include "app/layout.h"

#include <algorithm>
#include <cmath>

namespace app {

float folded_panel_height(bool narrow) { return narrow ? 52.0f : 38.0f; }
float toolbar_height(bool narrow) { return narrow ? 48.0f : 42.0f; }

Layout compute_layout(ImVec2 display, const LayoutOptions& options, DiagramHeightFn diagram_wanted,
                      const void* context) {
    Layout layout;
    const float W = std::max(display.x, 1.0f), H = std::max(display.y, 1.0f);
    layout.narrow = W < kNarrowWidth;
    if (layout.narrow) {
        // One row of touch-sized buttons, and 44 px more for each further row.
        const float bar_h = 52.0f + 44.0f * static_cast<float>(std::max(0, options.top_bar_rows - 1));
        layout.top_bar = {0, 0, W, bar_h};
        const float tool_h = toolbar_height(true);
        layout.toolbar = {0, bar_h, W, tool_h};
        const float caption_h = std::floor(std::min(options.caption_height, std::max(0.0f, H - bar_h - tool_h) * 0.25f));
        layout.caption = {0, bar_h + tool_h, W, caption_h};
        const float top = bar_h + tool_h + caption_h;
        const float rest = std::max(0.0f, H - top);
        float panel_h = folded_panel_height(true);
        // Open: the panel takes most of the height, the diagram keeps at least 40% (and 180 px), or
        // less when that is all it can use.
        float diagram_h = std::max(180.0f, rest * 0.4f);
        if (diagram_wanted) diagram_h = std::max(180.0f, std::min(diagram_h, diagram_wanted(W, context)));
        if (options.panels_open) panel_h = std::max(panel_h, rest - diagram_h);
        panel_h = std::floor(std::min(panel_h, rest));  // whole pixels: ImGui floors window positions
        layout.diagram = {0, top, W, rest - panel_h};
        layout.controls = {0, top + rest - panel_h, W, panel_h};
        layout.breakdown = layout.controls;
        layout.data = layout.controls;
    } else {
        const float panel_w = std::floor(std::clamp(W * 0.3f, 300.0f, 420.0f));
        layout.controls = {0, 0, panel_w, H};
        const float right_w = W - panel_w;
        float sheet_h = folded_panel_height(false);
        // A bar under the header (exercise mode) takes its lines from the diagram, not the cards.
        constexpr float kBarLine = 36.0f;
        if (options.worksheet_open)
            sheet_h = std::clamp(H * 0.36f, 170.0f, 340.0f) + options.worksheet_bar_lines * kBarLine;
        const float tool_h = toolbar_height(false);
        const float caption_h = std::floor(std::min(options.caption_height, H * 0.2f));
        const float top = tool_h + caption_h;
        // The diagram's share beyond what it can use goes to the worksheet.
        if (options.worksheet_open && diagram_wanted)
            sheet_h = std::max(sheet_h, H - top - diagram_wanted(right_w, context));
        sheet_h = std::floor(std::min(sheet_h, H * 0.6f));
        layout.toolbar = {panel_w, 0, right_w, tool_h};
        layout.caption = {panel_w, tool_h, right_w, caption_h};
        layout.diagram = {panel_w, top, right_w, std::max(0.0f, H - sheet_h - top)};
        layout.breakdown = {panel_w, H - sheet_h, right_w, sheet_h};
        layout.data = layout.controls;
    }
    return layout;
}

}  // namespace app
