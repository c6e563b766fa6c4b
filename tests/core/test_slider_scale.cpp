// The sliders' range (app/slider_scale.h) and keyboard steps: what a learner sees on the scale.
#include <doctest/doctest.h>

#include "app/slider_scale.h"
#include "core/limits.h"

TEST_CASE("slider ranges start at -10..10 and widen to nice bounds") {
    CHECK(app::slider_bound_for(0) == 10);
    CHECK(app::slider_bound_for(10) == 10);       // the exercise's values fit the default
    CHECK(app::slider_bound_for(10.5) == 20);
    CHECK(app::slider_bound_for(25) == 50);
    CHECK(app::slider_bound_for(99) == 100);
    CHECK(app::slider_bound_for(101) == 200);
    CHECK(app::slider_bound_for(123456) == 200000);
    CHECK(app::slider_bound_for(mlp::kMaxAbsValue) == mlp::kMaxAbsValue);
}

TEST_CASE("arrow keys step on the grid of the step") {
    CHECK(app::step_value(1, +1, 1) == 2);
    CHECK(app::step_value(1, -1, 1) == 0);
    CHECK(app::step_value(1.5, +1, 1) == 2);   // to the next whole number, not 2.5
    CHECK(app::step_value(1.5, -1, 1) == 1);
    CHECK(app::step_value(-0.5, -1, 1) == -1);
    CHECK(app::step_value(0.2, +1, 0.1) == 0.3);  // exactly the double written "0.3"
    CHECK(app::step_value(0.25, +1, 0.1) == 0.3);
    CHECK(app::step_value(0.25, -1, 0.1) == 0.2);
    CHECK(app::step_value(-0.1, +1, 0.1) == 0.0);
    CHECK(app::step_value(7, +1, 10) == 10);
    CHECK(app::step_value(3, -1, 10) == 0);
}
