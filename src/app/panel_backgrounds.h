// The docked panels' white backgrounds, painted with glClear before the diagram instead of by
// ImGui: a panel's window background is a rectangle as big as the panel, which software GL
// (SwiftShader, the GPU process rasterizing on the CPU) blends pixel by pixel at ~5 ms a frame
// each for the sliders and the worksheet on a laptop; a scissored clear of the same pixels costs
// a fraction of that. The panels are begun with a transparent WindowBg (app.cpp), which ImGui
// skips drawing; their borders, contents and every popup and tooltip are still ImGui's.
#pragma once

#include <vector>

#include <imgui.h>

namespace app {

// A panel's window rectangle this frame, in CSS px (ImGui's window Pos and Size).
struct PanelBackground {
    ImVec2 min, max;
    ImGuiID window = 0;  // the panel's ImGui window
};

// Fills each rectangle with ImGui's WindowBg colour on the bound framebuffer (the canvas),
// `display_h` CSS px high at `fb_scale` device pixels per CSS px: the pixels whose centres ImGui's
// filled rectangle covers. Leaves the scissor test off.
void paint_panel_backgrounds(const std::vector<PanelBackground>& panels, ImVec4 colour, float display_h,
                             float fb_scale);

}  // namespace app
