#include "app/plot_points.h"

#include <cmath>

#include <imgui.h>

#include "app/palette.h"
#include "app/plane_image.h"
#include "app/plane_pictures.h"
#include "app/point_coverage.h"
#include "app/rgba_texture.h"
#include "core/training/data_set.h"

namespace app {

namespace {

// FNV-1a over bytes: the key telling whether the composited image is still what is asked for.
uint64_t hash_bytes(uint64_t h, const void* bytes, size_t n) {
    const auto* p = static_cast<const unsigned char*>(bytes);
    for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

}  // namespace

void PlotPoints::draw(ImDrawList* list, const mlp::DataSet& data, const ImVec2& p0, float side) {
    const float ratio = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    // The image covers the plot's device pixels from whole pixels, so its texels land on the
    // canvas's pixels one to one.
    const float ox = std::floor(p0.x * ratio), oy = std::floor(p0.y * ratio);
    const int w = static_cast<int>(std::ceil((p0.x + side) * ratio) - ox);
    const int h = static_cast<int>(std::ceil((p0.y + side) * ratio) - oy);
    if (w <= 0 || h <= 0) return;
    const float scale = side / static_cast<float>(2 * kPlaneExtent);
    const bool large = side >= kLargePlotSide;
    const PlaneColours& colours = plane_colours();
    points_.clear();
    for (int k = 0; k < data.size(); ++k) {
        const mlp::DataPoint& p = data.points[k];
        const float x = p0.x + static_cast<float>((p.x1 + kPlaneExtent) * scale);
        const float y = p0.y + static_cast<float>((kPlaneExtent - p.x2) * scale);
        const PlaneRgb c = plane_colour(p.target, data.classification, colours.low, colours.mid, colours.high);
        points_.push_back({x * ratio - ox, y * ratio - oy, data.is_test[k] != 0, IM_COL32(c.r, c.g, c.b, 255)});
    }
    const ImU32 outline = palette::u32(palette::kWhite);
    uint64_t key = 14695981039346656037ull;
    for (const LayerPoint& p : points_) {  // member by member: no padding bytes in the hash
        key = hash_bytes(key, &p.x, sizeof p.x);
        key = hash_bytes(key, &p.y, sizeof p.y);
        key = hash_bytes(key, &p.test, sizeof p.test);
        key = hash_bytes(key, &p.colour, sizeof p.colour);
    }
    for (const float f : {ratio, static_cast<float>(w), static_cast<float>(h), large ? 1.0f : 0.0f})
        key = hash_bytes(key, &f, sizeof f);
    key = hash_bytes(key, &outline, sizeof outline);
    if (key != key_ || texture_ == 0) {
        layer_.composite(points_, ratio, large, outline, w, h);
        upload_rgba_texture(&texture_, w, h, layer_.rgba().data(), TextureFilter::Nearest);
        key_ = key;
    }
    list->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture_)), ImVec2(ox / ratio, oy / ratio),
                   ImVec2((ox + static_cast<float>(w)) / ratio, (oy + static_cast<float>(h)) / ratio));
}

void PlotPoints::release_gl_objects() {
    texture_ = 0;
    key_ = 0;
}

}  // namespace app
