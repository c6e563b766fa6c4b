// The lines the diagram draws between two columns of nodes, as data for the GPU.
//
// A gap (weight layer l, between node layers l and l+1) is drawn one line per weight while that
// stays within what the eye and the GPU can take. A dense side is put into consecutive bins of
// nodes, and one line per pair of bins carries the mean weight of the block of W it covers
// (drawn faint or strong by its magnitude). A 1024x1024 layer is then 64x64 = 4096 lines instead
// of 1,048,576, and the whole network stays within kEdgeInstanceBudget lines.
//
// Everything here depends on the shape only (plan_edges) or on the weights (the instances), never
// on the screen: resizing the window moves the lines (the shader places them) but rebuilds nothing.
#pragma once

#include <cstdint>
#include <vector>

#include "core/model/network.h"

namespace mlp {

constexpr int kEdgeInstanceBudget = 65536;  // lines drawn for the whole network, at most
constexpr int kMaxBinsPerSide = 64;         // ~ one line end every 10 px of a laptop's column

// Bins over the `nodes` nodes of a layer: bin k holds nodes [start(k), start(k + 1)); the sizes
// differ by at most one. bins == nodes means one node per bin (not aggregated).
struct NodeBins {
    int nodes = 0;
    int bins = 0;

    bool binned() const { return bins < nodes; }
    int start(int k) const { return static_cast<int>(static_cast<int64_t>(k) * nodes / bins); }
    int bin_of(int node) const { return static_cast<int>(((static_cast<int64_t>(node) + 1) * bins - 1) / nodes); }
    // Centre of bin k in node-index units (node i sits at i): where its line starts.
    float centre(int k) const { return 0.5f * static_cast<float>(start(k) + start(k + 1) - 1); }
};

// How one gap is drawn. src: the nodes of layer l (W's columns); dst: layer l+1 (W's rows).
struct GapPlan {
    NodeBins src;
    NodeBins dst;
    int first_instance = 0;  // where the gap's lines start in the instance list

    bool binned() const { return src.binned() || dst.binned(); }
    int instances() const { return src.bins * dst.bins; }
    int instance_of(int dst_bin, int src_bin) const { return first_instance + dst_bin * src.bins + src_bin; }
};

struct EdgePlan {
    std::vector<GapPlan> gaps;  // gaps[l]: weight layer l
    int total_instances = 0;
};

// The bins of every gap: a side is binned when it has more nodes than the budget allows per side
// (min(kMaxBinsPerSide, sqrt(kEdgeInstanceBudget / gaps))). The shape must pass check_shape.
EdgePlan plan_edges(const std::vector<int>& shape);

// What a line stands for; the edge shader draws each kind in its own way.
enum class EdgeKind {
    Weight = 0,  // one weight: coloured by its sign, as thick as |w|
    BinMean = 1, // the mean of a block of weights: coloured by its sign, as opaque as |mean|
    Halo = 2,    // a wide, soft underlay marking the hovered or selected line
};

// One line in the GPU's instance buffer (its layout: five floats).
struct EdgeInstance {
    float gap;     // weight layer l: from column l to column l+1
    float src;     // position along column l in node-index units (a bin's centre when aggregated)
    float dst;     // the same along column l+1
    float weight;  // the weight, or the mean of the bin pair's weights
    float kind;    // EdgeKind
};

// Mean of the weights of layer l in the block (dst bin, src bin).
double bin_mean(const Matrix& w, const GapPlan& gap, int dst_bin, int src_bin);

// Fills `out` with plan.total_instances lines from the network's weights.
void build_edge_instances(const EdgePlan& plan, const Network& net, std::vector<EdgeInstance>* out);
// The same from any matrices of the weights' shapes (matrices[l] for gap l): the gradient view
// draws ∂L/∂W (backward_pass.h's dw) as the lines, a block's line the mean of its gradients.
void build_edge_instances(const EdgePlan& plan, const std::vector<Matrix>& matrices, std::vector<EdgeInstance>* out);

// After weight (row, col) of layer l changed: recomputes the one line that carries it and returns
// its index in `out`. O(1) for a gap drawn weight by weight, O(block size) for an aggregated one.
int update_edge_instance(const EdgePlan& plan, const Network& net, int l, int row, int col,
                         std::vector<EdgeInstance>* out);

// The line of `plan` that carries weight (row, col) of layer l.
int edge_instance_index(const EdgePlan& plan, int l, int row, int col);

// The largest |weight| among the lines of gap l (the weights, or the bin means).
float gap_max_abs(const EdgePlan& plan, const std::vector<EdgeInstance>& lines, int l);

// The |w| each gap draws at full width (or full opacity), from the per-gap maxima: gaps drawn
// weight by weight share the largest |w| among them, so the same weight has the same thickness
// everywhere; an aggregated gap uses its own largest |mean|, so its structure shows.
std::vector<float> gap_scales(const EdgePlan& plan, const std::vector<float>& gap_max);

}  // namespace mlp
