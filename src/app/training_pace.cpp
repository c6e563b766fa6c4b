#include "app/training_pace.h"

#include <algorithm>
#include <cmath>

namespace app {

int TrainingPace::batches_this_frame(double reserved_ms) const {
    if (ms_per_batch_ <= 0.0) return 1;  // nothing measured yet: one batch to measure
    // The pictures and the loss take at most half the budget: the training keeps the other half
    // (at a million weights they have work for many frames, and would leave one batch a frame).
    const double budget = budget_ms_ - (reserved_ms > 0.0 ? std::min(reserved_ms, 0.5 * budget_ms_) : 0.0);  // NaN: 0
    const double fit = std::floor(budget / ms_per_batch_);
    const double most = std::min<double>(kMaxBatchesPerFrame, 2.0 * std::max(1, last_batches_));
    return static_cast<int>(std::clamp(fit, 1.0, most));
}

void TrainingPace::record(int batches, double ms) {
    if (batches < 1 || !(ms >= 0.0) || !std::isfinite(ms)) return;
    last_batches_ = batches;
    // A clock coarser than a batch reads 0: count it as a hundredth of a microsecond per batch.
    const double per_batch = std::max(ms / batches, 1e-5);
    // The first measure is taken whole; after it, a running average weighted to the latest frames.
    ms_per_batch_ = ms_per_batch_ <= 0.0 ? per_batch : 0.6 * ms_per_batch_ + 0.4 * per_batch;
}

void TrainingPace::reset() {
    ms_per_batch_ = 0.0;
    last_batches_ = 0;
}

}  // namespace app
