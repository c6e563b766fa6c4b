#include "app/panel_backgrounds.h"

#include <GLES3/gl3.h>

#include <cmath>

namespace app {

void paint_panel_backgrounds(const std::vector<PanelBackground>& panels, ImVec4 colour, float display_h,
                             float fb_scale) {
    if (panels.empty()) return;
    const int fb_h = static_cast<int>(std::lround(display_h * fb_scale));
    // A pixel is filled when its centre is inside: edges at e device px cover pixels from round(e).
    auto edge = [fb_scale](float css) { return static_cast<int>(std::floor(css * fb_scale + 0.5f)); };
    glEnable(GL_SCISSOR_TEST);
    glClearColor(colour.x, colour.y, colour.z, 1.0f);
    for (const PanelBackground& p : panels) {
        const int x0 = edge(p.min.x), x1 = edge(p.max.x), y0 = edge(p.min.y), y1 = edge(p.max.y);
        if (x1 <= x0 || y1 <= y0) continue;
        glScissor(x0, fb_h - y1, x1 - x0, y1 - y0);  // GL's y axis points up
        glClear(GL_COLOR_BUFFER_BIT);
    }
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace app
