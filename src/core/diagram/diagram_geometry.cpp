#include "core/diagram/diagram_geometry.h"

#include <algorithm>
#include <cmath>

namespace mlp {

namespace {

constexpr float kSideMargin = 10.0f;
constexpr float kRadiusPerColumnWidth = 0.24f; // circles take at most this share of a column's width
constexpr float kSpacingPerRadius = 4.5f;      // nodes never sit further apart than this many radii
constexpr float kRadiusPerSpacing = 0.4f;      // at least half a radius of air between circles

}  // namespace

DiagramGeometry layout_diagram(const std::vector<int>& shape, Box area) {
    DiagramGeometry geo;
    geo.area = area;
    const int n_cols = static_cast<int>(shape.size());
    if (n_cols == 0) return geo;
    const float header = std::min(kDiagramHeaderHeight, area.h * 0.2f);
    const float footer = std::min(kDiagramFooterHeight, area.h * 0.15f);
    geo.header_bottom = area.y + header;
    geo.footer_top = area.y + area.h - footer;
    const float top = geo.header_bottom;
    const float avail_h = std::max(1.0f, geo.footer_top - top);
    const float centre_y = top + avail_h * 0.5f;
    const float col_w = std::max(1.0f, (area.w - 2 * kSideMargin) / static_cast<float>(n_cols));
    const float radius_cap = std::min(kMaxNodeRadius, col_w * kRadiusPerColumnWidth);

    geo.columns.resize(n_cols);
    for (int c = 0; c < n_cols; ++c) {
        Column& col = geo.columns[c];
        col.count = shape[c];
        col.x = area.x + kSideMargin + (static_cast<float>(c) + 0.5f) * col_w;
        const float n = static_cast<float>(std::max(1, col.count));
        col.spacing = std::min(avail_h / n, radius_cap * kSpacingPerRadius);
        col.radius = std::min(radius_cap, col.spacing * kRadiusPerSpacing);
        if (col.radius < kMinCircleRadius) {
            col.strip = true;
            col.radius = col.spacing * 0.5f;
        }
        col.y0 = centre_y - 0.5f * (n - 1.0f) * col.spacing;
    }
    return geo;
}

float diagram_wanted_height(const std::vector<int>& shape, float width, float cap) {
    if (shape.empty()) return 0.0f;
    const float col_w = std::max(1.0f, (width - 2 * kSideMargin) / static_cast<float>(shape.size()));
    const float spacing = std::min(kMaxNodeRadius, col_w * kRadiusPerColumnWidth) * kSpacingPerRadius;
    const int tallest = *std::max_element(shape.begin(), shape.end());
    return std::min(cap, kDiagramHeaderHeight + kDiagramFooterHeight + spacing * static_cast<float>(std::max(1, tallest)));
}

float distance_to_segment(Point p, Point a, Point b) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len2 = dx * dx + dy * dy;
    float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0f;
    t = std::clamp(t, 0.0f, 1.0f);
    const float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return std::sqrt(ex * ex + ey * ey);
}

static bool hits_node(const Column& col, Point p, int* index) {
    if (col.count <= 0 || std::fabs(p.x - col.x) > col.half_width() + kNodeHitSlop) return false;
    const int i = std::clamp(static_cast<int>(std::lround((p.y - col.y0) / col.spacing)), 0, col.count - 1);
    const Point c = col.node(static_cast<float>(i));
    const float dy = std::fabs(p.y - c.y);
    const bool inside = col.strip ? dy <= col.radius + kNodeHitSlop
                                  : std::hypot(p.x - c.x, dy) <= col.radius + kNodeHitSlop;
    if (inside) *index = i;
    return inside;
}

DiagramHit hit_test(const DiagramGeometry& geo, const EdgePlan& plan, Point p) {
    DiagramHit hit;
    if (!geo.area.contains(p) || geo.columns.empty()) return hit;
    const int n_cols = static_cast<int>(geo.columns.size());
    for (int c = 0; c < n_cols; ++c) {
        int i = 0;
        if (hits_node(geo.columns[c], p, &i)) return {DiagramHit::Kind::Node, c, i, 0};
    }
    // The gap whose span holds p.x. Lines run centre to centre, under the nodes.
    int l = -1;
    for (int c = 0; c + 1 < n_cols; ++c)
        if (p.x > geo.columns[c].x && p.x < geo.columns[c + 1].x) l = c;
    if (l < 0 || l >= static_cast<int>(plan.gaps.size())) return hit;
    const GapPlan& g = plan.gaps[l];
    // Every line of the gap: at most kMaxBinsPerSide^2, a few microseconds.
    float best = kEdgeHitTolerance;
    for (int d = 0; d < g.dst.bins; ++d) {
        const Point b = geo.line_end(l, g.dst.centre(d));
        for (int s = 0; s < g.src.bins; ++s) {
            const float dist = distance_to_segment(p, geo.line_start(l, g.src.centre(s)), b);
            if (dist <= best) {
                best = dist;
                hit = {g.binned() ? DiagramHit::Kind::EdgeBins : DiagramHit::Kind::Edge, l, d, s};
            }
        }
    }
    return hit;
}

