#include "app/point_coverage.h"

#include <cmath>

namespace app {

std::vector<uint8_t> point_coverage(float radius, float ring_width, int side) {
    constexpr int kSamples = 8;
    const float centre = 0.5f * static_cast<float>(side);
    const float inner = ring_width > 0 ? radius - 0.5f * ring_width : -1.0f;
    const float outer = ring_width > 0 ? radius + 0.5f * ring_width : radius;
    std::vector<uint8_t> out(static_cast<size_t>(side) * side);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            int hits = 0;
            for (int sy = 0; sy < kSamples; ++sy)
                for (int sx = 0; sx < kSamples; ++sx) {
                    const float dx = static_cast<float>(x) + (static_cast<float>(sx) + 0.5f) / kSamples - centre;
                    const float dy = static_cast<float>(y) + (static_cast<float>(sy) + 0.5f) / kSamples - centre;
                    const float d = std::sqrt(dx * dx + dy * dy);
                    hits += d <= outer && d >= inner;
                }
            out[static_cast<size_t>(y) * side + x] =
                static_cast<uint8_t>((hits * 255 + kSamples * kSamples / 2) / (kSamples * kSamples));
        }
    return out;
}

float ten_gon_disc_radius(float r) {
    // A regular n-gon of circumradius r has area n/2 r^2 sin(2 pi / n).
    const double pi = 3.14159265358979323846;
    return static_cast<float>(r * std::sqrt(5.0 * std::sin(2.0 * pi / 10.0) / pi));
}

}  // namespace app
