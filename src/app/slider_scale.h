// The scale of the sliders. The range of one section (the inputs, or one weight layer) is
// symmetric, -10..10 by default (the exercise's numbers sit well inside), widened to the next
// "nice" bound when a value lies outside, so every slider of a layer shares one scale with 0 in
// the middle. Keyboard steps land on the grid of the step. Header-only and free of ImGui, so
// the native tests cover it.
#pragma once

#include <cmath>

#include "core/limits.h"

namespace app {

constexpr double kDefaultSliderBound = 10.0;

// The smallest bound of 10, 20, 50, 100, 200, 500, ... (at most kMaxAbsValue) that holds |v|.
inline double slider_bound_for(double abs_value) {
    double bound = kDefaultSliderBound;
    static const double kSteps[] = {1.0, 2.0, 5.0};
    for (double decade = kDefaultSliderBound; decade < mlp::kMaxAbsValue; decade *= 10.0) {
        for (double s : kSteps) {
            bound = decade * s;
            if (abs_value <= bound) return bound;
        }
    }
    return mlp::kMaxAbsValue;
}

// The value one keyboard step away from v in `direction` (+1 or -1), on the grid of `step`
// (1, 0.1, 10...): 1.5 steps up to 2, not 2.5; 0.2 + 0.1 gives 0.3 exactly as typed, not
// 0.30000000000000004 (whole steps are divided, not multiplied, when 1/step is whole).
inline double step_value(double v, int direction, double step) {
    const double per_unit = 1.0 / step;
    const bool whole = std::fabs(per_unit - std::round(per_unit)) < 1e-9;
    const double k = v / step;
    const double eps = 1e-9;
    const double next = direction > 0 ? std::floor(k + eps) + 1.0 : std::ceil(k - eps) - 1.0;
    return whole ? next / std::round(per_unit) : next * step;
}

}  // namespace app