bool safe_edge_point(const DiagramGeometry& geo, const EdgePlan& plan, int l, int row, int col, Point* out) {
    if (plan.gaps[l].binned()) return false;
    const DiagramHit want{DiagramHit::Kind::Edge, l, row, col};
    const Point a = geo.node(l, col), b = geo.node(l + 1, row);
    // From the middle outwards along the line; a point counts when its neighbourhood hits the
    // same line, so a pointer a little off still finds it.
    constexpr float kMargin = 2.5f;
    constexpr int kSteps = 24;
    for (int k = 0; k <= kSteps; ++k) {
        const float t = 0.5f + ((k % 2) ? 1.0f : -1.0f) * 0.4f * static_cast<float>((k + 1) / 2) / (kSteps / 2);
        const Point p{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
        const Point around[] = {p, {p.x - kMargin, p.y}, {p.x + kMargin, p.y}, {p.x, p.y - kMargin}, {p.x, p.y + kMargin}};
        bool ok = true;
        for (const Point& q : around) ok = ok && hit_test(geo, plan, q) == want;
        if (ok) {
            *out = p;
            return true;
        }
    }
    return false;
}

namespace {

// The nodes of column `col` whose circles (or strip cells) overlap the box, as a count.
int nodes_in_box(const Column& col, const Box& b) {
    if (col.count <= 0) return 0;
    const float hw = col.half_width();
    if (col.x + hw < b.x || col.x - hw > b.x + b.w) return 0;
    const float lo = std::ceil((b.y - col.radius - col.y0) / col.spacing);
    const float hi = std::floor((b.y + b.h + col.radius - col.y0) / col.spacing);
    const float first = std::max(0.0f, lo), last = std::min(static_cast<float>(col.count - 1), hi);
    return last < first ? 0 : static_cast<int>(last - first) + 1;
}

bool box_covers_node(const DiagramGeometry& geo, const Box& b, NodeRef n) {
    constexpr float kAir = 4.0f;  // a tooltip that touches a node's ring is in the way too
    if (n.layer < 0 || n.layer >= static_cast<int>(geo.columns.size())) return false;
    const Column& col = geo.columns[n.layer];
    const Point c = col.node(static_cast<float>(n.index));
    const float hw = col.half_width() + kAir, r = col.radius + kAir;
    return c.x + hw > b.x && c.x - hw < b.x + b.w && c.y + r > b.y && c.y - r < b.y + b.h;
}

}  // namespace

Point place_tooltip(const DiagramGeometry& geo, Point pointer, float w, float h, Box bounds,
                    const std::vector<NodeRef>& keep_clear) {
    constexpr float kGapX = 16.0f, kGapY = 12.0f;  // from the pointer, as ImGui's own tooltips
    // Further down or up: clear of a node as large as any beside the pointer (a line that runs
    // level has its two nodes at the pointer's height).
    float radius = 0.0f;
    for (const Column& col : geo.columns) radius = std::max(radius, col.radius);
    const float far_y = kGapY + 2.0f * radius + 8.0f;
    const Point offsets[] = {
        {kGapX, kGapY},         {-w - kGapX, kGapY},           // below right, below left
        {kGapX, -h - kGapY},    {-w - kGapX, -h - kGapY},      // above right, above left
        {kGapX * 2, -h * 0.5f}, {-w - kGapX * 2, -h * 0.5f},   // right, left
        {kGapX, far_y},         {-w - kGapX, far_y},           // well below
        {kGapX, -h - far_y},    {-w - kGapX, -h - far_y},      // well above
        {-w * 0.5f, far_y},     {-w * 0.5f, -h - far_y},       // right under or over the pointer
    };
    std::vector<Point> places;
    for (const Point& o : offsets) places.push_back({pointer.x + o.x, pointer.y + o.y});
    // Over the highest node to keep clear, or under the lowest: where a narrow screen (a tooltip
    // as wide as the columns around the line) still has room.
    if (!keep_clear.empty()) {
        float top = 1e9f, bottom = -1e9f;
        for (NodeRef n : keep_clear) {
            if (n.layer < 0 || n.layer >= static_cast<int>(geo.columns.size())) continue;
            const float y = geo.node(n.layer, n.index).y, r = geo.columns[n.layer].radius + 8.0f;
            top = std::min(top, y - r);
            bottom = std::max(bottom, y + r);
        }
        for (float x : {pointer.x - w * 0.5f, pointer.x + kGapX, pointer.x - w - kGapX}) {
            places.push_back({x, top - h});
            places.push_back({x, bottom});
        }
    }
    Point best = places.front();
    double best_cost = 0.0;
    bool first = true;
    for (const Point& place : places) {
        Box b{place.x, place.y, w, h};
        b.x = std::clamp(b.x, bounds.x, std::max(bounds.x, bounds.x + bounds.w - w));
        b.y = std::clamp(b.y, bounds.y, std::max(bounds.y, bounds.y + bounds.h - h));
        double cost = 0.0;
        for (NodeRef n : keep_clear)
            if (box_covers_node(geo, b, n)) cost += 1e6;
        if (pointer.x >= b.x && pointer.x <= b.x + b.w && pointer.y >= b.y && pointer.y <= b.y + b.h) cost += 1e5;
        for (const Column& col : geo.columns) cost += nodes_in_box(col, b);
        if (first || cost < best_cost) {
            best = {b.x, b.y};
            best_cost = cost;
            first = false;
        }
    }
    return best;
}

}  // namespace mlp
