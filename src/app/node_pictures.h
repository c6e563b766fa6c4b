// Every node's picture over the input plane, without ImGui or GL: the value of node (layer, i)
// at the centre of every cell of the plot's grid (plane_image.h), and the thumbnails the diagram
// draws beside its nodes, packed into one atlas image (one texture upload, not one per node).
//
// No forward pass of its own: the plot's pass over the grid already computes every layer
// (PlaneImage keeps it), so every node's picture costs only its colouring.
//
// What a picture shows: a hidden node its activation a (the plot's map for a regression: -1 and
// below through 0 to +1 and above); an output what the plot shows of it (plane_prediction: the
// probability of class 1 for a classification set; for ce's first output node, of class 0).
// Not paled as the plot is (the plot pales under its points; a thumbnail has none).
#pragma once

#include <cstdint>
#include <vector>

#include <string>

#include "app/plane_image.h"
#include "core/diagram/diagram_geometry.h"
#include "core/document/session.h"

namespace app {

// A circle at least this wide (CSS px) gets a thumbnail beside it; smaller ones, and strips of
// cells (big layers), none: a picture smaller than this shows nothing.
constexpr float kMinThumbnailNode = 24.0f;
// The largest thumbnail (CSS px), and its pixels in the atlas (cells taken from the plot's grid).
constexpr float kMaxThumbnailSide = 40.0f;
constexpr int kThumbnailCells = 50;
// At most this many thumbnails (a diagram with room for more has no circles that big anyway).
constexpr int kMaxThumbnails = 256;

// The value node (layer, node) shows at the grid's cell k (row * n + col); layer >= 1 (0 is the
// inputs). *classification_map: whether it is coloured by the plot's classification map.
double node_picture_value(const PlaneImage& image, mlp::Loss loss, bool classification, int layer, int node, int cell,
                          bool* classification_map);

// The grid cell (along one side of n) that pixel i of a side of `pixels` samples: the cell under
// the pixel's centre.
int picture_cell(int i, int pixels, int n);

// The node's picture, `pixels` wide, into rgba (pixels * pixels * 4 bytes) starting at `out`,
// rows `stride` bytes apart.
// Colours: plane_colour's low, mid and high (the caller's palette).
void node_picture_rgba(const PlaneImage& image, mlp::Loss loss, bool classification, int layer, int node, int pixels,
                       const PlaneColours& colours, uint8_t* out, int stride);

// Where the diagram draws node (layer, node)'s thumbnail: right of its circle, vertically
// centred, as large as the circle (at most kMaxThumbnailSide) and clear of its neighbours. An
// empty box (w = 0) when the node has none: the inputs, strips, circles under kMinThumbnailNode.
mlp::Box thumbnail_box(const mlp::DiagramGeometry& geo, int layer, int node);

// The nodes with a thumbnail in this layout, in order (layer by layer); none when more than
// kMaxThumbnails would.
std::vector<mlp::NodeRef> thumbnail_nodes(const mlp::DiagramGeometry& geo);

// The node whose thumbnail is under p, if any (a picture stands for its node: hovering it
// shows the node's tooltip).
bool thumbnail_at(const mlp::DiagramGeometry& geo, mlp::Point p, mlp::NodeRef* node);

// What node (layer, node)'s picture shows, above it in its tooltip: "node 1.2 over the input
// plane: a" or, for an output of a classification set, "y[1] over the input plane: P(class 1)".
std::string picture_caption(const mlp::Session& session, int layer, int node);

// The atlas: the thumbnails of `nodes` in a grid of slots kThumbnailCells wide, as square as it
// can be; slot k at column k % columns, row k / columns.
class NodeAtlas {
public:
    void build(const PlaneImage& image, mlp::Loss loss, bool classification, const std::vector<mlp::NodeRef>& nodes,
               const PlaneColours& colours, int cells = kThumbnailCells);
    int width() const { return columns_ * cells_; }
    int height() const { return rows_ * cells_; }
    int cells() const { return cells_; }
    const std::vector<uint8_t>& rgba() const { return rgba_; }  // (height, width, 4)
    // Slot k's corners in texture coordinates (0..1).
    void uv(int k, float* u0, float* v0, float* u1, float* v1) const;
    // Slot k's top-left pixel.
    int slot_x(int k) const { return (k % columns_) * cells_; }
    int slot_y(int k) const { return (k / columns_) * cells_; }

private:
    int cells_ = 0, columns_ = 0, rows_ = 0;
    std::vector<uint8_t> rgba_;
};

}  // namespace app
