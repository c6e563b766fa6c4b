#include "app/node_pictures.h"

#include <algorithm>
#include <cmath>

#include "app/diagram_text.h"

namespace app {

double node_picture_value(const PlaneImage& image, mlp::Loss loss, bool classification, int layer, int node, int cell,
                          bool* classification_map) {
    const mlp::Matrix& a = image.pass().a[layer - 1];
    const bool output = layer == static_cast<int>(image.pass().a.size());
    *classification_map = output && classification;
    if (!output) return a.at(cell, node);
    const double p = plane_prediction(loss, classification, a.row(cell), a.cols);
    // ce's first output is the probability of class 0: the other side of the same softmax.
    if (classification && loss == mlp::Loss::CrossEntropy && a.cols >= 2 && node == 0) return 1.0 - p;
    return classification || node == 0 ? p : a.at(cell, node);
}

int picture_cell(int i, int pixels, int n) { return std::clamp((2 * i + 1) * n / (2 * pixels), 0, n - 1); }

void node_picture_rgba(const PlaneImage& image, mlp::Loss loss, bool classification, int layer, int node, int pixels,
                       const PlaneColours& colours, uint8_t* out, int stride) {
    const int n = image.size();
    for (int y = 0; y < pixels; ++y) {
        uint8_t* row = out + static_cast<size_t>(y) * stride;
        const int cell_row = picture_cell(y, pixels, n);
        for (int x = 0; x < pixels; ++x) {
            bool class_map = false;
            const double v = node_picture_value(image, loss, classification, layer, node,
                                                cell_row * n + picture_cell(x, pixels, n), &class_map);
            const PlaneRgb c = plane_colour(v, class_map, colours.low, colours.mid, colours.high);
            row[4 * x + 0] = c.r;
            row[4 * x + 1] = c.g;
            row[4 * x + 2] = c.b;
            row[4 * x + 3] = 255;
        }
    }
}

mlp::Box thumbnail_box(const mlp::DiagramGeometry& geo, int layer, int node) {
    if (layer < 1 || layer >= static_cast<int>(geo.columns.size())) return {};
    const mlp::Column& col = geo.columns[layer];
    if (col.strip || 2.0f * col.radius < kMinThumbnailNode || node < 0 || node >= col.count) return {};
    constexpr float kGap = 3.0f;  // between the circle and its picture, and between two pictures
    float side = std::min(2.0f * col.radius, kMaxThumbnailSide);
    if (col.count > 1) side = std::min(side, col.spacing - kGap);
    // Clear of the next column's circles (the output's column has the diagram's margin).
    if (layer + 1 < static_cast<int>(geo.columns.size())) {
        const mlp::Column& next = geo.columns[layer + 1];
        side = std::min(side, next.x - next.half_width() - col.x - col.radius - 3 * kGap);
    } else {
        side = std::min(side, geo.area.x + geo.area.w - col.x - col.radius - 2 * kGap);
    }
    if (side < kMinThumbnailNode * 0.5f) return {};
    const mlp::Point c = col.node(static_cast<float>(node));
    return {c.x + col.radius + kGap, c.y - side * 0.5f, side, side};
}

std::vector<mlp::NodeRef> thumbnail_nodes(const mlp::DiagramGeometry& geo) {
    std::vector<mlp::NodeRef> nodes;
    for (int layer = 1; layer < static_cast<int>(geo.columns.size()); ++layer)
        for (int i = 0; i < geo.columns[layer].count; ++i) {
            if (thumbnail_box(geo, layer, i).w <= 0) break;  // a column has them all or none
            if (static_cast<int>(nodes.size()) == kMaxThumbnails) return {};
            nodes.push_back({layer, i});
        }
    return nodes;
}

bool thumbnail_at(const mlp::DiagramGeometry& geo, mlp::Point p, mlp::NodeRef* node) {
    for (int layer = 1; layer < static_cast<int>(geo.columns.size()); ++layer) {
        const mlp::Column& col = geo.columns[layer];
        if (col.count == 0) continue;
        // The nearest node of the column by height: only its box can hold p.
        const float at = col.count > 1 ? (p.y - col.y0) / col.spacing : 0.0f;
        const int i = std::clamp(static_cast<int>(std::lround(at)), 0, col.count - 1);
        const mlp::Box b = thumbnail_box(geo, layer, i);
        if (b.w > 0 && b.contains(p)) {
            *node = {layer, i};
            return true;
        }
    }
    return false;
}

std::string picture_caption(const mlp::Session& session, int layer, int node) {
    const std::string name = node_label(session.network(), layer, node) + " over the input plane: ";
    const mlp::DataSet* data = session.data_set();
    const bool output = layer == static_cast<int>(session.network().shape.size()) - 1;
    if (!output || !data || !data->classification) return name + "a";
    const bool class0 = session.document().loss == mlp::Loss::CrossEntropy && session.network().shape.back() >= 2 && node == 0;
    return name + (class0 ? "P(class 0)" : "P(class 1)");
}

void NodeAtlas::build(const PlaneImage& image, mlp::Loss loss, bool classification,
                      const std::vector<mlp::NodeRef>& nodes, const PlaneColours& colours, int cells) {
    const int count = static_cast<int>(nodes.size());
    cells_ = cells;
    columns_ = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(count)))));
    rows_ = std::max(1, (count + columns_ - 1) / columns_);
    rgba_.assign(static_cast<size_t>(width()) * height() * 4, 0);
    const int stride = width() * 4;
    for (int k = 0; k < count; ++k)
        node_picture_rgba(image, loss, classification, nodes[k].layer, nodes[k].index, cells, colours,
                          rgba_.data() + static_cast<size_t>(slot_y(k)) * stride + slot_x(k) * 4, stride);
}

void NodeAtlas::uv(int k, float* u0, float* v0, float* u1, float* v1) const {
    const float w = static_cast<float>(width()), h = static_cast<float>(height());
    *u0 = slot_x(k) / w;
    *v0 = slot_y(k) / h;
    *u1 = (slot_x(k) + cells_) / w;
    *v1 = (slot_y(k) + cells_) / h;
}

}  // namespace app
