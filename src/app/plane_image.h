// The Data panel's plot of the input plane, without ImGui or GL: the network's prediction at the
// centre of every cell of a grid over the plane, and the grid's colours as an RGBA image (the
// panel uploads it as a texture and draws the points on top).
//
// Computed on the CPU, not in a shader: the prediction is the core's own forward pass (every
// activation, the features, the loss's output function), so the plot can never disagree with the
// numbers the panel and state() show. A 100x100 grid is one forward pass of 10,000 rows, more
// work than an epoch of 500 points (250 train) on the same network, so while training runs it is
// redrawn only as often as its cost allows (picture_schedule.h; docs/benchmarks.md (g) has the
// times). A shader would have to repeat every activation and feature in GLSL, for any depth.
#pragma once

#include <cstdint>
#include <vector>

#include "core/document/document.h"
#include "core/model/forward_pass.h"
#include "core/training/data_set.h"

namespace app {

// The plot shows x1 and x2 from -kPlaneExtent to kPlaneExtent: every generator's points lie
// within (TensorFlow Playground's plot shows the same square).
constexpr double kPlaneExtent = 6.0;
// Cells along each side of the grid.
constexpr int kPlaneCells = 100;

// The coordinate of cell i's centre along a side of n cells (i = 0: -kPlaneExtent side).
double plane_cell_centre(int i, int n);

// What the plot shows for an output row a (outputs values): the predicted probability of class 1
// for a classification set (a itself for mse, sigmoid(a) for bce, the softmax of the second node
// for ce), the output itself for regression.
double plane_prediction(mlp::Loss loss, bool classification, const double* a, int outputs);

struct PlaneRgb {
    uint8_t r, g, b;
};

// A colour map: `low` for class 0 (or -1), `mid` for 0.5 (or 0), `high` for class 1 (or +1).
struct PlaneColours {
    PlaneRgb low, mid, high;
};

class PlaneImage {
public:
    // The prediction at every cell: values()[row * n + col], row 0 at the top (x2 = +extent),
    // col 0 at the left (x1 = -extent). The document must have a data set.
    void compute(const mlp::Document& doc, bool classification, int n = kPlaneCells);
    // (compute works on the document's network as it is; begin below on a copy.)
    // The same in parts, for a network whose picture takes longer than a frame (a million weights:
    // 144 cells take about 70 ms): begin() takes a copy of the network (a run changes it every
    // frame), each advance() computes up to `cells` more cells; values() and pass() stay the
    // last whole picture until the part that completes the new one (advance returns true).
    void begin(const mlp::Document& doc, bool classification, int n);
    bool advance(int cells);
    bool pending() const { return pending_; }
    void cancel() { pending_ = false; }
    // The image of the values: classification from `low` (class 0, prediction 0) through `mid`
    // (0.5) to `high` (class 1); regression from `low` (-1 and below) through `mid` (0) to
    // `high` (+1 and above). Pale (mixed with white) so the points stand out on it.
    void colour(bool classification, PlaneRgb low, PlaneRgb mid, PlaneRgb high);
    int size() const { return n_; }
    const std::vector<double>& values() const { return values_; }
    const std::vector<uint8_t>& rgba() const { return rgba_; }  // (n, n, 4)
    // The pass over the grid, every layer of it (node_pictures.h draws each node's picture from
    // it): pass().a[l].at(cell, i) is node i of layer l + 1 at the cell.
    const mlp::ForwardPass& pass() const { return pass_; }

private:
    int n_ = 0;
    mlp::ForwardPass pass_;  // a only: z is not kept
    // The picture being computed: the network it is of, the grid's inputs, its layers so far.
    void start(const mlp::Document& doc, bool classification, int n, const mlp::Network* net);
    bool pending_ = false;
    const mlp::Network* net_ = nullptr;  // the network of the picture being computed (job_net_ in parts)
    int job_n_ = 0;
    int next_cell_ = 0;
    mlp::Network job_net_;
    mlp::Loss job_loss_ = mlp::Loss::Mse;
    bool job_classification_ = false;
    mlp::Matrix inputs_;
    std::vector<mlp::Matrix> job_a_;
    mlp::Matrix chunk_x_;
    mlp::ForwardPass chunk_;
    std::vector<double> values_;
    std::vector<uint8_t> rgba_;
};

// The colour of a value as the image shows it (before the paling), for the points: the same map.
PlaneRgb plane_colour(double value, bool classification, PlaneRgb low, PlaneRgb mid, PlaneRgb high);

}  // namespace app
