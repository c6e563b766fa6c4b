#include "app/plane_image.h"

#include <algorithm>
#include <cmath>

#include "core/training/data_settings.h"

namespace app {

double plane_cell_centre(int i, int n) { return -kPlaneExtent + (i + 0.5) * (2.0 * kPlaneExtent / n); }

double plane_prediction(mlp::Loss loss, bool classification, const double* a, int outputs) {
    if (!classification) return a[0];
    switch (loss) {
        case mlp::Loss::Mse: return a[0];
        case mlp::Loss::BinaryCrossEntropy: return 1.0 / (1.0 + std::exp(-a[0]));
        case mlp::Loss::CrossEntropy:
            if (outputs < 2) return 1.0;  // softmax of one node
            // softmax of the second node among two: sigmoid(a1 - a0)
            return 1.0 / (1.0 + std::exp(a[0] - a[1]));
    }
    return a[0];
}

void PlaneImage::compute(const mlp::Document& doc, bool classification, int n) {
    start(doc, classification, n, &doc.network);  // at once: no copy of the network
    advance(n * n);
}

void PlaneImage::begin(const mlp::Document& doc, bool classification, int n) {
    job_net_ = doc.network;  // copies into the capacity it has
    start(doc, classification, n, &job_net_);
}

void PlaneImage::start(const mlp::Document& doc, bool classification, int n, const mlp::Network* net) {
    net_ = net;
    job_n_ = n;
    job_loss_ = doc.loss;
    job_classification_ = classification;
    const uint32_t features = doc.data.features;
    const int width = mlp::feature_count(features);
    if (inputs_.rows != n * n || inputs_.cols != width) inputs_ = mlp::Matrix(n * n, width);
    for (int row = 0; row < n; ++row) {
        const double x2 = plane_cell_centre(n - 1 - row, n);
        for (int col = 0; col < n; ++col)
            mlp::compute_features(features, plane_cell_centre(col, n), x2, inputs_.row(row * n + col));
    }
    const std::vector<int>& shape = net->shape;
    job_a_.resize(shape.size() - 1);
    for (size_t l = 0; l + 1 < shape.size(); ++l)
        if (job_a_[l].rows != n * n || job_a_[l].cols != shape[l + 1]) job_a_[l] = mlp::Matrix(n * n, shape[l + 1]);
    next_cell_ = 0;
    pending_ = true;
}

bool PlaneImage::advance(int cells) {
    if (!pending_) return true;
    // At most this many cells a pass: the passes stay small (z and a of 256 rows) for any grid,
    // and as fast as one pass of them all (each weight row is reused for every row of a pass).
    constexpr int kChunk = 256;
    const int total = job_n_ * job_n_;
    const int end = next_cell_ + std::clamp(cells, 1, total - next_cell_);
    while (next_cell_ < end) {
        const int count = std::min(kChunk, end - next_cell_);
        if (chunk_x_.rows != count || chunk_x_.cols != inputs_.cols) chunk_x_ = mlp::Matrix(count, inputs_.cols);
        std::copy_n(inputs_.row(next_cell_), static_cast<size_t>(count) * inputs_.cols, chunk_x_.row(0));
        mlp::forward_pass(*net_, chunk_x_, &chunk_);
        for (size_t l = 0; l < job_a_.size(); ++l)
            std::copy_n(chunk_.a[l].row(0), static_cast<size_t>(count) * job_a_[l].cols, job_a_[l].row(next_cell_));
        next_cell_ += count;
    }
    if (next_cell_ < total) return false;
    pending_ = false;
    net_ = nullptr;
    n_ = job_n_;
    std::swap(pass_.a, job_a_);
    const mlp::Matrix& out = pass_.a.back();
    values_.resize(static_cast<size_t>(total));
    for (int k = 0; k < total; ++k) values_[k] = plane_prediction(job_loss_, job_classification_, out.row(k), out.cols);
    return true;
}

namespace {

uint8_t mix(uint8_t a, uint8_t b, double t) { return static_cast<uint8_t>(std::lround(a + (b - a) * t)); }

PlaneRgb mix(PlaneRgb a, PlaneRgb b, double t) { return {mix(a.r, b.r, t), mix(a.g, b.g, t), mix(a.b, b.b, t)}; }

}  // namespace

PlaneRgb plane_colour(double value, bool classification, PlaneRgb low, PlaneRgb mid, PlaneRgb high) {
    // t in [-1, 1]: -1 is `low`, 0 `mid`, 1 `high`.
    double t = classification ? 2.0 * value - 1.0 : value;
    if (!std::isfinite(t)) t = 0.0;
    t = std::clamp(t, -1.0, 1.0);
    return t < 0 ? mix(mid, low, -t) : mix(mid, high, t);
}

void PlaneImage::colour(bool classification, PlaneRgb low, PlaneRgb mid, PlaneRgb high) {
    constexpr PlaneRgb kWhite{255, 255, 255};
    constexpr double kPale = 0.5;  // the share of white mixed in
    rgba_.resize(values_.size() * 4);
    for (size_t k = 0; k < values_.size(); ++k) {
        const PlaneRgb c = mix(plane_colour(values_[k], classification, low, mid, high), kWhite, kPale);
        rgba_[4 * k + 0] = c.r;
        rgba_[4 * k + 1] = c.g;
        rgba_[4 * k + 2] = c.b;
        rgba_[4 * k + 3] = 255;
    }
}

}  // namespace app
