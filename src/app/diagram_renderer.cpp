// The diagram's GL side (diagram_renderer.h): the lines and the nodes each one plain draw of two
// triangles an item (no instancing: software GL, SwiftShader, sets up every instance as a draw of
// its own, ~37 µs each, 12.6 ms a frame for the 344 lines of 8x6).
//
// [SECTION] GL helpers: shaders, programs, vertex arrays
// [SECTION] GL objects: made, lost, released
// [SECTION] Line textures and vertex buffers: lines and nodes, updated by what changed
// [SECTION] Drawing: the lines (from their cache when still), then the nodes

#include "app/diagram_renderer.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/gl_context.h"
#include "app/palette.h"
#include "core/limits.h"

// shaders/*.vert|frag, embedded by cmake/web_app.cmake as NUL-terminated text.
extern const unsigned char shader_diagram_edge_vert[];
extern const unsigned char shader_diagram_edge_frag[];
extern const unsigned char shader_diagram_node_vert[];
extern const unsigned char shader_diagram_node_frag[];

namespace app {

// [SECTION] GL helpers: shaders, programs, vertex arrays
namespace {

// The shaders' uniform arrays are sized for the limits: 33 columns, 32 gaps.
static_assert(mlp::kMaxWeightLayers == 32, "resize u_columns and u_gaps in shaders/diagram_*.vert");
constexpr int kMaxColumns = mlp::kMaxWeightLayers + 1;

constexpr float kMaxLineWidth = 6.0f;      // CSS px, the heaviest weight's line on a roomy layout
constexpr float kLineCoverage = 2.0f;      // denser gaps draw their lines fainter
constexpr float kBinLineWidth = 1.25f;     // shaders/diagram_edge.vert: a line of block means
constexpr size_t kMinLinesToCache = 1024;  // fewer lines are drawn directly every frame

const char* text_of(const unsigned char* bytes) { return reinterpret_cast<const char*>(bytes); }

// "" when `object` compiled (or linked), else what the driver says about it.
template <typename GetStatus, typename GetLog>
std::string failure_of(GLuint object, GLenum status, GetStatus get_status, GetLog get_log) {
    GLint ok = GL_FALSE;
    get_status(object, status, &ok);
    if (ok == GL_TRUE) return "";
    char log[2048] = {};
    get_log(object, sizeof log, nullptr, log);
    return log[0] ? log : "no message from the driver";
}

// Starts compiling one stage; 0 when the context was lost (see finish_link for whether it compiled).
GLuint compile(GLenum stage, const char* source, const char* name, std::string* error) {
    GLuint shader = glCreateShader(stage);
    // A context lost during this frame gives no object, and WebGL throws when handed none. (Told
    // by the context's flag, not glIsShader: gl_context.h.)
    if (gl_context_lost()) {
        if (shader) glDeleteShader(shader);
        *error += std::string("shaders/") + name + ": the WebGL context was lost";
        return 0;
    }
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

// Lets go of what start_link made and finish_link did not hand over.
void drop_link(PendingProgram& p) {
    if (p.vs) glDeleteShader(p.vs);
    if (p.fs) glDeleteShader(p.fs);
    if (p.program) glDeleteProgram(p.program);
    p.vs = p.fs = p.program = 0;
}

// Hands both stages to the driver and links them, without asking how that went: the GPU process
// compiles meanwhile, and finish_link asks. No program when the context was lost.
void start_link(PendingProgram& p, std::string* error) {
    p.vs = compile(GL_VERTEX_SHADER, text_of(p.vert), p.vert_name, error);
    p.fs = compile(GL_FRAGMENT_SHADER, text_of(p.frag), p.frag_name, error);
    if (!p.vs || !p.fs) return;
    p.program = glCreateProgram();
    if (gl_context_lost()) {  // (see compile)
        drop_link(p);
        return;
    }
    glAttachShader(p.program, p.vs);
    glAttachShader(p.program, p.fs);
    glLinkProgram(p.program);
}

// The program start_link began, once linked; 0 (and the driver's message in `error`) when not.
GLuint finish_link(PendingProgram& p, std::string* error) {
    GLuint program = 0;
    if (p.vs && p.fs && p.program) {
        // One question to the driver, whether the program linked (a stage that did not compile does
        // not link either), and the stages asked only then: each question is a synchronous round
        // trip to the GPU process, which waits for the compilation.
        const std::string failure = failure_of(p.program, GL_LINK_STATUS, glGetProgramiv, glGetProgramInfoLog);
        if (failure.empty()) {
            program = p.program;
            p.program = 0;  // handed over
        } else {
            const std::string vs_failure = failure_of(p.vs, GL_COMPILE_STATUS, glGetShaderiv, glGetShaderInfoLog);
            const std::string fs_failure = failure_of(p.fs, GL_COMPILE_STATUS, glGetShaderiv, glGetShaderInfoLog);
            if (!vs_failure.empty()) *error += std::string("shaders/") + p.vert_name + " did not compile: " + vs_failure;
            if (!fs_failure.empty()) *error += std::string("shaders/") + p.frag_name + " did not compile: " + fs_failure;
            if (vs_failure.empty() && fs_failure.empty())
                *error += std::string("shaders/") + p.vert_name + " and " + p.frag_name + " did not link: " + failure;
        }
    } else if (error->empty()) {
        *error += "the WebGL context was lost";
    }
    drop_link(p);
    return program;
}

void set_colour(GLuint program, const char* name, Colour c) {
    const ImVec4 v = c.vec4();
    glUniform4f(glGetUniformLocation(program, name), v.x, v.y, v.z, v.w);
}

// The lines' textures: one line per RGBA32F texel, kLineTexelsPerRow to a row (line i at
// (i % row, i / row)): its gap and kind in one channel (gap + kKindStride * kind, both small
// integers, exact in a float), source, target and weight in the others. A texture rather than
// vertices: each line's six vertices fetch its one texel, so a line costs 16 bytes and one texel
// to update, where vertex attributes without instancing would carry it six times over (120 MB
// for the million lines of 16x256).
constexpr int kLineTexelsPerRow = 2048;  // a million lines in 512 rows; WebGL2 allows 2048 at least
constexpr float kKindStride = 64.0f;     // above every gap index (limits.h: 32 weight layers)
constexpr int kVerticesPerLine = 6;      // shaders/diagram_edge.vert: two triangles

void pack_line(const mlp::EdgeInstance& line, float* texel) {
    texel[0] = line.gap + kKindStride * line.kind;
    texel[1] = line.src;
    texel[2] = line.dst;
    texel[3] = line.weight;
}

GLuint make_line_texture() {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    // Float textures cannot be filtered, and the default (mipmapped) filter would leave this one
    // incomplete, reading as zeros.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, 0);
    return texture;
}

// Writes `count` lines into `texture`, made anew when `reallocate` or when its `rows` are too few.
// Only the texels in use are sent (whole rows, then the last row's part): the hovered line's halo
// is a few lines, sent again every frame while the mouse moves.
void upload_lines(GLuint texture, const mlp::EdgeInstance* lines, size_t count, bool reallocate, int* rows,
                  std::vector<float>* texels) {
    const int need = std::max(1, static_cast<int>((count + kLineTexelsPerRow - 1) / kLineTexelsPerRow));
    glBindTexture(GL_TEXTURE_2D, texture);
    if (reallocate || need > *rows) {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, kLineTexelsPerRow, need, 0, GL_RGBA, GL_FLOAT, nullptr);
        *rows = need;
    }
    texels->resize(count * 4);
    for (size_t i = 0; i < count; ++i) pack_line(lines[i], texels->data() + i * 4);
    const int full_rows = static_cast<int>(count / kLineTexelsPerRow);
    const int rest = static_cast<int>(count % kLineTexelsPerRow);
    if (full_rows > 0)
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, kLineTexelsPerRow, full_rows, GL_RGBA, GL_FLOAT, texels->data());
    if (rest > 0)
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, full_rows, rest, 1, GL_RGBA, GL_FLOAT,
                        texels->data() + static_cast<size_t>(full_rows) * kLineTexelsPerRow * 4);
    glBindTexture(GL_TEXTURE_2D, 0);
}

