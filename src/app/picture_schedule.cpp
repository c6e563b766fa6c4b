#include "app/picture_schedule.h"

#include <cmath>

namespace app {

bool PictureSchedule::due(double now_ms, bool running) const {
    if (!running || !computed_) return true;
    return now_ms - last_ms_ >= interval_ms();
}

void PictureSchedule::record(uint64_t revision, double now_ms, double took_ms) {
    computed_ = true;
    revision_ = revision;
    last_ms_ = now_ms;
    if (!(took_ms >= 0.0) || !std::isfinite(took_ms)) return;
    // As the training pace: the first measure whole, then weighted to the latest.
    ms_ = ms_ <= 0.0 ? took_ms : 0.6 * ms_ + 0.4 * took_ms;
}

}  // namespace app
