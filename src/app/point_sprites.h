// The plot's data points as sprites in ImGui's font atlas: each point one or two textured quads
// (12 indices) instead of ImGui's antialiased circles (two 10-gons with their fringes, 168 to 264
// indices). Software GL (SwiftShader) pays for every triangle: the ~600 points of a data set took
// 13 to 30 ms of the GPU process a frame while training, redrawn every frame. The sprites are the
// same discs and rings, their coverage computed at the screen's device pixels, white in the atlas
// and tinted by the quad's colour.
#pragma once

#include <cstdint>

#include "app/point_coverage.h"

struct ImFontAtlas;
struct ImDrawList;
struct ImVec2;

namespace app {

// Before the atlas is built (fonts.cpp): room for the sprites at `pixel_ratio` device px per CSS px.
void add_point_sprites(ImFontAtlas* atlas, float pixel_ratio);
// After it is built: their pixels.
void draw_point_sprites(ImFontAtlas* atlas);

// A point at `at` (CSS px) on the plot: its white outline and coloured disc, or for a test point
// the white disc and a coloured ring. `large`: the larger radius.
void add_point(ImDrawList* list, const ImVec2& at, bool large, bool test, uint32_t colour, uint32_t outline);

}  // namespace app
