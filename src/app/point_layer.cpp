#include "app/point_layer.h"

#include <algorithm>
#include <cmath>

#include "app/point_coverage.h"

namespace app {

void PointLayer::make_sprites(float pixel_ratio, bool large) {
    if (side_ > 0 && pixel_ratio == sprites_ratio_ && large == sprites_large_) return;
    sprites_ratio_ = pixel_ratio;
    sprites_large_ = large;
    // Room for the outlined disc and a pixel of margin on each side; one side for every sprite,
    // so all of a point's sprites share its centre.
    side_ = static_cast<int>(std::ceil(2.0f * (kPointRadiusLarge + kPointOutline) * pixel_ratio)) + 2;
    // The size of the points as ImGui drew them: 10-gons of radius r, a ring stroked half a pixel
    // inside r.
    const float r = large ? kPointRadiusLarge : kPointRadius;
    disc_ = point_coverage(ten_gon_disc_radius(r) * pixel_ratio, 0.0f, side_);
    outlined_ = point_coverage(ten_gon_disc_radius(r + kPointOutline) * pixel_ratio, 0.0f, side_);
    ring_ = point_coverage(ten_gon_disc_radius(r - 0.5f) * pixel_ratio, kTestRingWidth * pixel_ratio, side_);
}

// Blends the sprite tinted with `colour` over the image, premultiplied, rounded to 8 bits at each
// step as the canvas's framebuffer would be.
void PointLayer::blend(const std::vector<uint8_t>& coverage, int x0, int y0, uint32_t colour, int w, int h) {
    const float c[3] = {static_cast<float>(colour & 0xFF), static_cast<float>((colour >> 8) & 0xFF),
                        static_cast<float>((colour >> 16) & 0xFF)};
    const float tint_alpha = static_cast<float>((colour >> 24) & 0xFF) / 255.0f;
    for (int y = std::max(0, -y0); y < side_ && y0 + y < h; ++y)
        for (int x = std::max(0, -x0); x < side_ && x0 + x < w; ++x) {
            const uint8_t cover = coverage[static_cast<size_t>(y) * side_ + x];
            if (cover == 0) continue;
            const float a = tint_alpha * static_cast<float>(cover) / 255.0f;
            uint8_t* p = &rgba_[(static_cast<size_t>(y0 + y) * w + (x0 + x)) * 4];
            for (int k = 0; k < 3; ++k) p[k] = static_cast<uint8_t>(std::lround(c[k] * a + p[k] * (1.0f - a)));
            p[3] = static_cast<uint8_t>(std::lround(255.0f * a + p[3] * (1.0f - a)));
        }
}

void PointLayer::composite(const std::vector<LayerPoint>& points, float pixel_ratio, bool large, uint32_t outline,
                           int w, int h) {
    make_sprites(pixel_ratio, large);
    rgba_.assign(static_cast<size_t>(w) * h * 4, 0);
    const float half = 0.5f * static_cast<float>(side_);
    for (const LayerPoint& p : points) {
        const int x0 = static_cast<int>(std::lround(p.x - half));
        const int y0 = static_cast<int>(std::lround(p.y - half));
        if (p.test) {
            blend(disc_, x0, y0, outline, w, h);
            blend(ring_, x0, y0, p.colour, w, h);
        } else {
            blend(outlined_, x0, y0, outline, w, h);
            blend(disc_, x0, y0, p.colour, w, h);
        }
    }
    // Premultiplied to straight: what the usual blending expects.
    for (size_t i = 0; i < rgba_.size(); i += 4) {
        const int a = rgba_[i + 3];
        if (a == 0 || a == 255) continue;
        for (int k = 0; k < 3; ++k) rgba_[i + k] = static_cast<uint8_t>(std::min(255, (rgba_[i + k] * 255 + a / 2) / a));
    }
}

}  // namespace app
