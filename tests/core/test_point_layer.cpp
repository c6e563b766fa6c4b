// The Data plot's points composited into one image (point_layer.h): drawn over a background, the
// image gives what drawing each point's sprites one by one over it gives, within 8-bit rounding;
// the reference here blends in double precision from the sprites' coverage (point_coverage.h,
// checked against the shapes' areas in test_point_coverage.cpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <random>
#include <vector>

#include "app/point_coverage.h"
#include "app/point_layer.h"

namespace {

constexpr uint32_t kWhite = 0xFFFFFFFFu;

uint32_t rgb(int r, int g, int b) { return 0xFF000000u | (b << 16) | (g << 8) | r; }
int channel(uint32_t c, int k) { return static_cast<int>((c >> (8 * k)) & 0xFF); }

// Each point's sprites blended one by one over an opaque background, in double precision.
std::vector<double> reference(const std::vector<app::LayerPoint>& points, float ratio, bool large, int w, int h,
                              const double background[3]) {
    const int side = static_cast<int>(std::ceil(2.0f * (app::kPointRadiusLarge + app::kPointOutline) * ratio)) + 2;
    const float r = large ? app::kPointRadiusLarge : app::kPointRadius;
    const auto disc = app::point_coverage(app::ten_gon_disc_radius(r) * ratio, 0.0f, side);
    const auto outlined = app::point_coverage(app::ten_gon_disc_radius(r + app::kPointOutline) * ratio, 0.0f, side);
    const auto ring = app::point_coverage(app::ten_gon_disc_radius(r - 0.5f) * ratio, app::kTestRingWidth * ratio, side);
    std::vector<double> out(static_cast<size_t>(w) * h * 3);
    for (size_t i = 0; i < out.size(); ++i) out[i] = background[i % 3];
    auto blend = [&](const std::vector<uint8_t>& cover, int x0, int y0, uint32_t colour) {
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x) {
                if (x0 + x < 0 || y0 + y < 0 || x0 + x >= w || y0 + y >= h) continue;
                const double a = cover[y * side + x] / 255.0;
                for (int k = 0; k < 3; ++k) {
                    double& p = out[(static_cast<size_t>(y0 + y) * w + (x0 + x)) * 3 + k];
                    p = channel(colour, k) * a + p * (1 - a);
                }
            }
    };
    for (const app::LayerPoint& p : points) {
        const int x0 = static_cast<int>(std::lround(p.x - 0.5f * side));
        const int y0 = static_cast<int>(std::lround(p.y - 0.5f * side));
        if (p.test) {
            blend(disc, x0, y0, kWhite);
            blend(ring, x0, y0, p.colour);
        } else {
            blend(outlined, x0, y0, kWhite);
            blend(disc, x0, y0, p.colour);
        }
    }
    return out;
}

// The image drawn over the background with source-alpha blending, as the canvas does.
double worst_difference(const app::PointLayer& layer, const std::vector<double>& want, const double background[3]) {
    double worst = 0;
    const std::vector<uint8_t>& rgba = layer.rgba();
    for (size_t i = 0; i * 4 < rgba.size(); ++i) {
        const double a = rgba[i * 4 + 3] / 255.0;
        for (int k = 0; k < 3; ++k)
            worst = std::max(worst, std::fabs(rgba[i * 4 + k] * a + background[k] * (1 - a) - want[i * 3 + k]));
    }
    return worst;
}

}  // namespace

TEST_CASE("a train point is its colour in the middle, white at its edge, and nothing away from it") {
    app::PointLayer layer;
    const uint32_t blue = rgb(0, 114, 178);
    layer.composite({{20.0f, 20.0f, false, blue}}, 1.0f, false, kWhite, 40, 40);
    const std::vector<uint8_t>& p = layer.rgba();
    REQUIRE(p.size() == 40u * 40u * 4u);
    auto at = [&](int x, int y, int k) { return static_cast<int>(p[(y * 40 + x) * 4 + k]); };
    CHECK(at(20, 20, 0) == 0);
    CHECK(at(20, 20, 1) == 114);
    CHECK(at(20, 20, 2) == 178);
    CHECK(at(20, 20, 3) == 255);
    // The outline: the sprite's centre is pixel 20's centre; the disc's radius is 3 x 0.967 px,
    // the outline's 4 x 0.967. Pixel 23 (3 px out) is opaque, its disc's edge lightened by the
    // white outline (red: 0 in the disc).
    CHECK(at(23, 20, 0) > 100);
    CHECK(at(23, 20, 3) == 255);
    CHECK(at(0, 0, 3) == 0);
    CHECK(at(30, 20, 3) == 0);
}

TEST_CASE("a test point is a white middle inside a ring of its colour") {
    app::PointLayer layer;
    const uint32_t orange = rgb(230, 159, 0);
    layer.composite({{20.0f, 20.0f, true, orange}}, 1.0f, false, kWhite, 40, 40);
    const std::vector<uint8_t>& p = layer.rgba();
    auto at = [&](int x, int y, int k) { return static_cast<int>(p[(y * 40 + x) * 4 + k]); };
    CHECK(at(20, 20, 2) == 255);  // white, not orange (blue channel 0)
    CHECK(at(20, 20, 3) == 255);
    int ring = 0;  // pixels in the ring at its full colour
    for (int y = 0; y < 40; ++y)
        for (int x = 0; x < 40; ++x) ring += at(x, y, 3) == 255 && at(x, y, 0) == 230 && at(x, y, 2) == 0;
    CHECK(ring >= 8);
}

TEST_CASE("over any background the image gives the points drawn one by one, overlapping and clipped at the edges") {
    std::mt19937 random(7);
    std::uniform_real_distribution<float> where(-4.0f, 124.0f);
    for (const float ratio : {1.0f, 1.5f, 2.0f, 3.0f})
        for (const bool large : {false, true}) {
            std::vector<app::LayerPoint> points;
            for (int k = 0; k < 300; ++k)  // crowded: most points overlap others
                points.push_back({where(random), where(random), k % 4 == 0,
                                  k % 2 ? rgb(0, 114, 178) : rgb(230, 159, 0)});
            app::PointLayer layer;
            const int w = 120, h = 100;
            layer.composite(points, ratio, large, kWhite, w, h);
            for (const auto& bg : {std::vector<double>{255, 255, 255}, std::vector<double>{30, 200, 90},
                                   std::vector<double>{0, 0, 0}}) {
                const std::vector<double> want = reference(points, ratio, large, w, h, bg.data());
                CAPTURE(ratio);
                CAPTURE(large);
                CHECK(worst_difference(layer, want, bg.data()) <= 2.0);
            }
        }
}
