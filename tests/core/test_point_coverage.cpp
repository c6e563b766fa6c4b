// The Data plot's point sprites (point_coverage.h): the share of each pixel a disc or ring covers,
// checked against the shapes' areas computed by hand, and the 10-gon's equal-area disc.
#include <doctest/doctest.h>

#include <cmath>
#include <numeric>

#include "app/point_coverage.h"

namespace {

const double kPi = 3.14159265358979323846;

// The covered area, pixels: the sum of the shares.
double covered(const std::vector<uint8_t>& alpha) {
    return std::accumulate(alpha.begin(), alpha.end(), 0.0, [](double sum, uint8_t a) { return sum + a / 255.0; });
}

}  // namespace

TEST_CASE("a point's disc covers its area, full in the middle and nothing at the corners") {
    for (const float r : {3.0f, 4.35f, 7.0f, 9.0f}) {
        const int side = static_cast<int>(std::ceil(2 * r)) + 4;
        const std::vector<uint8_t> a = app::point_coverage(r, 0.0f, side);
        REQUIRE(a.size() == static_cast<size_t>(side * side));
        CHECK(covered(a) == doctest::Approx(kPi * r * r).epsilon(0.02));
        CHECK(a[(side / 2) * side + side / 2] == 255);
        CHECK(a[0] == 0);
        CHECK(a[side * side - 1] == 0);
        for (int y = 0; y < side; ++y)  // symmetric left to right and top to bottom
            for (int x = 0; x < side; ++x) {
                CHECK(a[y * side + x] == a[y * side + (side - 1 - x)]);
                CHECK(a[y * side + x] == a[(side - 1 - y) * side + x]);
            }
    }
}

TEST_CASE("a test point's ring covers its annulus and leaves its middle empty") {
    const float r = 3.0f, w = 1.8f;
    const int side = 12;
    const std::vector<uint8_t> a = app::point_coverage(r, w, side);
    const double outer = r + w / 2, inner = r - w / 2;
    CHECK(covered(a) == doctest::Approx(kPi * (outer * outer - inner * inner)).epsilon(0.03));
    CHECK(a[(side / 2) * side + side / 2] == 0);  // the pixel right of the centre: d in 0..1, inside the hole
}

TEST_CASE("the disc of a 10-gon's area is a little smaller than its circumradius") {
    // Area of a regular 10-gon of circumradius 1: 5 sin 36°; the disc of that area: sqrt(5 sin 36° / pi).
    CHECK(app::ten_gon_disc_radius(1.0f) == doctest::Approx(0.96723).epsilon(1e-4));
    CHECK(app::ten_gon_disc_radius(3.5f) == doctest::Approx(3.5 * 0.96723).epsilon(1e-4));
}
