// Which regions of the canvas a frame draws again (app/frame_damage.h): a region whose picture
// did not change keeps its pixels, and nothing is kept when that could leave a wrong pixel.
#include <doctest/doctest.h>

#include <vector>

#include "app/frame_damage.h"

namespace {

using app::FrameDamage;
using app::FrameRegion;
using app::PixelRect;
using app::Redraw;

// The laptop's layout at 1280x720: the diagram, the worksheet under it, the sliders on the left.
std::vector<FrameRegion> laptop(uint64_t sheet_print, uint64_t sliders_print) {
    FrameRegion diagram{0, {384, 42, 1280, 461}, 0, true};
    FrameRegion sheet{11, {384, 461, 1280, 720}, sheet_print};
    FrameRegion sliders{22, {0, 0, 384, 720}, sliders_print};
    return {diagram, sheet, sliders};
}

std::vector<bool> drawn(const Redraw& r) { return r.regions; }

}  // namespace

TEST_CASE("pixel rectangles cover every device pixel a CSS rectangle touches") {
    const PixelRect r = app::pixel_rect(10.5f, 20.0f, 100.0f, 50.25f, 1.0f, 1280, 720);
    CHECK(r == PixelRect{10, 20, 111, 71});
    CHECK(app::pixel_rect(10, 20, 100, 50, 2.0f, 1280, 720) == PixelRect{20, 40, 220, 140});
    CHECK(app::pixel_rect(-5, 700, 20, 50, 1.0f, 1280, 720) == PixelRect{0, 700, 15, 720});  // clamped
    CHECK(PixelRect{0, 0, 10, 10}.overlaps(PixelRect{9, 9, 20, 20}));
    CHECK_FALSE(PixelRect{0, 0, 10, 10}.overlaps(PixelRect{10, 0, 20, 10}));  // sharing an edge only
    CHECK_FALSE(PixelRect{0, 0, 0, 10}.overlaps(PixelRect{0, 0, 10, 10}));    // empty
}

TEST_CASE("the first frame draws everything; then only what changed, and the diagram always") {
    FrameDamage damage;
    CHECK(damage.next(laptop(1, 2), 7, false, 0).all);
    const Redraw same = damage.next(laptop(1, 2), 7, false, 16);
    REQUIRE_FALSE(same.all);
    CHECK(drawn(same) == std::vector<bool>{true, false, false});
    CHECK(same.kept() == 2);
    const Redraw sheet = damage.next(laptop(3, 2), 7, false, 33);
    CHECK(drawn(sheet) == std::vector<bool>{true, true, false});
    CHECK(sheet.kept() == 1);
    CHECK(drawn(damage.next(laptop(3, 4), 7, false, 50)) == std::vector<bool>{true, false, true});
}

TEST_CASE("everything is drawn again when the canvas, the regions or the caller say so") {
    FrameDamage damage;
    damage.next(laptop(1, 2), 7, false, 0);
    CHECK(damage.next(laptop(1, 2), 8, false, 16).all);  // a new size, scale or panel colour
    CHECK_FALSE(damage.next(laptop(1, 2), 8, false, 33).all);
    CHECK(damage.next(laptop(1, 2), 8, true, 50).all);  // a modal, the foreground list...
    std::vector<FrameRegion> moved = laptop(1, 2);
    moved[1].rect.y0 = 480;  // the worksheet folded or resized
    CHECK(damage.next(moved, 8, false, 66).all);
    std::vector<FrameRegion> fewer = laptop(1, 2);
    fewer.pop_back();
    CHECK(damage.next(fewer, 8, false, 83).all);
    damage.forget();  // a lost context
    CHECK(damage.next(fewer, 8, false, 100).all);
}

TEST_CASE("a region sharing a pixel with one drawn again is drawn again, transitively") {
    FrameDamage damage;
    std::vector<FrameRegion> regions = laptop(1, 2);
    regions.push_back({33, {300, 400, 500, 480}, 5});  // a tooltip over the sliders, the diagram, the worksheet
    damage.next(regions, 7, false, 0);
    // The tooltip overlaps the diagram (always drawn): so it is drawn, and the two panels under it.
    CHECK(drawn(damage.next(regions, 7, false, 16)) == std::vector<bool>{true, true, true, true});
    regions[3].rect = {10, 600, 100, 640};  // moved over the sliders alone
    damage.next(regions, 7, false, 33);
    CHECK(drawn(damage.next(regions, 7, false, 50)) == std::vector<bool>{true, false, false, false});
    regions[2].fingerprint = 9;  // the sliders changed under it: the tooltip is drawn over them again
    CHECK(drawn(damage.next(regions, 7, false, 66)) == std::vector<bool>{true, false, true, true});
}

TEST_CASE("a region with a least interval shows its change once that long has passed") {
    FrameDamage damage;
    std::vector<FrameRegion> regions = laptop(1, 2);
    regions[1].min_interval_ms = 100;
    damage.next(regions, 7, false, 0);
    regions[1].fingerprint = 3;
    CHECK(drawn(damage.next(regions, 7, false, 16)) == std::vector<bool>{true, false, false});
    regions[1].fingerprint = 4;
    CHECK(drawn(damage.next(regions, 7, false, 83)) == std::vector<bool>{true, false, false});
    CHECK(drawn(damage.next(regions, 7, false, 100)) == std::vector<bool>{true, true, false});  // 100 ms after
    CHECK(drawn(damage.next(regions, 7, false, 116)) == std::vector<bool>{true, false, false});  // shown: 4
    regions[1].fingerprint = 5;
    regions[1].min_interval_ms = 0;  // the run ended: at once
    CHECK(drawn(damage.next(regions, 7, false, 133)) == std::vector<bool>{true, true, false});
    // A waiting region under one drawn again is drawn with it: its pixels there are cleared.
    regions[1].min_interval_ms = 100;
    regions[1].fingerprint = 6;
    regions.push_back({33, {300, 400, 500, 500}, 5});  // a tooltip over it
    damage.next(regions, 7, false, 150);
    regions[1].fingerprint = 7;
    CHECK(drawn(damage.next(regions, 7, false, 166)) == std::vector<bool>{true, true, true, true});
}