void upload_line(GLuint texture, const mlp::EdgeInstance& line, int index) {
    float texel[4];
    pack_line(line, texel);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexSubImage2D(GL_TEXTURE_2D, 0, index % kLineTexelsPerRow, index / kLineTexelsPerRow, 1, 1, GL_RGBA, GL_FLOAT,
                    texel);
    glBindTexture(GL_TEXTURE_2D, 0);
}

// A VAO drawing plain vertices of one vec4 each (attribute 0) from `vertices`.
GLuint make_vec4_vao(GLuint vertices) {
    GLuint vao = 0;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, vertices);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    return vao;
}

// shaders/diagram_node.vert: each node is two triangles, six vertices carrying the node's vec4.
constexpr size_t kVerticesPerNode = 6;

}  // namespace

// [SECTION] GL objects: made, lost, released
DiagramRenderer::~DiagramRenderer() { release_gl(); }

void DiagramRenderer::release_gl() {
    drop_link(edge_link_);  // begun and never asked about
    drop_link(node_link_);
    gl_begun_ = false;
    if (!gl_ready_) return;
    glDeleteBuffers(1, &node_buffer_);
    const GLuint vaos[] = {line_vao_, node_vao_};
    glDeleteVertexArrays(2, vaos);
    const GLuint textures[] = {line_texture_, overlay_texture_};
    glDeleteTextures(2, textures);
    line_rows_ = overlay_rows_ = 0;
    glDeleteProgram(edge_program_);
    glDeleteProgram(node_program_);
    const GLuint fbos[] = {cache_fbo_, build_fbo_};
    glDeleteFramebuffers(2, fbos);
    const GLuint caches[] = {cache_texture_, build_texture_};
    glDeleteTextures(2, caches);
    gl_ready_ = false;
}

