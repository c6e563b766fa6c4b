#include "core/diagram/edge_bins.h"

#include <algorithm>
#include <cmath>

namespace mlp {

EdgePlan plan_edges(const std::vector<int>& shape) {
    EdgePlan plan;
    const int gaps = static_cast<int>(shape.size()) - 1;
    if (gaps <= 0) return plan;
    // Per side at most sqrt of the per-gap budget, so no gap draws more than its share.
    const int per_gap = kEdgeInstanceBudget / gaps;
    const int max_bins = std::max(1, std::min(kMaxBinsPerSide, static_cast<int>(std::sqrt(static_cast<double>(per_gap)))));
    plan.gaps.resize(gaps);
    int offset = 0;
    for (int l = 0; l < gaps; ++l) {
        GapPlan& g = plan.gaps[l];
        g.src = {shape[l], std::min(shape[l], max_bins)};
        g.dst = {shape[l + 1], std::min(shape[l + 1], max_bins)};
        g.first_instance = offset;
        offset += g.instances();
    }
    plan.total_instances = offset;
    return plan;
}

double bin_mean(const Matrix& w, const GapPlan& gap, int dst_bin, int src_bin) {
    const int r0 = gap.dst.start(dst_bin), r1 = gap.dst.start(dst_bin + 1);
    const int c0 = gap.src.start(src_bin), c1 = gap.src.start(src_bin + 1);
    double sum = 0.0;
    for (int r = r0; r < r1; ++r) {
        const double* row = w.row(r);
        for (int c = c0; c < c1; ++c) sum += row[c];
    }
    return sum / (static_cast<double>(r1 - r0) * (c1 - c0));
}

static EdgeInstance make_line(const GapPlan& gap, const Matrix& w, int l, int dst_bin, int src_bin) {
    EdgeInstance e;
    e.gap = static_cast<float>(l);
    e.src = gap.src.centre(src_bin);
    e.dst = gap.dst.centre(dst_bin);
    if (gap.binned()) {
        e.weight = static_cast<float>(bin_mean(w, gap, dst_bin, src_bin));
        e.kind = static_cast<float>(EdgeKind::BinMean);
    } else {
        e.weight = static_cast<float>(w.at(dst_bin, src_bin));
        e.kind = static_cast<float>(EdgeKind::Weight);
    }
    return e;
}

void build_edge_instances(const EdgePlan& plan, const Network& net, std::vector<EdgeInstance>* out) {
    build_edge_instances(plan, net.weights, out);
}

void build_edge_instances(const EdgePlan& plan, const std::vector<Matrix>& matrices, std::vector<EdgeInstance>* out) {
    out->resize(plan.total_instances);
    for (int l = 0; l < static_cast<int>(plan.gaps.size()); ++l) {
        const GapPlan& g = plan.gaps[l];
        for (int d = 0; d < g.dst.bins; ++d)
            for (int s = 0; s < g.src.bins; ++s) (*out)[g.instance_of(d, s)] = make_line(g, matrices[l], l, d, s);
    }
}

int edge_instance_index(const EdgePlan& plan, int l, int row, int col) {
    const GapPlan& g = plan.gaps[l];
    return g.instance_of(g.dst.bin_of(row), g.src.bin_of(col));
}

int update_edge_instance(const EdgePlan& plan, const Network& net, int l, int row, int col,
                         std::vector<EdgeInstance>* out) {
    const GapPlan& g = plan.gaps[l];
    const int d = g.dst.bin_of(row), s = g.src.bin_of(col);
    const int index = g.instance_of(d, s);
    (*out)[index] = make_line(g, net.weights[l], l, d, s);
    return index;
}

float gap_max_abs(const EdgePlan& plan, const std::vector<EdgeInstance>& lines, int l) {
    const GapPlan& g = plan.gaps[l];
    float m = 0.0f;
    for (int k = g.first_instance; k < g.first_instance + g.instances(); ++k) m = std::max(m, std::fabs(lines[k].weight));
    return m;
}

std::vector<float> gap_scales(const EdgePlan& plan, const std::vector<float>& gap_max) {
    float shared = 0.0f;
    for (size_t l = 0; l < plan.gaps.size(); ++l)
        if (!plan.gaps[l].binned()) shared = std::max(shared, gap_max[l]);
    std::vector<float> scales(plan.gaps.size());
    for (size_t l = 0; l < plan.gaps.size(); ++l) scales[l] = plan.gaps[l].binned() ? gap_max[l] : shared;
    return scales;
}

}  // namespace mlp
