#include "app/training_pace.h"

#include <algorithm>
#include <cmath>

namespace app {

int TrainingPace::points_this_frame(double reserved_ms) const {
    if (ms_per_point_ <= 0.0) return 1;  // nothing measured yet: one point to measure
    // The pictures and the loss take at most half the budget: the training keeps the other half
    // (at a million weights they have work for many frames, and would leave one point a frame).
    const double budget = budget_ms_ - (reserved_ms > 0.0 ? std::min(reserved_ms, 0.5 * budget_ms_) : 0.0);  // NaN: 0
    const double fit = std::floor(budget / ms_per_point_);
    const double most = std::min<double>(kMaxPointsPerFrame, 2.0 * std::max(1, last_points_));
    return static_cast<int>(std::clamp(fit, 1.0, most));
}

void TrainingPace::record(int points, double ms) {
    if (points < 1 || !(ms >= 0.0) || !std::isfinite(ms)) return;
    last_points_ = points;
    // A clock coarser than a point reads 0: count it as a nanosecond per point.
    const double per_point = std::max(ms / points, 1e-6);
    // The first measure is taken whole; after it, a running average weighted to the latest frames.
    ms_per_point_ = ms_per_point_ <= 0.0 ? per_point : 0.6 * ms_per_point_ + 0.4 * per_point;
}

void TrainingPace::reset() {
    ms_per_point_ = 0.0;
    last_points_ = 0;
}

}  // namespace app