void DiagramRenderer::release_gl_objects() {
    release_gl();
    error_.clear();  // a shader that failed while the context was going away may build now
    cache_w_ = cache_h_ = build_w_ = build_h_ = 0;
    cache_stale_ = true;
    build_next_ = -1;
    seen_structure_ = 0;  // as for a new renderer: the next sync rebuilds and uploads everything
    seen_revision_ = 0;
    seen_sample_ = -1;
}

void DiagramRenderer::begin_gl() {
    if (gl_ready_ || gl_begun_ || !error_.empty()) return;
    gl_begun_ = true;
    edge_link_ = {shader_diagram_edge_vert, "diagram_edge.vert", shader_diagram_edge_frag, "diagram_edge.frag"};
    node_link_ = {shader_diagram_node_vert, "diagram_node.vert", shader_diagram_node_frag, "diagram_node.frag"};
    start_link(edge_link_, &error_);
    start_link(node_link_, &error_);
}

bool DiagramRenderer::init_gl() {
    if (gl_ready_) return true;
    if (!error_.empty()) return false;  // tried before and failed: the message is on screen
    begin_gl();  // when nothing began it earlier
    gl_begun_ = false;
    edge_program_ = finish_link(edge_link_, &error_);
    node_program_ = finish_link(node_link_, &error_);
    if (!edge_program_ || !node_program_) {
        if (edge_program_) glDeleteProgram(edge_program_);
        if (node_program_) glDeleteProgram(node_program_);
        edge_program_ = node_program_ = 0;
        std::fprintf(stderr, "MLP Explorer: the diagram cannot be drawn: %s\n", error_.c_str());
        return false;
    }
    glGenBuffers(1, &node_buffer_);
    node_vao_ = make_vec4_vao(node_buffer_);
    glGenVertexArrays(1, &line_vao_);  // no attributes: the vertex shader reads the lines' texture
    line_texture_ = make_line_texture();
    overlay_texture_ = make_line_texture();

    edge_u_ = {glGetUniformLocation(edge_program_, "u_view"), glGetUniformLocation(edge_program_, "u_px"),
               glGetUniformLocation(edge_program_, "u_columns"), glGetUniformLocation(edge_program_, "u_gaps"),
               glGetUniformLocation(edge_program_, "u_max_width"), glGetUniformLocation(edge_program_, "u_first_line")};
    node_u_ = {glGetUniformLocation(node_program_, "u_view"), glGetUniformLocation(node_program_, "u_px"),
               glGetUniformLocation(node_program_, "u_columns"), glGetUniformLocation(node_program_, "u_value_scale"),
               glGetUniformLocation(node_program_, "u_hovered"), glGetUniformLocation(node_program_, "u_selected")};

    // The palette never changes: set once.
    glUseProgram(edge_program_);
    set_colour(edge_program_, "u_positive", palette::kPositive);
    set_colour(edge_program_, "u_negative", palette::kNegative);
    set_colour(edge_program_, "u_zero", palette::kZeroEdge);
    set_colour(edge_program_, "u_halo", palette::kInk.with_alpha(72));
    glUniform1i(glGetUniformLocation(edge_program_, "u_lines"), 0);  // texture unit 0
    glUniform1f(glGetUniformLocation(edge_program_, "u_kind_stride"), kKindStride);
    glUseProgram(node_program_);
    set_colour(node_program_, "u_positive", palette::kPositive);
    set_colour(node_program_, "u_negative", palette::kNegative);
    set_colour(node_program_, "u_fill_zero", palette::kNodeFill);
    set_colour(node_program_, "u_ink", palette::kInk);
    set_colour(node_program_, "u_clipped", palette::kClipped);
    glUniform1f(glGetUniformLocation(node_program_, "u_strip_half_width"), mlp::kStripHalfWidth);
    glUseProgram(0);
    // The lines' cache is copied into the canvas with glBlitFramebuffer, which a multisampled
    // canvas does not accept: then the lines are drawn directly every frame.
    cache_usable_ = !gl_context_multisampled();
    glGenFramebuffers(1, &cache_fbo_);
    glGenFramebuffers(1, &build_fbo_);
    glGenTextures(1, &cache_texture_);
    glGenTextures(1, &build_texture_);
    for (GLuint texture : {cache_texture_, build_texture_}) {
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    }
    glBindTexture(GL_TEXTURE_2D, 0);

    gl_ready_ = true;
    return true;
}

// --- Keeping the buffers in step with the session -------------------------------------------

// [SECTION] Line textures and vertex buffers: lines and nodes, updated by what changed
void DiagramRenderer::update_scales(const mlp::EdgePlan& plan) { scales_ = mlp::gap_scales(plan, gap_max_); }

