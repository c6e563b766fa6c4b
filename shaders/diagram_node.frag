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
flat in float v_dashed;

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
    if (v_dashed > 0.5) {
        // Twelve dashes around the circle, antialiased at their ends along the arc.
        float arc = (atan(v_local.y, v_local.x) / 6.2831853 + 0.5) * 12.0;
        float along = abs(fract(arc) - 0.5) * 2.0;  // 0 mid-dash .. 1 mid-gap
        float pixels_per_unit = 6.2831853 * v_radius / 12.0 / u_px;
        in_ring *= clamp((0.6 - along) * pixels_per_unit * 0.5 + 0.5, 0.0, 1.0);
    }
    vec3 disc = mix(v_fill.rgb, v_ring.rgb, in_ring);
    float halo = v_halo.a * clamp((v_halo_width - d) / u_px + 0.5, 0.0, 1.0);
    frag_colour = vec4(mix(v_halo.rgb, disc, inside), inside + halo * (1.0 - inside));
}
