// The GL side of the network diagram: the project's shaders (shaders/diagram_*.vert|frag), a
// texture of lines (a texel each) and a buffer of nodes (vertices), kept in step with the session
// at the cost of what changed:
//   nothing changed              -> no buffer work at all; the lines are copied from a cached
//                                   texture, the nodes (one draw call) drawn on top;
//   one weight edited            -> one line rewritten (glTexSubImage2D of one texel), the gap's
//                                   scale recomputed, the nodes downstream of it re-uploaded;
//   an input, bias, activation,
//   the sample shown, or what
//   exercise mode hides          -> nodes only;
//   a new document               -> everything rebuilt.
// In the gradient view (lines by ∂L/∂w, nodes by δ = ∂L/∂z; backward_pass.h) every edit changes
// every gradient, so any edit rebuilds the lines and nodes (the sample shown: the nodes only).
// Resizing never rebuilds: the shaders place lines and nodes from per-column uniforms.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/value_mask.h"
#include "core/diagram/diagram_geometry.h"
#include "core/diagram/edge_bins.h"
#include "core/document/session.h"

namespace app {

// What to draw highlighted on top: the hovered and selected lines and nodes.
struct DiagramHighlight {
    std::vector<mlp::EdgeInstance> lines;  // drawn again over all others, each after its halo
    float hovered_node[2] = {-1, -1};      // (layer, index)
    float selected_node[2] = {-1, -1};
};

// How DiagramRenderer::sync brings its buffers up to date (see there).
struct DiagramSyncMode {
    bool gradients = false;
    bool lines_wait = false;
    bool hold = false;
};

// One of the diagram's programs between the request to build it and the question whether it
// linked (diagram_renderer.cpp start_link, finish_link).
struct PendingProgram {
    const unsigned char* vert = nullptr;
    const char* vert_name = "";
    const unsigned char* frag = nullptr;
    const char* frag_name = "";
    unsigned vs = 0, fs = 0, program = 0;
};

class DiagramRenderer {
public:
    DiagramRenderer() = default;
    DiagramRenderer(const DiagramRenderer&) = delete;
    DiagramRenderer& operator=(const DiagramRenderer&) = delete;
    ~DiagramRenderer();

    // Brings the lines' texture and the nodes' buffer up to date with the session and the sample
    // shown. A node the mask hides is drawn as a blank (no fill, no clip mark); mask_version moves
    // when the mask changes for a reason the session's revision does not show (exercise_view.h).
    // gradients: draw the gradient view (the session must have targets). lines_wait: a change of
    // every line (a run's training) leaves the lines as they are drawn for now (the nodes follow);
    // a later call without it brings them up to date. hold: a weight is being dragged (a slider or its
    // line held): its line is drawn over the cached lines rather than in them, until a call
    // without it (see held_line_). Returns whether the lines were rebuilt.
    bool sync(const mlp::Session& session, const mlp::EdgePlan& plan, int sample, const ValueMask& mask,
              uint64_t mask_version, DiagramSyncMode mode = {});
    // Draws into framebuffer `target_fbo` (0: the canvas; bound on entry), clipped to geo.area.
    // display: the canvas (or the picture, app/picture.h) in CSS px.
    void draw(const mlp::DiagramGeometry& geo, const DiagramHighlight& highlight, float display_w,
              float display_h, float fb_scale, unsigned target_fbo = 0);

    // Hands the shaders to the driver to compile, without waiting for them: the first sync (or the
    // first after a lost context) asks whether they linked. Called before the frame's UI is laid
    // out, the GPU process compiles while the page's thread does that, instead of the page waiting
    // for each compile in turn (in software GL tens of ms at start-up). Optional.
    void begin_gl();

    // For a lost WebGL context: lets go of every GL object (deleting them on a lost context is
    // quietly ignored by WebGL and frees Emscripten's handles); the next sync makes them again and
    // uploads every buffer. The CPU copies stay, so line() and gap_scale() keep answering.
    void release_gl_objects();

    // Not empty when the shaders could not be built: the message to show instead of the diagram.
    const std::string& error() const { return error_; }
    // The line that carries weight (row, col) of layer l, as last synced (for highlights).
    const mlp::EdgeInstance& line(int index) const { return lines_[index]; }
    // The |w| (in the gradient view |∂L/∂w|) drawn at full width in gap l, as last synced.
    float gap_scale(int l) const { return scales_[l]; }
    int line_count() const { return static_cast<int>(lines_.size()); }
    int node_count() const { return static_cast<int>(nodes_.size() / 4); }

