// The network diagram: layers as columns, nodes as circles filled by value, lines coloured by the
// sign of the weight and as thick as |w|, drawn by the project's own shaders (DiagramRenderer);
// hovering explains a node or a line, clicking selects it, dragging a line up or down edits it.
//
// A frame calls, in order: handle_input (before the panels, so a drag edits the weight the
// sliders then show), draw (after the panels, so labels show every edit of the frame), and,
// after ImGui::Render, render_gl.
#pragma once

#include <string>
#include <vector>

#include "app/diagram_renderer.h"
#include "app/picture_schedule.h"
#include "app/layout.h"
#include "app/plane_pictures.h"
#include "app/ui_probe.h"
#include "app/view_state.h"
#include "core/diagram/diagram_geometry.h"
#include "core/document/session.h"

namespace app {

class DiagramView {
public:
    // Hover, click and drag inside `area`; sets view.hovered, view.selected and edits weights.
    void handle_input(mlp::Session& session, ViewState& view, const Rect& area);
    // Labels, numbers and the tooltip for this frame (ImGui's background draw list, under the
    // panels), and the ui() probe rectangles of nodes and lines. Sets view.tooltip. With a data
    // set and `pictures`, every node big enough has its picture over the input plane beside it
    // (node_pictures.h), and a hovered node's tooltip shows it enlarged; sets view.node_pictures.
    void draw(const mlp::Session& session, ViewState& view, UiProbe& probe, PlanePictures* pictures = nullptr);
    // The GL part, called after ImGui::Render and before ImGui's own draw data is rendered, so
    // ImGui's windows and labels land on top. fb_scale: framebuffer pixels per CSS pixel;
    // target_fbo: the framebuffer drawn into (0: the canvas).
    void render_gl(const mlp::Session& session, const ViewState& view, float fb_scale, unsigned target_fbo = 0);
    // Places the diagram in `area` without input (a picture, app/picture.h: draw, then render_gl).
    void lay_out(const mlp::Session& session, const Rect& area) { update_layout(session, area); }
    // The renderer's shaders start compiling (DiagramRenderer::begin_gl).
    void begin_gl() { renderer_.begin_gl(); }
    // For a lost WebGL context: the renderer lets go of its GL objects and makes them again later.
    void release_gl_objects() { renderer_.release_gl_objects(); }

private:
    void update_layout(const mlp::Session& session, const Rect& area);
    void drag_weight(mlp::Session& session, const ViewState& view, float mouse_y);
    void draw_headings(const mlp::Session& session, const ViewState& view, ImDrawList* list) const;
    void draw_legend(ImDrawList* list, UiProbe& probe, bool gradients) const;
    void add_probes(const mlp::Session& session, const ViewState& view, UiProbe& probe);
    // The boxes drawn in: none without pictures.
    std::vector<mlp::Box> draw_thumbnails(const mlp::Session& session, PlanePictures& pictures, ImDrawList* list,
                                          UiProbe& probe);
    void draw_enlarged(const mlp::Session& session, PlanePictures& pictures, UiProbe& probe);

    Rect area_;
    uint64_t layout_structure_ = 0;
    mlp::EdgePlan plan_;
    mlp::DiagramGeometry geo_;
    DiagramRenderer renderer_;

    mlp::DiagramHit hover_;  // under the pointer this frame (the drag's line while dragging)
    struct Drag {
        bool pressed = false;  // the button went down on the diagram and is still down
        bool moved = false;    // it moved past the threshold: a drag, not a click
        mlp::DiagramHit hit;   // what it went down on
        float start_y = 0;
        double start_value = 0;
        double weight_scale = 0;  // the largest |w| of the line's layer at the press
    } drag_;

    // During a run every line changes every frame, and redrawing tens of thousands of them takes
    // software GL (SwiftShader, in Chromium's GPU process) up to a second at 8 layers of 128,
    // far longer than the app's own frame. So a run redraws them as often as that allows, as the
    // pictures are (picture_schedule.h): a redraw's cost is how much longer the frames from its
    // first part to two after its last came than the usual frame without one (Chromium draws a
    // frame while the page makes the next, so the cost shows in both); the nodes follow every
    // frame. A tenth of the time at most. And in parts of lines_per_part_ lines a frame
    // (DiagramRenderer::set_lines_per_part), sized by the last redraw's cost per part to about
    // kLinePartMs, so that no frame stalls for it.
    PictureSchedule lines_schedule_{0.1};
    int lines_per_part_ = kFirstLinesPerPart;
    long lines_parts_before_ = 0;     // the renderer's parts drawn when the redraw began
    int lines_cost_frames_ = 0;       // frames after a redraw still to add to its cost
    double lines_cost_ms_ = 0.0;      // its cost so far
    double lines_redrawn_at_ = 0.0;   // when (ms)
    double usual_interval_ms_ = 0.0;  // the frames without a redraw: a running average
    // ui() probe points of the lines, which depend only on the layout.
    bool probes_valid_ = false;
    std::vector<std::pair<std::string, mlp::Point>> line_probes_;
};

}  // namespace app