void DiagramRenderer::rebuild_lines(const mlp::Session& session, const mlp::EdgePlan& plan, bool reallocate) {
    if (gradients_) {
        mlp::build_edge_instances(plan, session.gradients()->dw, &lines_);
        // A gradient is a product over every layer and may overflow a float (or a double: then
        // state() says so and Step refuses); such a line is drawn as no gradient, not as garbage.
        for (mlp::EdgeInstance& line : lines_)
            if (!std::isfinite(line.weight)) line.weight = 0.0f;
    } else {
        mlp::build_edge_instances(plan, session.network(), &lines_);
    }
    plan_lines_.resize(plan.gaps.size());
    plan_binned_.resize(plan.gaps.size());
    plan_first_.resize(plan.gaps.size());
    for (size_t l = 0; l < plan.gaps.size(); ++l) {
        plan_lines_[l] = plan.gaps[l].instances();
        plan_binned_[l] = plan.gaps[l].binned();
        plan_first_[l] = plan.gaps[l].first_instance;
    }
    gap_max_.resize(plan.gaps.size());
    for (size_t l = 0; l < plan.gaps.size(); ++l) gap_max_[l] = mlp::gap_max_abs(plan, lines_, static_cast<int>(l));
    // The gradient view scales as the values view does (edge_bins.h gap_scales): one |∂L/∂w| at full
    // width for the whole network where lines are single weights, not one per layer, so a layer
    // whose gradients are small (vanishing through saturated sigmoids, say) looks small: a step
    // moves every weight by lr·∂L/∂w, and equal widths mean equal steps everywhere. An aggregated
    // gap keeps its own scale, as for the weights, or its block means would be invisible.
    update_scales(plan);
    abandon_build();  // drawn from the lines' texture, which changes now
    stale_gaps_.assign(plan.gaps.size(), false);
    cache_stale_ = true;
    held_line_ = held_gap_ = -1;  // every line is drawn into the cache again
    upload_lines(line_texture_, lines_.data(), lines_.size(), reallocate, &line_rows_, &line_texels_);
}

void DiagramRenderer::update_line(const mlp::Session& session, const mlp::EdgePlan& plan, int l, int row, int col,
                                  bool hold) {
    abandon_build();
    const int index = mlp::update_edge_instance(plan, session.network(), l, row, col, &lines_);
    gap_max_[l] = mlp::gap_max_abs(plan, lines_, l);  // O(lines of the gap), at most kMaxBinsPerSide^2
    if (hold && lines_.size() >= kMinLinesToCache) {
        // Held, the widths stay those the drag began with (a line past the largest |w| is drawn
        // at full width): a new largest |w| would rescale, and so redraw, every gap of the cache
        // every frame of the drag. They are rescaled when it ends.
        if (index != held_line_) {
            // The cache is redrawn once without this line (and with the one held before, if any).
            release_held_line(plan);
            held_line_ = index;
            held_gap_ = l;
            stale_gaps_[l] = true;
        }
    } else {
        update_scales(plan);
        stale_gaps_[l] = true;
    }
    upload_line(line_texture_, lines_[index], index);
}

void DiagramRenderer::release_held_line(const mlp::EdgePlan& plan) {
    if (held_line_ < 0) return;
    if (held_gap_ < static_cast<int>(stale_gaps_.size())) stale_gaps_[held_gap_] = true;
    held_line_ = held_gap_ = -1;
    update_scales(plan);
}

// Node layers first_layer.. (0 = the inputs) of `sample`: value shown is the activation a (in the
// gradient view δ = ∂L/∂z, and 0 for an input, which has none), and whether the activation
// clipped z (the worksheet's crossed-out value: in the gradient view, why δ is 0), or, for a value
// exercise mode hides, nothing of either (a blank: value 0, state 2).
void DiagramRenderer::rebuild_nodes(const mlp::Session& session, int sample, int first_layer, bool reallocate,
                                    const ValueMask& mask) {
    const mlp::Network& net = session.network();
    const mlp::ForwardPass& pass = session.pass();
    const mlp::BackwardPass* grad = gradients_ ? session.gradients() : nullptr;
    const int layers = static_cast<int>(net.shape.size());
    if (reallocate) {
        node_offset_.assign(layers + 1, 0);
        for (int c = 0; c < layers; ++c) node_offset_[c + 1] = node_offset_[c] + net.shape[c];
        nodes_.assign(static_cast<size_t>(node_offset_[layers]) * 4, 0.0f);
        first_layer = 0;
    }
    for (int c = first_layer; c < layers; ++c) {
        float* out = nodes_.data() + static_cast<size_t>(node_offset_[c]) * 4;
        for (int i = 0; i < net.shape[c]; ++i, out += 4) {
            double value = 0.0;
            float state = 0.0f;
            if (c == 0) {
                value = grad ? 0.0 : session.document().inputs.at(sample, i);
            } else if (mask.any() && (mask.hides_node(c - 1, sample, i) || (grad && mask.hides_dz(c - 1, sample, i)))) {
                state = 2.0f;
            } else {
                value = grad ? grad->dz[c - 1].at(sample, i) : pass.a[c - 1].at(sample, i);
                state = mlp::is_clipped(net.activations[c - 1], pass.z[c - 1].at(sample, i)) ? 1.0f : 0.0f;
            }
            out[0] = static_cast<float>(c);
            out[1] = static_cast<float>(i);
            out[2] = std::isfinite(static_cast<float>(value)) ? static_cast<float>(value) : 0.0f;  // (see rebuild_lines)
            out[3] = state;
        }
    }
    value_scale_ = 0.0f;
    for (size_t k = 2; k < nodes_.size(); k += 4) value_scale_ = std::max(value_scale_, std::fabs(nodes_[k]));
    // Each node's vec4 once per vertex of its two triangles (make_vec4_vao), from first_layer on.
    const size_t first_node = static_cast<size_t>(node_offset_[first_layer]);
    const size_t node_total = nodes_.size() / 4;
    node_vertices_.resize(node_total * kVerticesPerNode * 4);
    for (size_t n = first_node; n < node_total; ++n)
        for (size_t v = 0; v < kVerticesPerNode; ++v)
            std::copy_n(nodes_.data() + n * 4, 4, node_vertices_.data() + (n * kVerticesPerNode + v) * 4);
    glBindBuffer(GL_ARRAY_BUFFER, node_buffer_);
    const size_t first = first_node * kVerticesPerNode * 4;
    if (reallocate)
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(node_vertices_.size() * sizeof(float)),
                     node_vertices_.data(), GL_DYNAMIC_DRAW);
    else
        glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(first * sizeof(float)),
                        static_cast<GLsizeiptr>((node_vertices_.size() - first) * sizeof(float)),
                        node_vertices_.data() + first);
}

