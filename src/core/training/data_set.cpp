// The data set (data_set.h): the generators, the split, the features.
#include "core/training/data_set.h"

#include <algorithm>
#include <cmath>

#include "core/formats/json_writer.h"
#include "core/model/random_fill.h"
#include "core/training/data_fit.h"

namespace mlp {

uint64_t data_stream(uint32_t seed, uint64_t stream) { return (stream << 32) + seed; }

namespace {

constexpr double kPi = 3.14159265358979323846;

// Draws of stream 0: U(a, b) and normal numbers.
class PointDraws {
public:
    explicit PointDraws(uint32_t seed) : rng_(data_stream(seed, 0)) {}
    double uniform(double a, double b) { return a + (b - a) * rng_.uniform(); }
    double normal(double mean, double variance) {
        double v1, s;
        do {
            v1 = 2.0 * rng_.uniform() - 1.0;
            const double v2 = 2.0 * rng_.uniform() - 1.0;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1.0 || s == 0.0);
        return mean + std::sqrt(variance) * v1 * std::sqrt(-2.0 * std::log(s) / s);
    }

private:
    RandomFill rng_;
};

double label(bool positive) { return positive ? 1.0 : 0.0; }

void circle(int n, double noise, PointDraws& d, std::vector<DataPoint>* out) {
    const int inner = n - n / 2;
    for (int i = 0; i < n; ++i) {
        const double r = i < inner ? d.uniform(0.0, 2.5) : d.uniform(3.5, 5.0);
        const double t = d.uniform(0.0, 2.0 * kPi);
        const double x = r * std::sin(t), y = r * std::cos(t);
        const double nx = x + d.uniform(-5.0, 5.0) * noise, ny = y + d.uniform(-5.0, 5.0) * noise;
        out->push_back({x, y, label(std::sqrt(nx * nx + ny * ny) < 2.5)});
    }
}

void xor_points(int n, double noise, PointDraws& d, std::vector<DataPoint>* out) {
    auto padded = [](double v) { return v + (v > 0.0 ? 0.3 : -0.3); };
    for (int i = 0; i < n; ++i) {
        const double x = padded(d.uniform(-5.0, 5.0));
        const double y = padded(d.uniform(-5.0, 5.0));
        const double nx = x + d.uniform(-5.0, 5.0) * noise, ny = y + d.uniform(-5.0, 5.0) * noise;
        out->push_back({x, y, label(nx * ny >= 0.0)});
    }
}

void gauss(int n, double noise, PointDraws& d, std::vector<DataPoint>* out) {
    const double variance = 0.5 + 7.0 * noise;
    const int first = n - n / 2;
    for (int i = 0; i < n; ++i) {
        const double c = i < first ? 2.0 : -2.0;
        const double x = d.normal(c, variance);
        const double y = d.normal(c, variance);
        out->push_back({x, y, label(i < first)});
    }
}

void spiral(int n, double noise, PointDraws& d, std::vector<DataPoint>* out) {
    const double h = n / 2.0;
    const int first = n - n / 2;
    for (int k = 0; k < n; ++k) {
        const bool positive = k < first;
        const int i = positive ? k : k - first;
        const double r = 5.0 * i / h;
        const double t = 1.75 * (2.0 * kPi) * i / h + (positive ? 0.0 : kPi);
        const double x = r * std::sin(t) + d.uniform(-1.0, 1.0) * noise;
        const double y = r * std::cos(t) + d.uniform(-1.0, 1.0) * noise;
        out->push_back({x, y, label(positive)});
    }
}

double multigauss_value(double x, double y) {
    static const double kBumps[6][3] = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
    double value = 0.0;
    for (const auto& b : kBumps) {
        const double dx = x - b[0], dy = y - b[1];
        const double v = b[2] * std::max(0.0, 1.0 - std::sqrt(dx * dx + dy * dy) / 2.0);
        if (std::fabs(v) > std::fabs(value)) value = v;
    }
    return value;
}

// plane and multigauss: points in U(-6, 6)², the target at the point moved by the noise.
template <class Target>
void regression(int n, double noise, PointDraws& d, Target&& target, std::vector<DataPoint>* out) {
    for (int i = 0; i < n; ++i) {
        const double x = d.uniform(-6.0, 6.0), y = d.uniform(-6.0, 6.0);
        const double nx = x + d.uniform(-6.0, 6.0) * noise, ny = y + d.uniform(-6.0, 6.0) * noise;
        out->push_back({x, y, target(nx, ny)});
    }
}

}  // namespace

void generate_points(const DataSettings& data, std::vector<DataPoint>* out) {
    out->clear();
    if (data.kind == DataKind::Custom) {
        *out = data.custom;
        return;
    }
    out->reserve(data.points);
    PointDraws d(data.seed);
    const int n = data.points;
    switch (data.kind) {
        case DataKind::Circle: circle(n, data.noise, d, out); break;
        case DataKind::Xor: xor_points(n, data.noise, d, out); break;
        case DataKind::Gauss: gauss(n, data.noise, d, out); break;
        case DataKind::Spiral: spiral(n, data.noise, d, out); break;
        case DataKind::Plane: regression(n, data.noise, d, [](double x, double y) { return (x + y) / 10.0; }, out); break;
        case DataKind::MultiGauss: regression(n, data.noise, d, multigauss_value, out); break;
        default: break;
    }
}

int test_point_count(int n, double test) {
    if (n <= 1) return 0;
    const int count = static_cast<int>(std::floor(n * test + 0.5));
    return std::min(count, n - 1);
}

void split_points(uint32_t seed, double test, int n, std::vector<uint8_t>* out) {
    out->assign(n, 0);
    const int count = test_point_count(n, test);
    if (count == 0) return;
    RandomFill rng(data_stream(seed, 1));
    std::vector<std::pair<uint64_t, int>> keys(n);  // (key, index): sorted, ties by index
    for (int i = 0; i < n; ++i) keys[i] = {rng.next(), i};
    std::nth_element(keys.begin(), keys.begin() + (count - 1), keys.end());
    for (int k = 0; k < count; ++k) (*out)[keys[k].second] = 1;
}

void compute_features(uint32_t features, double x1, double x2, double* out) {
    int k = 0;
    if (features & kFeatureX1) out[k++] = x1;
    if (features & kFeatureX2) out[k++] = x2;
    if (features & kFeatureX1Squared) out[k++] = x1 * x1;
    if (features & kFeatureX2Squared) out[k++] = x2 * x2;
    if (features & kFeatureX1TimesX2) out[k++] = x1 * x2;
    if (features & kFeatureSinX1) out[k++] = std::sin(x1);
    if (features & kFeatureSinX2) out[k++] = std::sin(x2);
}

void make_data_set(const DataSettings& data, Loss loss, DataSet* out) {
    out->settings = data;
    out->loss = loss;
    out->classification = is_classification(data);
    generate_points(data, &out->points);
    const int n = out->size();
    split_points(data.seed, data.test, n, &out->is_test);
    const int outputs = data_outputs(data, loss);
    out->inputs = Matrix(n, feature_count(data.features));
    out->targets = Matrix(n, outputs);
    out->train_rows.clear();
    out->test_rows.clear();
    for (int i = 0; i < n; ++i) {
        const DataPoint& p = out->points[i];
        compute_features(data.features, p.x1, p.x2, out->inputs.row(i));
        if (outputs == 2)
            out->targets.at(i, p.target == 1.0 ? 1 : 0) = 1.0;  // one-hot: node k is class k
        else
            out->targets.at(i, 0) = p.target;
        (out->is_test[i] ? out->test_rows : out->train_rows).push_back(i);
    }
}

std::string points_json(const DataSet& data) {
    std::string out;
    JsonWriter w(&out);
    w.begin_array();
    for (int i = 0; i < data.size(); ++i) {
        w.begin_object();
        w.key("x");
        w.number_array(data.inputs.row(i), data.inputs.cols);
        w.key("y");
        w.number_array(data.targets.row(i), data.targets.cols);
        w.key("test");
        w.raw(data.is_test[i] ? "true" : "false");
        w.end_object();
    }
    w.end_array();
    return out;
}

int nearest_point(const DataSet& data, double x1, double x2, double reach) {
    int best = -1;
    double best_d = reach * reach;
    for (int k = 0; k < data.size(); ++k) {
        const double dx = data.points[k].x1 - x1, dy = data.points[k].x2 - x2;
        if (dx * dx + dy * dy < best_d) {
            best_d = dx * dx + dy * dy;
            best = k;
        }
    }
    return best;
}

}  // namespace mlp
