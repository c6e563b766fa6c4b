#include "app/training_pace.h"

#include <algorithm>
#include <cmath>

#include "core/limits.h"

namespace app {

int TrainingPace::epochs_this_frame(double reserved_ms) const {
    if (ms_per_epoch_ <= 0.0) return 1;  // nothing measured yet: one epoch to measure
    const double budget = std::max(0.0, budget_ms_ - std::max(0.0, reserved_ms));
    const double fit = std::floor(budget / ms_per_epoch_);
    const double most = std::min<double>(mlp::kMaxEpochsPerCall, 2.0 * std::max(1, last_epochs_));
    return static_cast<int>(std::clamp(fit, 1.0, most));
}

void TrainingPace::record(int epochs, double ms) {
    if (epochs < 1 || !(ms >= 0.0) || !std::isfinite(ms)) return;
    last_epochs_ = epochs;
    // A clock coarser than an epoch reads 0: count it as a tenth of a microsecond per epoch.
    const double per_epoch = std::max(ms / epochs, 1e-4);
    // The first measure is taken whole; after it, a running average weighted to the latest frames.
    ms_per_epoch_ = ms_per_epoch_ <= 0.0 ? per_epoch : 0.6 * ms_per_epoch_ + 0.4 * per_epoch;
}

void TrainingPace::reset() {
    ms_per_epoch_ = 0.0;
    last_epochs_ = 0;
}

}  // namespace app