bool DiagramRenderer::sync(const mlp::Session& session, const mlp::EdgePlan& plan, int sample, const ValueMask& mask,
                           uint64_t mask_version, DiagramSyncMode mode) {
    if (!init_gl()) return false;
    const bool lines_wait = mode.lines_wait;
    bool gradients = mode.gradients;
    // (A new structure rebuilds every line below, which lets go of the held one: gap_max_ is
    // still the old network's then, and must not be scaled by the new plan.)
    if (!mode.hold && session.structure_revision() == seen_structure_) release_held_line(plan);
    bool rebuilt = false;
    // Every line at once, or (lines_wait) none for now.
    auto all_lines = [&](bool reallocate) {
        if (lines_wait && !reallocate) {
            lines_behind_ = true;
            return;
        }
        rebuild_lines(session, plan, reallocate);
        lines_behind_ = false;
        rebuilt = true;
    };
    sample = std::clamp(sample, 0, session.sample_count() - 1);
    gradients = gradients && session.gradients() != nullptr;
    using Kind = mlp::Session::Edit::Kind;
    using VK = mlp::ValueKind;
    const bool new_view = gradients != gradients_;
    gradients_ = gradients;
    const bool text_only = session.revision() == seen_revision_ + 1 && session.last_edit().kind == Kind::Text &&
                           mask_version == seen_mask_version_;
    if (session.structure_revision() != seen_structure_) {
        all_lines(true);
        rebuild_nodes(session, sample, 0, true, mask);
    } else if (new_view || (gradients && session.revision() != seen_revision_ && !text_only)) {
        // Every gradient depends on the loss, so any edit but the title's changes all of them.
        all_lines(false);
        rebuild_nodes(session, sample, 0, false, mask);
    } else if (session.revision() != seen_revision_) {
        const mlp::Session::Edit& edit = session.last_edit();
        const mlp::ValueAddress& at = edit.value;
        const bool one_edit = session.revision() == seen_revision_ + 1;
        const bool one_value = one_edit && edit.kind == Kind::Value;
        // Nodes downstream of the edit, or all of them when the mask changed too.
        const int downstream = mask_version != seen_mask_version_ ? 0 : at.layer + 1;
        if (one_edit && edit.kind == Kind::Text && mask_version == seen_mask_version_) {
            // The title or the note: nothing the diagram draws.
        } else if (one_value && at.kind == VK::Weight) {
            update_line(session, plan, at.layer, at.row, at.col, mode.hold);
            rebuild_nodes(session, sample, downstream, false, mask);
        } else if (one_value && (at.kind == VK::Bias || at.kind == VK::Activation)) {
            rebuild_nodes(session, sample, downstream, false, mask);
        } else if ((one_value && at.kind == VK::Input) || (one_edit && edit.kind == Kind::Hidden)) {
            rebuild_nodes(session, sample, 0, false, mask);
        } else if (one_value) {
            // Targets, the loss and the training settings are not drawn: only a new mask needs
            // the nodes again.
            if (mask_version != seen_mask_version_) rebuild_nodes(session, sample, 0, false, mask);
        } else {  // several edits since the last frame, a run's training, a new document of the same shape
            all_lines(false);
            rebuild_nodes(session, sample, 0, false, mask);
        }
    } else if (sample != seen_sample_ || mask_version != seen_mask_version_) {
        rebuild_nodes(session, sample, 0, false, mask);
    }
    if (lines_behind_ && !lines_wait) all_lines(false);
    seen_structure_ = session.structure_revision();
    seen_revision_ = session.revision();
    seen_sample_ = sample;
    seen_mask_version_ = mask_version;
    return rebuilt;
}

