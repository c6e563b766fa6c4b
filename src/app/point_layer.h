// The Data plot's points as one image, composited on the CPU (plot_points.h shows it). Software GL
// (SwiftShader) pays for every triangle it sets up: the ~600 points of a data set, two textured
// quads each, took about 5 ms of the GPU process every frame of a training run, though the points
// do not move while the picture under them changes. As one image they are one quad, and they are
// composited again only when they, the plot's place or the screen's scale change.
#pragma once

#include <cstdint>
#include <vector>

namespace app {

struct LayerPoint {
    float x = 0, y = 0;       // its centre, device px from the image's top-left corner
    bool test = false;        // a test point: a white disc and a coloured ring
    uint32_t colour = 0;      // ImGui's packing: 0xAABBGGRR
};

// The points as drawn one over another in order (a train point: its outline, then its disc; a test
// point: its disc in the outline colour, then its ring), each sprite's corner on a whole device
// pixel as the plot draws them. `pixel_ratio`: device px per CSS px; `large`: the larger radius
// (point_coverage.h). The image is straight (not premultiplied) RGBA, w x h, row by row from the
// top: drawn over any background with the usual blending (source alpha, one minus source alpha)
// it gives what drawing the points there one by one gives, to a unit of 8-bit rounding.
class PointLayer {
public:
    void composite(const std::vector<LayerPoint>& points, float pixel_ratio, bool large, uint32_t outline, int w,
                   int h);
    const std::vector<uint8_t>& rgba() const { return rgba_; }

private:
    void make_sprites(float pixel_ratio, bool large);
    void blend(const std::vector<uint8_t>& coverage, int x0, int y0, uint32_t colour, int w, int h);

    float sprites_ratio_ = 0.0f;
    bool sprites_large_ = false;
    int side_ = 0;
    // Each sprite's coverage: side_ x side_, 0..255 (point_coverage).
    std::vector<uint8_t> disc_, outlined_, ring_;
    std::vector<uint8_t> rgba_;
};

}  // namespace app
