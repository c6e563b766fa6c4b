// The Data plot's points, without ImGui: their sizes and the pixels of the sprites they are drawn
// from (point_sprites.h).
#pragma once

#include <cstdint>
#include <vector>

namespace app {

// The points' sizes, CSS px: a point's disc (larger on a plot at least kLargePlotSide wide), the
// white outline around it, a test point's ring.
constexpr float kPointRadius = 3.0f;
constexpr float kPointRadiusLarge = 3.5f;
constexpr float kLargePlotSide = 300.0f;
constexpr float kPointOutline = 1.0f;
constexpr float kTestRingWidth = 1.8f;

// What a sprite draws, around the centre of a square of `side` pixels: a disc of `radius` pixels
// (ring_width 0) or a ring `ring_width` wide centred on that radius. Each pixel's share covered
// (0..255, 8x8 samples), row by row.
std::vector<uint8_t> point_coverage(float radius, float ring_width, int side);

// The radius of a disc with the area of a regular 10-gon of circumradius r: ImGui drew the points
// as such 10-gons, and the sprites keep their size.
float ten_gon_disc_radius(float r);

}  // namespace app