// --- Drawing ----------------------------------------------------------------------------------

// [SECTION] Drawing: the lines (from their cache when still), then the nodes
void DiagramRenderer::draw(const mlp::DiagramGeometry& geo, const DiagramHighlight& highlight, float display_w,
                           float display_h, float fb_scale, unsigned target_fbo) {
    if (!gl_ready_ || geo.columns.empty() || display_w <= 0 || display_h <= 0) return;
    target_fbo_ = target_fbo;
    const int columns = std::min(static_cast<int>(geo.columns.size()), kMaxColumns);
    float column_data[kMaxColumns * 4];
    float smallest_radius = mlp::kMaxNodeRadius;
    for (int c = 0; c < columns; ++c) {
        const mlp::Column& col = geo.columns[c];
        column_data[c * 4 + 0] = col.x;
        column_data[c * 4 + 1] = col.y0;
        column_data[c * 4 + 2] = col.spacing;
        column_data[c * 4 + 3] = col.strip ? -col.radius : col.radius;  // negative: a strip (node shader)
        if (!col.strip) smallest_radius = std::min(smallest_radius, col.radius);
    }
    const float px = 1.0f / std::max(fb_scale, 0.25f);
    // The heaviest line stays well inside the smallest circle it meets.
    const float max_width = std::clamp(smallest_radius * 0.4f, 2.0f, kMaxLineWidth);
    // Per gap: the |w| drawn at full strength, and an opacity that keeps many overlapping lines
    // from piling up into a solid block: lines as wide as they are drawn may cover a pixel row
    // about kLineCoverage times over before they fade.
    const int gaps = std::min(static_cast<int>(scales_.size()), columns - 1);
    float gap_data[(kMaxColumns - 1) * 2];
    for (int l = 0; l < gaps; ++l) {
        const float height = std::max(1.0f, std::min(geo.columns[l].spacing * geo.columns[l].count,
                                                     geo.columns[l + 1].spacing * geo.columns[l + 1].count));
        const float typical_width = plan_binned_[l] ? kBinLineWidth : 0.5f * max_width + 0.6f;
        const float coverage = static_cast<float>(plan_lines_[l]) * typical_width / height;
        gap_data[l * 2] = scales_[l];
        gap_data[l * 2 + 1] = std::clamp(kLineCoverage / std::max(coverage, 1e-3f), 0.1f, 1.0f);
    }

    // The canvas and the diagram's rectangle in framebuffer pixels; GL's y axis points up.
    const mlp::Box& a = geo.area;
    const FramebufferRect target{static_cast<int>(std::lround(display_w * fb_scale)),
                                 static_cast<int>(std::lround(display_h * fb_scale)),
                                 static_cast<int>(std::floor(a.x * fb_scale)),
                                 static_cast<int>(std::floor((display_h - a.y - a.h) * fb_scale)),
                                 static_cast<int>(std::ceil(a.w * fb_scale)), static_cast<int>(std::ceil(a.h * fb_scale))};
    if (target.w <= 0 || target.h <= 0) return;

    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    // Colour blends over the page; alpha stays 1 so the canvas never shows the page through it.
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);

    glUseProgram(edge_program_);
    glUniform2f(edge_u_.view, display_w, display_h);
    glUniform1f(edge_u_.px, px);
    glUniform4fv(edge_u_.columns, columns, column_data);
    if (gaps > 0) glUniform2fv(edge_u_.gaps, gaps, gap_data);
    glUniform1f(edge_u_.max_width, max_width);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, line_texture_);

    // All lines: redrawn into the cache only when they, the layout or the canvas changed; else
    // one copy of the cached pixels. (Tens of thousands of long thin lines are the costliest
    // thing on screen for a GPU, and a still diagram should cost nothing.)
    std::vector<float> key = {px, max_width, static_cast<float>(target.canvas_w), static_cast<float>(target.canvas_h),
                              static_cast<float>(target.x), static_cast<float>(target.y),
                              static_cast<float>(target.w), static_cast<float>(target.h)};
    key.insert(key.end(), column_data, column_data + columns * 4);
    const std::vector<float> gap_values(gap_data, gap_data + gaps * 2);
    const bool cached = draw_cached_lines(target, key, gap_values, column_data, fb_scale, max_width);
    glEnable(GL_SCISSOR_TEST);
    glScissor(target.x, target.y, target.w, target.h);
    glBindVertexArray(line_vao_);
    if (!cached) {
        draw_line_range(0, static_cast<int>(lines_.size()));
    } else if (held_line_ >= 0) {  // over the cache, which left it out
        draw_line_range(held_line_, held_line_ + 1);
    }
    if (!highlight.lines.empty()) {
        upload_lines(overlay_texture_, highlight.lines.data(), highlight.lines.size(), false, &overlay_rows_,
                     &line_texels_);
        glBindTexture(GL_TEXTURE_2D, overlay_texture_);
        draw_line_range(0, static_cast<int>(highlight.lines.size()));
    }
    glBindTexture(GL_TEXTURE_2D, 0);

    glUseProgram(node_program_);
    glUniform2f(node_u_.view, display_w, display_h);
    glUniform1f(node_u_.px, px);
    glUniform4fv(node_u_.columns, columns, column_data);
    glUniform1f(node_u_.value_scale, value_scale_);
    glUniform2fv(node_u_.hovered, 1, highlight.hovered_node);
    glUniform2fv(node_u_.selected, 1, highlight.selected_node);
    glBindVertexArray(node_vao_);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(nodes_.size() / 4 * kVerticesPerNode));

    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glUseProgram(0);
    glDisable(GL_SCISSOR_TEST);
}

