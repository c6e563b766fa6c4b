#include "app/picture_schedule.h"

#include <algorithm>
#include <cmath>

namespace app {

bool PictureSchedule::due(double now_ms, bool running) const {
    if (!running || !computed_) return true;
    return now_ms - last_ms_ >= interval_ms();
}

namespace {

// As the training pace: the first measure whole, then weighted to the latest.
double running_average(double average, double latest) { return average <= 0.0 ? latest : 0.6 * average + 0.4 * latest; }

}  // namespace

void PictureSchedule::record(uint64_t revision, double now_ms, double took_ms, double multiply_adds, double pass_ms) {
    computed_ = true;
    revision_ = revision;
    last_ms_ = now_ms;
    if (!(took_ms >= 0.0) || !std::isfinite(took_ms)) return;
    ms_ = running_average(ms_, took_ms);
    // Tiny pictures say little of the time per multiply-add (the clock's grain, the colouring).
    if (multiply_adds >= 1e5 && pass_ms > 0.0 && std::isfinite(pass_ms))
        ms_per_multiply_add_ = running_average(ms_per_multiply_add_, pass_ms / multiply_adds);
}

double PictureSchedule::ms_per_multiply_add() const {
    return ms_per_multiply_add_ > 0.0 ? ms_per_multiply_add_ : kFirstMsPerMultiplyAdd;
}

int PictureSchedule::cells_within(double ms, double weights) const {
    const double cells = ms / (ms_per_multiply_add() * std::max(1.0, weights));
    if (!(cells < 1e9)) return 1000000000;  // NaN too
    return std::max(1, static_cast<int>(cells));
}

int PictureSchedule::grid_cells(double weights, int most) const {
    const double cells = std::sqrt(kPictureTargetMs / (ms_per_multiply_add() * std::max(1.0, weights)));
    if (!(cells < most)) return most;  // NaN too
    return std::max(kMinPictureCells, static_cast<int>(cells));
}

int next_lines_per_part(int lines_per_part, double ms_per_part) {
    const double now = std::max(lines_per_part, kMinLinesPerPart);
    double next = 2.0 * now;
    if (ms_per_part > 0.0 && std::isfinite(ms_per_part)) next = std::clamp(now * kLinePartMs / ms_per_part, 0.25 * now, next);
    return std::max(kMinLinesPerPart, static_cast<int>(std::min(next, 1e9)));
}

}  // namespace app