    // Lines redrawn in parts (during a run): when the cached lines are stale, they are drawn
    // `lines_per_part` a frame into a second cache while the first is shown, which is swapped in
    // once the last part is in. A redraw of every line (most of a second at 8 layers of 128 in
    // software GL) then costs each frame a little instead of stalling one. 0: at once (the
    // default; a change of layout or canvas always redraws at once). Set before draw().
    void set_lines_per_part(int lines_per_part) { lines_per_part_ = lines_per_part; }
    // A redraw in parts has begun and not ended: sync must keep the lines' texture as it is
    // (lines_wait) until it ends.
    bool lines_building() const { return build_next_ >= 0; }
    // Since the renderer was made: the parts drawn, and the redraws in parts completed.
    long line_parts_drawn() const { return parts_drawn_; }
    long line_builds_done() const { return builds_done_; }

private:
    bool init_gl();
    void release_gl();
    void rebuild_lines(const mlp::Session& session, const mlp::EdgePlan& plan, bool reallocate);
    void update_line(const mlp::Session& session, const mlp::EdgePlan& plan, int l, int row, int col, bool hold);
    void release_held_line(const mlp::EdgePlan& plan);
    // Lines [first, end) of the bound lines' texture, and the same without the held line.
    void draw_line_range(int first, int end);
    void draw_lines_but_held(int first, int end);
    void rebuild_nodes(const mlp::Session& session, int sample, int first_layer, bool reallocate, const ValueMask& mask);
    void update_scales(const mlp::EdgePlan& plan);
    // The canvas and the diagram's rectangle on it, in framebuffer pixels (GL's y axis up).
    struct FramebufferRect {
        int canvas_w, canvas_h, x, y, w, h;
    };
    bool draw_cached_lines(const FramebufferRect& target, const std::vector<float>& key,
                           const std::vector<float>& gap_data, const float* column_data, float fb_scale,
                           float max_width);
    // The next part of a redraw in parts (lines_per_part_), swapped in when it is the last.
    void draw_line_part(const FramebufferRect& target, const std::vector<float>& gap_data);
    void redraw_cache(const FramebufferRect& target, const std::vector<float>& key, const std::vector<float>& gap_data,
                      const float* column_data, float fb_scale, float margin, bool all, const std::vector<int>& gaps);
    bool size_cache(unsigned fbo, unsigned texture, int w, int h);
    // Leaves a redraw in parts unfinished: the shown cache is then behind the lines.
    void abandon_build();
    // Which gaps of the cache to redraw: all (an empty list and true), some, or none.
    bool stale_cache_gaps(const std::vector<float>& gap_data, const float* column_data, float fb_scale,
                          float margin, std::vector<int>* gaps) const;

    std::string error_;
    bool gl_ready_ = false;
    bool gl_begun_ = false;  // begin_gl asked for the programs, which init_gl has not yet asked about
    PendingProgram edge_link_, node_link_;
    unsigned edge_program_ = 0, node_program_ = 0;
    // The lines, one per texel (diagram_renderer.cpp upload_lines); the highlighted ones in their
    // own; drawn from a VAO without attributes.
    unsigned line_texture_ = 0, overlay_texture_ = 0, line_vao_ = 0;
    int line_rows_ = 0, overlay_rows_ = 0;  // the textures' heights: rows of lines
    std::vector<float> line_texels_;        // scratch for uploads
    unsigned node_buffer_ = 0, node_vao_ = 0;
    struct EdgeUniforms {
        int view, px, columns, gaps, max_width, first_line;
    } edge_u_{};
    struct NodeUniforms {
        int view, px, columns, value_scale, hovered, selected;
    } node_u_{};

    // CPU copies of what the buffers hold.
    std::vector<mlp::EdgeInstance> lines_;
    std::vector<float> gap_max_;     // per gap: the largest |weight| among its lines
    std::vector<float> scales_;      // per gap: the |w| drawn at full width (edge_bins.h gap_scales)
    std::vector<int> plan_lines_;    // per gap: how many lines it draws
    std::vector<bool> plan_binned_;  // per gap: whether they are block means
    std::vector<int> plan_first_;    // per gap: its first line in lines_
    std::vector<float> nodes_;       // (nodes, 4): layer, index, value (a, or δ), state (0, 1 clipped, 2 hidden)
    std::vector<float> node_vertices_;  // what node_buffer_ holds: each node's 4 floats once per vertex (6)
    std::vector<int> node_offset_;   // first node of each layer in nodes_
    float value_scale_ = 1.0f;       // the largest |value| among the nodes shown

    // The lines as last drawn, kept in a texture and copied to the canvas while nothing about
    // them changes. A change to one gap's lines (a weight dragged) redraws that gap's strip only:
    // in software rendering (no GPU) all the lines of 8x128 took most of a second per frame.
    bool lines_behind_ = false;  // a sync with lines_wait left them behind the session
    bool cache_usable_ = false;
    unsigned target_fbo_ = 0;  // what draw() draws into, bound again after the cache's own
    unsigned cache_fbo_ = 0, cache_texture_ = 0;
    int cache_w_ = 0, cache_h_ = 0;
    std::vector<float> cache_key_;       // the layout and canvas the cache was drawn for
    std::vector<float> cache_gap_data_;  // each gap's scale and opacity it was drawn with
    std::vector<bool> stale_gaps_;       // gaps whose lines changed since
    bool cache_stale_ = true;            // all lines changed since (a new document, a lost context)
    // The line of the weight being dragged, left out of the cache and drawn over it every frame:
    // a drag then redraws one line a frame instead of its gap's strip (16,384 lines a gap at
    // 8x128: about 300 ms a frame in software GL). Over its neighbours rather than among them,
    // and at the widths the drag began with, only while held; when the drag ends its gap is
    // redrawn with it in place and every gap rescaled. -1: none.
    int held_line_ = -1;
    int held_gap_ = -1;
    // The redraw in parts: a second cache of the same size, drawn into from line build_next_ on
    // (-1: none under way) with the gap data it began with (and cache_key_'s layout and canvas).
    int lines_per_part_ = 0;
    unsigned build_fbo_ = 0, build_texture_ = 0;
    int build_w_ = 0, build_h_ = 0;
    int build_next_ = -1;
    std::vector<float> build_gap_data_;
    long parts_drawn_ = 0, builds_done_ = 0;

    uint64_t seen_revision_ = 0;
    uint64_t seen_structure_ = 0;
    int seen_sample_ = -1;
    uint64_t seen_mask_version_ = 0;
    bool gradients_ = false;  // what lines_ and nodes_ hold: the gradient view's values
};

}  // namespace app
