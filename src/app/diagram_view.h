// The network diagram: layers as columns, nodes as circles, edges coloured by sign and as thick
// as |w|, drawn by the project's own shaders (shaders/), with hover, click and drag.
#pragma once

#include "app/layout.h"
#include "app/ui_probe.h"
#include "app/view_state.h"
#include "core/session.h"

namespace app {

class DiagramView {
public:
    // Interaction and ImGui overlays (labels, tooltips) for this frame, inside `area`.
    void draw(mlp::Session& session, ViewState& view, const Rect& area, UiProbe& probe);
    // The GL part, called after ImGui::Render and before ImGui's own draw data is rendered, so
    // ImGui's windows and labels land on top. fb_scale: framebuffer pixels per CSS pixel.
    void render_gl(const mlp::Session& session, const ViewState& view, float fb_scale);

private:
    Rect area_;
};

}  // namespace app
