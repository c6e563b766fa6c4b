#version 300 es
// The nodes of the network diagram, six vertices per node (two triangles): a square quad around
// the node in which the fragment shader draws an antialiased circle (a signed distance), or, for a
// layer too dense for circles, one cell of a coloured strip. Positions come from the column
// uniforms. Not an instanced draw: software GL (SwiftShader) sets up every instance as a draw of
// its own, which cost ~17 ms a frame for the 1027 nodes of 8x128; one plain draw costs ~1 ms.
precision highp float;

layout(location = 0) in vec4 a_node;  // layer, index, value (the activation shown), state (0, 1 clipped, 2 hidden); the same for the node's six vertices

uniform vec2 u_view;             // canvas size, CSS px
uniform float u_px;              // one device pixel in CSS px
uniform vec4 u_columns[33];      // per layer of nodes: x, y of node 0, spacing, radius (negative: a strip)
uniform float u_strip_half_width;
uniform float u_value_scale;     // the |value| drawn at full colour
uniform vec2 u_hovered;          // (layer, index) of the hovered node, or (-1, -1)
uniform vec2 u_selected;         // the same for the selected node
uniform vec4 u_positive;         // palette.h
uniform vec4 u_negative;
uniform vec4 u_fill_zero;
uniform vec4 u_ink;
uniform vec4 u_clipped;

out vec2 v_local;                // CSS px from the node's centre
flat out vec2 v_half_size;       // a strip cell's half size; x = 0 for a circle
flat out float v_radius;
flat out vec4 v_fill;
flat out vec4 v_ring;
flat out float v_ring_width;
flat out vec4 v_halo;
flat out float v_halo_width;
flat out float v_dashed;         // 1: the ring is dashed (a value exercise mode hides: a blank to fill)

void main() {
    vec4 column = u_columns[int(a_node.x)];
    vec2 centre = vec2(column.x, column.y + a_node.y * column.z);
    float value = a_node.z;
    bool clipped = a_node.w > 0.5 && a_node.w < 1.5;
    bool hidden = a_node.w > 1.5;
    bool strip = column.w < 0.0;
    bool hovered = all(equal(a_node.xy, u_hovered));
    bool selected = all(equal(a_node.xy, u_selected));

    // Fill: white for 0, towards blue (positive) or orange (negative) with the magnitude; the
    // square root keeps small values visible next to large ones. Circles stay light enough for
    // dark digits on top (at least 4.5:1).
    float t = u_value_scale > 0.0 ? sqrt(clamp(abs(value) / u_value_scale, 0.0, 1.0)) : 0.0;
    vec4 sign_colour = value >= 0.0 ? u_positive : u_negative;
    float strength = value == 0.0 ? 0.0 : (strip ? 0.12 + 0.88 * t : 0.12 + 0.5 * t);
    v_fill = mix(u_fill_zero, sign_colour, strength);
    v_ring = value == 0.0 ? mix(u_ink, u_fill_zero, 0.45) : mix(sign_colour, u_ink, 0.35);
    v_ring_width = 1.25;
    v_halo = vec4(0.0);
    v_halo_width = 0.0;
    v_dashed = 0.0;
    if (hidden) {  // no fill, no sign: a dashed ring in ink, like an empty box on the worksheet
        v_fill = u_fill_zero;
        v_ring = mix(u_ink, u_fill_zero, 0.2);
        v_ring_width = 2.0;
        v_dashed = strip ? 0.0 : 1.0;
    }
    if (clipped) {  // the worksheet's cross-out: a heavy ring and a glow in the clip colour
        v_ring = u_clipped;
        v_ring_width = 3.0;
        v_halo = vec4(u_clipped.rgb, 0.22);
        v_halo_width = strip ? 3.0 : min(5.0, 0.25 * column.w);  // on a strip: a tick beside the cell
    }
    if (selected || hovered) {
        if (!clipped) {
            v_ring = u_ink;
            v_ring_width = selected ? 2.5 : 2.0;
        }
        v_halo = vec4(u_ink.rgb, selected ? 0.22 : 0.12);
        v_halo_width = selected ? 6.0 : 4.0;  // always visible, even on a strip's cell
    }

    vec2 half_extent;
    if (strip) {
        v_half_size = vec2(u_strip_half_width, 0.5 * column.z);
        v_radius = 0.0;
        half_extent = v_half_size + vec2(u_px + v_halo_width, 0.0);
    } else {
        v_half_size = vec2(0.0);
        v_radius = column.w;
        half_extent = vec2(column.w + v_halo_width + u_px);
    }
    // The quad's corner (-1 | 1, -1 | 1) of this vertex: triangles (0, 1, 2) and (2, 1, 3) of the
    // corners (-1, -1), (1, -1), (-1, 1), (1, 1).
    const int kCorner[6] = int[6](0, 1, 2, 2, 1, 3);
    int corner = kCorner[gl_VertexID % 6];
    vec2 a_corner = vec2((corner & 1) == 0 ? -1.0 : 1.0, (corner & 2) == 0 ? -1.0 : 1.0);
    v_local = a_corner * half_extent;
    vec2 p = centre + v_local;
    gl_Position = vec4(p.x / u_view.x * 2.0 - 1.0, 1.0 - p.y / u_view.y * 2.0, 0.0, 1.0);
}
