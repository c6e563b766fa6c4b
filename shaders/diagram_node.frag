#version 300 es
// A node: an antialiased disc (fill, then its ring at the edge) over a soft halo when hovered or
// selected; or a cell of a strip, filled edge to edge so a dense layer reads as a heat map.
precision highp float;

uniform float u_px;

in vec2 v_local;
flat in vec2 v_half_size;
flat in float v_radius;
flat in vec4 v_fill;
flat in vec4 v_ring;
flat in float v_ring_width;
flat in vec4 v_halo;
flat in float v_halo_width;

out vec4 frag_colour;

void main() {
    if (v_half_size.x > 0.0) {
        // Strip cell: sharp along the column (cells touch), antialiased at the sides.
        float side = clamp((v_half_size.x - abs(v_local.x)) / u_px + 0.5, 0.0, 1.0);
        float halo = v_halo_width > 0.0 && abs(v_local.x) > v_half_size.x ? v_halo.a : 0.0;
        frag_colour = vec4(mix(v_halo.rgb, v_fill.rgb, side), side + halo * (1.0 - side));
        return;
    }
    float d = length(v_local) - v_radius;  // < 0 inside the disc
    float inside = clamp(0.5 - d / u_px, 0.0, 1.0);
    float in_ring = clamp((d + v_ring_width) / u_px + 0.5, 0.0, 1.0);
    vec3 disc = mix(v_fill.rgb, v_ring.rgb, in_ring);
    float halo = v_halo.a * clamp((v_halo_width - d) / u_px + 0.5, 0.0, 1.0);
    frag_colour = vec4(mix(v_halo.rgb, disc, inside), inside + halo * (1.0 - inside));
}
