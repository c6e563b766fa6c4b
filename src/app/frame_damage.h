// Which parts of the canvas a frame draws again. The canvas keeps its pixels between frames (its
// WebGL context keeps the drawing buffer), so a panel whose picture is the one it drew last frame
// can be left as it is. Where Chromium has no usable GPU (SwiftShader, the tests' renderer, many
// school laptops) every pixel drawn costs the GPU process CPU time: a 1280x720 pass costs as much
// as the compositor's whole frame (docs/benchmarks.md, (g)). During a run at 8 layers of 128 the
// sliders panel, its plot and its loss chart change only when an epoch ends or a picture is
// refreshed, and the page's toolbar strip never does; the diagram changes every frame.
//
// A frame is split into regions, in the order they are drawn: the diagram (drawn in GL and on
// ImGui's background list), each docked panel (an ImGui root window, its child windows included)
// and each tooltip or popup over them, each with a fingerprint of what it draws. A region is
// drawn again (cleared, then drawn clipped to its rectangle) when its fingerprint changed (and
// its min_interval_ms has passed), or always (the diagram: its GL part has no fingerprint), or
// when it shares a pixel with a region drawn again (that pixel is cleared): a panel under a
// tooltip that changed, and the tooltip over a panel that changed. Everything is drawn again
// when anything else changed: the first frame, the canvas's size or scale, the set of regions or
// their places, or what the caller knows of (something drawn outside the regions).
//
// No ImGui or GL here: the caller reads them (src/platform/frame_regions.h), so this is tested
// natively.
#pragma once

#include <cstdint>
#include <vector>

namespace app {

// Device pixels, rows from the top, [x0, x1) x [y0, y1).
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    bool overlaps(const PixelRect& o) const {
        return !empty() && !o.empty() && x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }
    bool operator==(const PixelRect& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};

// The pixels a rectangle of CSS px covers at `scale` device pixels per CSS px: every pixel it
// touches, clamped to the canvas.
PixelRect pixel_rect(float x, float y, float w, float h, float scale, int canvas_w, int canvas_h);

struct FrameRegion {
    uint64_t id = 0;           // the same region frame after frame (an ImGui window's ID)
    PixelRect rect;
    uint64_t fingerprint = 0;  // what it draws
    bool always = false;       // drawn every frame (no fingerprint covers all it draws)
    // A change waits until this long after the region was last drawn (0: shown at once). During
    // a run the worksheet's numbers change every frame, faster than anyone reads them: it is
    // drawn a few times a second, and every pixel it keeps is one the GPU does not draw.
    double min_interval_ms = 0;
};

struct Redraw {
    bool all = true;            // the whole canvas
    std::vector<bool> regions;  // else these regions (by index in the frame's list)
    int kept() const;           // regions left as they were (0 when all)
};

class FrameDamage {
public:
    // canvas_key: what changes every region's picture (the canvas size and scale, the panels'
    // colour); redraw_all: the caller knows of something drawn outside the regions this frame.
    // now_ms: the frame's time.
    Redraw next(const std::vector<FrameRegion>& regions, uint64_t canvas_key, bool redraw_all, double now_ms);
    // The canvas's pixels are not the last frame's (a lost context, a switch to full frames).
    void forget() { known_ = false; }

private:
    bool known_ = false;
    uint64_t canvas_key_ = 0;
    struct Shown {
        FrameRegion region;    // as last drawn
        double drawn_ms = 0;
    };
    std::vector<Shown> shown_;
};

}  // namespace app
