// Where the diagram puts things, and what is under a point: the pure geometry of the network
// diagram (layers as columns of nodes, lines between them), shared by the renderer, the
// interaction and the ui() probe. All coordinates are CSS pixels of the page, y down.
#pragma once

#include <vector>

#include "core/diagram/edge_bins.h"

namespace mlp {

struct Point {
    float x = 0, y = 0;
};

struct Box {
    float x = 0, y = 0, w = 0, h = 0;
    bool contains(Point p) const { return p.x >= x && p.y >= y && p.x < x + w && p.y < y + h; }
};

// Layout constants (CSS pixels).
constexpr float kDiagramHeaderHeight = 46.0f;  // two rows of headings above the columns
constexpr float kDiagramFooterHeight = 34.0f;  // the legend below them
constexpr float kMaxNodeRadius = 22.0f;
constexpr float kMinCircleRadius = 3.5f;       // below this a column is drawn as a strip of cells
constexpr float kStripHalfWidth = 6.0f;        // half the width of such a strip
constexpr float kNodeHitSlop = 3.0f;           // a node is hit this far outside its circle
constexpr float kEdgeHitTolerance = 5.0f;      // a line is hit this far from its centre line

// One column: the nodes of one layer, centred vertically in the diagram.
struct Column {
    int count = 0;
    float x = 0;        // centre x of every node
    float y0 = 0;       // centre y of node 0
    float spacing = 0;  // between the centres of consecutive nodes
    float radius = 0;   // of a node's circle; when `strip`, half the height of a node's cell
    bool strip = false; // too dense for circles: nodes are touching cells of a coloured strip

    Point node(float i) const { return {x, y0 + i * spacing}; }
    // Half the extent of a node across the column (the circle's radius, or the strip's).
    float half_width() const { return strip ? kStripHalfWidth : radius; }
};

struct DiagramGeometry {
    Box area;                     // the whole diagram, headings included
    float header_bottom = 0;      // the headings are above this y
    float footer_top = 0;         // the legend is below this y
    std::vector<Column> columns;  // columns[l]: layer l (0 = the inputs)

    Point node(int layer, int i) const { return columns[layer].node(static_cast<float>(i)); }
    // The ends of the line of gap l from src (node-index units along column l) to dst.
    Point line_start(int l, float src) const { return columns[l].node(src); }
    Point line_end(int l, float dst) const { return columns[l + 1].node(dst); }
};

// Lays out a network of `shape` in `area`: columns evenly spread, nodes as large as the room
// allows up to kMaxNodeRadius.
DiagramGeometry layout_diagram(const std::vector<int>& shape, Box area);

// The height a diagram of `shape` can use at `width`: headings, legend, and the tallest column
// with its nodes as far apart as layout_diagram ever sets them. More height than this only adds
// air; a layout gives what is left to the panels. Dense columns (strips) want as much as there
// is, so the result is capped at `cap`.
float diagram_wanted_height(const std::vector<int>& shape, float width, float cap);

// What lies under a point.
struct DiagramHit {
    enum class Kind { None, Node, Edge, EdgeBins };
    Kind kind = Kind::None;
    int layer = 0;  // Node: layer of nodes (0 = inputs). Edge, EdgeBins: weight layer (0 = W1)
    int row = 0;    // Node: the node. Edge: i, the node of layer+1 the weight leads into. EdgeBins: the bin of i
    int col = 0;    // Edge: j, the node of `layer` it comes from. EdgeBins: the bin of j

    bool operator==(const DiagramHit& o) const {
        return kind == o.kind && layer == o.layer && row == o.row && col == o.col;
    }
    bool operator!=(const DiagramHit& o) const { return !(*this == o); }
};

// Nodes win over lines; among lines the nearest centre line within kEdgeHitTolerance wins.
// Cost: O(columns) for nodes plus O(lines of one gap) (at most kMaxBinsPerSide^2) for lines.
DiagramHit hit_test(const DiagramGeometry& geo, const EdgePlan& plan, Point p);

// A point on the line of weight (row, col) of gap l where hit_test finds that line, also a few
// pixels around it (not at a crossing, not inside a node): where a test or a script can point at
// it. False when the line is aggregated or has no such point.
bool safe_edge_point(const DiagramGeometry& geo, const EdgePlan& plan, int l, int row, int col, Point* out);

// A node of the diagram: layer (0 = inputs) and index.
struct NodeRef {
    int layer = 0;
    int index = 0;
};

// Where a tooltip of size w x h goes for the pointer at `pointer` so that it hides none of the
// nodes in `keep_clear` (while a line is dragged: the node it leads into, whose value the learner
// watches change, and the node it comes from), nor the pointer, and as few other nodes as it can.
// The places tried, in order: below right of the pointer (where tooltips usually sit), below
// left, above right, above left, right, left, then the same further down or up, then over or
// under the nodes to keep clear; each kept inside `bounds`. Returns the top-left corner of the
// first place that does best.
Point place_tooltip(const DiagramGeometry& geo, Point pointer, float w, float h, Box bounds,
                    const std::vector<NodeRef>& keep_clear);

// Distance from p to the segment a-b.
float distance_to_segment(Point p, Point a, Point b);

}  // namespace mlp
