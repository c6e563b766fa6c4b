// A data set made from its settings (data_settings.h): the points of a generator (or the custom
// points), which of them are held out for testing, and every point's features and target, ready
// for the training loop (training.h) and for points().
//
// The generators are TensorFlow Playground's (its dataset.ts), as definitions. U(a, b) is a uniform
// number in [a, b); a label +1 is the target 1, a label -1 the target 0. With n points, the first
// ceil(n/2) are the first class (or arm), the rest the second.
//   circle     r = U(0, 2.5) for the first half, U(3.5, 5) for the rest; angle t = U(0, 2 pi);
//              (x, y) = (r sin t, r cos t); label +1 when (x + U(-5,5) noise, y + U(-5,5) noise)
//              lies within radius 2.5 of the centre (distance < 2.5), else -1.
//   xor        x = U(-5, 5), then moved 0.3 away from 0 (x > 0: +0.3, else -0.3); y the same; label
//              +1 when x' y' >= 0 for x' = x + U(-5,5) noise, y' = y + U(-5,5) noise, else -1.
//   gauss      the first half normal around (2, 2), label +1; the rest around (-2, -2), label -1;
//              variance 0.5 + 7 noise in each coordinate (0.5 at noise 0, 4 at noise 0.5).
//   spiral     arm k (k = 0: label +1, delta 0; k = 1: label -1, delta pi), its i-th point
//              (i = 0, 1, ...) with h = n/2: r = 5 i / h, t = 1.75 (2 pi) i / h + delta,
//              x = r sin t + U(-1,1) noise, y = r cos t + U(-1,1) noise.
//   plane      x, y = U(-6, 6); target (x' + y') / 10 for x' = x + U(-6,6) noise, y' likewise.
//   multigauss x, y = U(-6, 6); six bumps at (-4, 2.5, +), (0, 2.5, -), (4, 2.5, +),
//              (-4, -2.5, -), (0, -2.5, +), (4, -2.5, -), each worth sign max(0, 1 - d/2) at distance
//              d from its centre; the target is the bump value largest in size (the first of equal
//              ones; 0 far from all) at (x', y') moved as for plane.
// Every point takes its draws in the order written (noise draws too, when noise is 0, so the
// points stay where they are as the noise changes and only their labels move).
//
// The random numbers are our own (random_fill.h, splitmix64), so a seed gives the same points on
// every platform; each use has its own stream, RandomFill(stream * 2^32 + seed):
//   stream 0      the points. U(a, b) = a + (b - a) u with u = RandomFill::uniform(); a normal
//                 number by Marsaglia's polar method: v1, v2 = 2u - 1 until 0 < s = v1² + v2² < 1,
//                 then v1 sqrt(-2 ln s / s).
//   stream 1      the split: point i gets the i-th number of the stream as its key; the test points
//                 are the test_point_count points with the smallest keys (ties: the lower index).
//   stream 2 + e  the order of epoch e (training.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/loss.h"
#include "core/model/network.h"
#include "core/training/data_settings.h"

namespace mlp {

struct DataSet {
    DataSettings settings;           // what it was made from
    Loss loss = Loss::Mse;           // ...and the loss: ce gets one-hot targets
    bool classification = false;
    std::vector<DataPoint> points;   // (n,) in the order made
    std::vector<uint8_t> is_test;    // (n,) 1 for a test point
    Matrix inputs;                   // (n, features): each point's features
    Matrix targets;                  // (n, outputs): 0 or 1, one-hot (1, 0) / (0, 1) with ce, or the value
    std::vector<int> train_rows;     // (n_train,) rows of inputs held for training, in order
    std::vector<int> test_rows;      // (n_test,) the rest

    int size() const { return static_cast<int>(points.size()); }
};

// The state of stream `stream` of `seed` (see above).
uint64_t data_stream(uint32_t seed, uint64_t stream);

// The points of the settings' generator (settings.points of them), or its custom points.
void generate_points(const DataSettings& data, std::vector<DataPoint>* out);

// Points held out for testing among n: floor(n test + 0.5), at most n - 1 (at least one point
// trains).
int test_point_count(int n, double test);

// Which of n points are test points (see stream 1 above): out (n,).
void split_points(uint32_t seed, double test, int n, std::vector<uint8_t>* out);

// The features of the point (x1, x2), in the order of data_settings.h's Feature:
// out (feature_count(features),) = x1, x2, x1², x2², x1 x2, sin x1, sin x2 (those chosen).
void compute_features(uint32_t features, double x1, double x2, double* out);

// Makes the whole data set of `data` (which has one), with targets for `loss`.
void make_data_set(const DataSettings& data, Loss loss, DataSet* out);

// points(): [{"x": [features], "y": [targets], "test": bool}, ...], every point in order.
std::string points_json(const DataSet& data);

// The index of the point nearest to (x1, x2) that is nearer than `reach`, or -1 when none is (the
// first of equally near ones).
int nearest_point(const DataSet& data, double x1, double x2, double reach);

}  // namespace mlp
