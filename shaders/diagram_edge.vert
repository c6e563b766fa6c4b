#version 300 es
// The lines of the network diagram (core/edge_bins.h), six vertices each, no vertex attributes:
// two triangles along the segment between two node centres, as wide as the line plus one device
// pixel for antialiasing. Each vertex reads its line from u_lines (diagram_renderer.cpp
// upload_lines). Not instanced: software GL (SwiftShader) sets up every instance as a draw of
// its own. The ends come from the column uniforms, so resizing the window moves every line
// without touching the texture.
precision highp float;

// A line per texel: gap + u_kind_stride * kind, source and target position (node-index units),
// weight.
uniform highp sampler2D u_lines;
uniform float u_kind_stride;
uniform int u_first_line;         // the draw's first line: vertex 0 is its first corner

uniform vec2 u_view;            // canvas size, CSS px
uniform float u_px;             // one device pixel in CSS px
uniform vec4 u_columns[33];     // per layer of nodes (limits.h: 32 weight layers): x, y of node 0, spacing, radius
uniform vec2 u_gaps[32];        // per gap: the |w| drawn at full width (or opacity), and an opacity for crowding
uniform float u_max_width;      // CSS px: the width of the heaviest line
uniform vec4 u_positive;        // palette.h, alpha 1
uniform vec4 u_negative;
uniform vec4 u_zero;
uniform vec4 u_halo;

out vec4 v_colour;
out float v_across;             // CSS px from the centre line
flat out float v_half_width;    // CSS px
out float v_along;              // CSS px from the start, for the dots of a zero weight
flat out float v_dotted;

// The two triangles' corners: x along the line (start -1, end 1), y across.
const vec2 kCorners[6] = vec2[6](vec2(-1.0, -1.0), vec2(1.0, -1.0), vec2(-1.0, 1.0),
                                 vec2(-1.0, 1.0), vec2(1.0, -1.0), vec2(1.0, 1.0));

void main() {
    int index = u_first_line + gl_VertexID / 6;
    int row_length = textureSize(u_lines, 0).x;
    vec4 edge = texelFetch(u_lines, ivec2(index % row_length, index / row_length), 0);
    vec2 corner = kCorners[gl_VertexID % 6];
    float kind = floor(edge.x / u_kind_stride);  // EdgeKind: 0 one weight, 1 mean of a block, 2 halo
    int gap = int(edge.x - kind * u_kind_stride);
    vec4 from = u_columns[gap];
    vec4 to = u_columns[gap + 1];
    vec2 p0 = vec2(from.x, from.y + edge.y * from.z);
    vec2 p1 = vec2(to.x, to.y + edge.z * to.z);
    float w = edge.w;
    vec2 gap_style = u_gaps[gap];
    float scale = gap_style.x;
    float t = scale > 0.0 ? clamp(abs(w) / scale, 0.0, 1.0) : 0.0;
    vec4 colour = w > 0.0 ? u_positive : (w < 0.0 ? u_negative : u_zero);
    float width;
    v_dotted = 0.0;
    if (kind < 0.5) {  // one weight: as thick as |w|; a zero weight is a dotted hairline
        width = w == 0.0 ? 1.0 : mix(1.25, u_max_width, t);
        v_dotted = w == 0.0 ? 1.0 : 0.0;
    } else if (kind < 1.5) {  // the mean of a block: thin, as opaque as |mean|
        width = 1.25;
        colour.a = 0.9 * t * t;
    } else {  // halo under a hovered or selected line
        width = mix(1.25, u_max_width, t) + 7.0;
        colour = u_halo;
    }
    width = max(width, u_px);
    if (kind < 1.5) colour.a *= gap_style.y;

    vec2 along = p1 - p0;
    float len = max(length(along), 1e-3);
    vec2 normal = vec2(-along.y, along.x) / len;
    float half_extent = 0.5 * width + u_px;
    float s = 0.5 * (corner.x + 1.0);
    vec2 p = mix(p0, p1, s) + normal * corner.y * half_extent;

    v_colour = colour;
    v_across = corner.y * half_extent;
    v_half_width = 0.5 * width;
    v_along = s * len;
    gl_Position = vec4(p.x / u_view.x * 2.0 - 1.0, 1.0 - p.y / u_view.y * 2.0, 0.0, 1.0);
}
