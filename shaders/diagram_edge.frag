#version 300 es
// Coverage of a line: full inside its width, fading over one device pixel at the sides (no MSAA
// needed), and dots of 2.5 CSS px for a weight of exactly zero.
precision highp float;

uniform float u_px;

in vec4 v_colour;
in float v_across;
flat in float v_half_width;
in float v_along;
flat in float v_dotted;

out vec4 frag_colour;

void main() {
    float coverage = clamp((v_half_width - abs(v_across)) / u_px + 0.5, 0.0, 1.0);
    if (v_dotted > 0.5) {
        // Dots 2.5 px long every 5 px: distance from the nearest dot's centre, antialiased too.
        float from_dot = abs(fract(v_along / 5.0) - 0.25) * 5.0;
        coverage *= clamp((1.25 - from_dot) / u_px + 0.5, 0.0, 1.0);
    }
    frag_colour = vec4(v_colour.rgb, v_colour.a * coverage);
}
