// The Data plot's points on screen: composited into one texture (point_layer.h) and drawn as one
// quad, composited again only when what they look like changed.
#pragma once

#include <cstdint>
#include <vector>

#include "app/point_layer.h"

struct ImDrawList;
struct ImVec2;
namespace mlp {
struct DataSet;
}

namespace app {

class PlotPoints {
public:
    // Draws data's points on the plot whose top-left corner is p0 (CSS px), `side` wide, at
    // ImGui's framebuffer scale. Train points filled, test points as rings.
    void draw(ImDrawList* list, const mlp::DataSet& data, const ImVec2& p0, float side);
    // The texture died with the WebGL context: made again on the next draw.
    void release_gl_objects();

private:
    PointLayer layer_;
    std::vector<LayerPoint> points_;  // this frame's, kept to spare an allocation a frame
    uint64_t key_ = 0;                // a hash of what the texture shows
    unsigned texture_ = 0;
};

}  // namespace app
