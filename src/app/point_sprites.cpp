#include "app/point_sprites.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

namespace app {

namespace {

// The sprites, for both radii: [large][kind].
enum Kind { kDisc, kOutlined, kRing, kKinds };
struct Sprite {
    float radius = 0, ring_width = 0;  // device px
    int rect = -1;                     // the atlas's custom rect
    ImVec2 uv0, uv1;                   // its corners in the atlas, once built
};
Sprite g_sprites[2][kKinds];
int g_side = 0;              // every sprite's side, device px (one centre for all: concentric)
float g_pixel_ratio = 1.0f;  // device px per CSS px the sprites were drawn for

}  // namespace

void add_point_sprites(ImFontAtlas* atlas, float pixel_ratio) {
    g_pixel_ratio = pixel_ratio;
    // Room for the outlined disc and a pixel of margin on each side (no bleeding of neighbours
    // into a sprite sampled between texels).
    g_side = static_cast<int>(std::ceil(2.0f * (kPointRadiusLarge + kPointOutline) * pixel_ratio)) + 2;
    // The size of the points as ImGui drew them: 10-gons of radius r, a ring stroked half a pixel
    // inside r.
    for (int large = 0; large < 2; ++large) {
        const float r = large ? kPointRadiusLarge : kPointRadius;
        auto add = [&](float radius, float ring_width) {
            Sprite s;
            s.radius = ten_gon_disc_radius(radius) * pixel_ratio;
            s.ring_width = ring_width * pixel_ratio;
            s.rect = atlas->AddCustomRectRegular(g_side, g_side);
            return s;
        };
        g_sprites[large][kDisc] = add(r, 0);
        g_sprites[large][kOutlined] = add(r + kPointOutline, 0);
        g_sprites[large][kRing] = add(r - 0.5f, kTestRingWidth);
    }
}

void draw_point_sprites(ImFontAtlas* atlas) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &width, &height);  // builds the atlas if it is not yet
    if (!pixels) return;
    for (auto& by_size : g_sprites)
        for (Sprite& s : by_size) {
            if (s.rect < 0) continue;
            const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(s.rect);
            atlas->CalcCustomRectUV(rect, &s.uv0, &s.uv1);
            const std::vector<uint8_t> alpha = point_coverage(s.radius, s.ring_width, g_side);
            for (int y = 0; y < g_side; ++y)
                std::copy_n(alpha.data() + static_cast<size_t>(y) * g_side, g_side,
                            pixels + static_cast<size_t>(rect->Y + y) * width + rect->X);
        }
}

void add_point(ImDrawList* list, const ImVec2& at, bool large, bool test, uint32_t colour, uint32_t outline) {
    const Sprite* sprites = g_sprites[large ? 1 : 0];
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (g_side == 0 || sprites[kDisc].rect < 0) return;
    // The sprite's corner on a device pixel, so its texels land on pixels one to one (the point
    // moves by at most half a device pixel).
    const float half = 0.5f * static_cast<float>(g_side);
    const ImVec2 corner(std::round(at.x * g_pixel_ratio - half) / g_pixel_ratio,
                        std::round(at.y * g_pixel_ratio - half) / g_pixel_ratio);
    const ImVec2 end(corner.x + g_side / g_pixel_ratio, corner.y + g_side / g_pixel_ratio);
    auto quad = [&](const Sprite& s, ImU32 tint) { list->AddImage(atlas->TexID, corner, end, s.uv0, s.uv1, tint); };
    if (test) {
        quad(sprites[kDisc], outline);
        quad(sprites[kRing], colour);
    } else {
        quad(sprites[kOutlined], outline);
        quad(sprites[kDisc], colour);
    }
}

}  // namespace app
