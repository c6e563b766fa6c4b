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
    // The diagram's input first (a drag edits a weight the sliders then show), its labels last
    // (so they show every edit of this frame).
    diagram_.handle_input(session_, view_, layout.diagram);
    draw_controls_panel(session_, view_, layout.controls, probe_);
    diagram_.draw(session_, view_, probe_);
    if (tooltip_listener_ && view_.tooltip != announced_tooltip_) {
        announced_tooltip_ = view_.tooltip;
        tooltip_listener_(announced_tooltip_);
    }
}

void App::render_gl(float fb_scale) { diagram_.render_gl(session_, view_, fb_scale); }

void App::release_gl_objects() { diagram_.release_gl_objects(); }

}  // namespace app