// Which gaps of the cache to redraw. True and an empty list: all of it (the layout, the canvas or
// every line changed, or a gap is too narrow for its strip to hold only its neighbours' lines).
bool DiagramRenderer::stale_cache_gaps(const std::vector<float>& gap_data, const float* column_data,
                                       float fb_scale, float margin, std::vector<int>* gaps) const {
    gaps->clear();
    const int count = static_cast<int>(gap_data.size() / 2);
    if (cache_stale_ || gap_data.size() != cache_gap_data_.size() || static_cast<int>(stale_gaps_.size()) < count)
        return true;
    for (int l = 0; l < count; ++l) {
        const bool changed = stale_gaps_[l] || gap_data[l * 2] != cache_gap_data_[l * 2] ||
                             gap_data[l * 2 + 1] != cache_gap_data_[l * 2 + 1];
        if (!changed) continue;
        // A strip reaches `margin` past its columns; lines of the gaps beyond the neighbours must
        // not reach into it.
        if ((column_data[(l + 1) * 4] - column_data[l * 4]) * fb_scale <= 2.0f * margin) return true;
        if (l > 0 && (column_data[l * 4] - column_data[(l - 1) * 4]) * fb_scale <= 2.0f * margin) return true;
        if (l + 1 < count && (column_data[(l + 2) * 4] - column_data[(l + 1) * 4]) * fb_scale <= 2.0f * margin)
            return true;
        gaps->push_back(l);
    }
    return false;
}

// Gives the cache `fbo` a colour texture of w x h. False when the framebuffer is not complete.
bool DiagramRenderer::size_cache(unsigned fbo, unsigned texture, int w, int h) {
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    // Back to the lines' texture, which draw() bound for the lines drawn next: unbound, every line
    // would read texel 0 and the cache drawn after a resize would hold one line where all are.
    glBindTexture(GL_TEXTURE_2D, line_texture_);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, target_fbo_);
    return complete;
}

void DiagramRenderer::abandon_build() {
    if (build_next_ < 0) return;
    build_next_ = -1;
    cache_stale_ = true;  // the shown cache is older than the lines the redraw began with
}

// Draws the lines from the cache, refreshing first what changed of it: at once, or (a redraw in
// parts, lines_per_part_) a part into the second cache. False when there is no usable cache (then
// the caller draws them directly).
bool DiagramRenderer::draw_cached_lines(const FramebufferRect& target, const std::vector<float>& key,
                                        const std::vector<float>& gap_data, const float* column_data,
                                        float fb_scale, float max_width) {
    // A few lines cost less than copying the diagram's every pixel.
    if (!cache_usable_ || lines_.size() < kMinLinesToCache) {
        abandon_build();
        return false;
    }
    bool all = key != cache_key_;
    if (target.w != cache_w_ || target.h != cache_h_) {
        if (!size_cache(cache_fbo_, cache_texture_, target.w, target.h)) {
            cache_usable_ = false;
            return false;
        }
        cache_w_ = target.w;
        cache_h_ = target.h;
        all = true;
    }
    // A strip reaches past its columns by half the widest line and its antialiasing.
    const float margin = (0.5f * max_width + 2.0f) * fb_scale;
    std::vector<int> gaps;
    // In parts only while the layout and the canvas stay as they are: the cache shown must fit them.
    const bool in_parts = lines_per_part_ > 0 && !all;
    if (!in_parts || (build_next_ >= 0 && gap_data != build_gap_data_)) abandon_build();
    if (in_parts && build_next_ < 0 && (stale_cache_gaps(gap_data, column_data, fb_scale, margin, &gaps) || !gaps.empty())) {
        if (build_w_ != target.w || build_h_ != target.h) {
            build_w_ = build_h_ = 0;
            if (size_cache(build_fbo_, build_texture_, target.w, target.h)) {
                build_w_ = target.w;
                build_h_ = target.h;
            }
        }
        if (build_w_ == target.w && build_h_ == target.h) {
            glBindFramebuffer(GL_FRAMEBUFFER, build_fbo_);
            glDisable(GL_SCISSOR_TEST);
            const ImVec4 bg = palette::kBackground.vec4();
            glClearColor(bg.x, bg.y, bg.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            glBindFramebuffer(GL_FRAMEBUFFER, target_fbo_);
            build_next_ = 0;
            build_gap_data_ = gap_data;
            // What changed until now is in the redraw; what changes later marks it stale again.
            stale_gaps_.assign(stale_gaps_.size(), false);
            cache_stale_ = false;
        } else {
            all = true;  // no second cache: at once
        }
        gaps.clear();
    }
    if (build_next_ >= 0) {
        draw_line_part(target, gap_data);
    } else if (!in_parts || all) {
        if (!all) all = stale_cache_gaps(gap_data, column_data, fb_scale, margin, &gaps);
        if (all || !gaps.empty()) redraw_cache(target, key, gap_data, column_data, fb_scale, margin, all, gaps);
    }
    glDisable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, cache_fbo_);
    glBlitFramebuffer(0, 0, target.w, target.h, target.x, target.y, target.x + target.w, target.y + target.h,
                      GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, target_fbo_);
    return true;
}

