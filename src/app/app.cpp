#include "app/app.h"

#include <imgui.h>

#include "app/controls_panel.h"
#include "app/layout.h"

namespace app {

App::App() = default;

void App::draw() {
    probe_.begin_frame();
    view_.tooltip.clear();
    const Layout layout = compute_layout(ImGui::GetIO().DisplaySize);
    diagram_.draw(session_, view_, layout.diagram, probe_);
    draw_controls_panel(session_, view_, layout.controls, probe_);
}

void App::render_gl(float fb_scale) { diagram_.render_gl(session_, view_, fb_scale); }

}  // namespace app