// The cache redrawn at once: all of it, or the strips of `gaps`.
void DiagramRenderer::redraw_cache(const FramebufferRect& target, const std::vector<float>& key,
                                   const std::vector<float>& gap_data, const float* column_data, float fb_scale,
                                   float margin, bool all, const std::vector<int>& gaps) {
    // The same projection as the canvas, shifted so the diagram's corner lands on (0, 0).
    glBindFramebuffer(GL_FRAMEBUFFER, cache_fbo_);
    glViewport(-target.x, -target.y, target.canvas_w, target.canvas_h);
    const ImVec4 bg = palette::kBackground.vec4();
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glBindVertexArray(line_vao_);
    if (all) {
        glDisable(GL_SCISSOR_TEST);
        glClear(GL_COLOR_BUFFER_BIT);
        draw_lines_but_held(0, static_cast<int>(lines_.size()));
    } else {
        // Gap l's strip, from column l to column l+1: cleared, then the lines of gaps l-1..l+1
        // drawn in their order, as a full redraw leaves those pixels.
        const int count = static_cast<int>(gap_data.size() / 2);
        glEnable(GL_SCISSOR_TEST);
        for (int l : gaps) {
            const int x0 = std::max(0, static_cast<int>(std::floor(column_data[l * 4] * fb_scale - target.x - margin)));
            const int x1 = std::min(target.w, static_cast<int>(std::ceil(column_data[(l + 1) * 4] * fb_scale -
                                                                          target.x + margin)));
            if (x1 <= x0) continue;
            glScissor(x0, 0, x1 - x0, target.h);
            glClear(GL_COLOR_BUFFER_BIT);
            const int from = std::max(0, l - 1), to = std::min(count - 1, l + 1);
            draw_lines_but_held(plan_first_[from], plan_first_[to] + plan_lines_[to]);
        }
        glDisable(GL_SCISSOR_TEST);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, target_fbo_);
    glViewport(0, 0, target.canvas_w, target.canvas_h);
    cache_key_ = key;
    cache_gap_data_ = gap_data;
    stale_gaps_.assign(stale_gaps_.size(), false);
    cache_stale_ = false;
}

// The next lines_per_part_ lines into the second cache, in the order a redraw at once draws them
// (so the same pixels when the last is in), and then that cache swapped in for the one shown.
void DiagramRenderer::draw_line_part(const FramebufferRect& target, const std::vector<float>& gap_data) {
    const int lines = static_cast<int>(lines_.size());
    const int end = std::min(lines, build_next_ + std::max(1, lines_per_part_));
    glBindFramebuffer(GL_FRAMEBUFFER, build_fbo_);
    glViewport(-target.x, -target.y, target.canvas_w, target.canvas_h);
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(line_vao_);
    draw_lines_but_held(build_next_, end);
    glBindFramebuffer(GL_FRAMEBUFFER, target_fbo_);
    glViewport(0, 0, target.canvas_w, target.canvas_h);
    build_next_ = end;
    ++parts_drawn_;
    if (end < lines) return;
    std::swap(cache_fbo_, build_fbo_);
    std::swap(cache_texture_, build_texture_);
    cache_gap_data_ = gap_data;  // (and cache_key_ holds: a new one would have dropped the redraw)
    build_next_ = -1;
    ++builds_done_;
}

void DiagramRenderer::draw_line_range(int first, int end) {
    if (end <= first) return;
    // From vertex 0 with the first line a uniform, rather than from vertex first * 6: whether
    // gl_VertexID counts from the draw's first vertex is where GL implementations have differed.
    glUniform1i(edge_u_.first_line, first);
    glDrawArrays(GL_TRIANGLES, 0, (end - first) * kVerticesPerLine);
}

void DiagramRenderer::draw_lines_but_held(int first, int end) {
    if (held_line_ >= first && held_line_ < end) {
        draw_line_range(first, held_line_);
        draw_line_range(held_line_ + 1, end);
    } else {
        draw_line_range(first, end);
    }
}

}  // namespace app
