// Labels of the diagram make way for each other (label_layout.h).
#include <doctest/doctest.h>

#include <random>
#include <vector>

#include "core/diagram/label_layout.h"

using namespace mlp;

TEST_CASE("a label takes its first place that is free, else the next, else none") {
    const LabelBox bounds{0, 0, 200, 200};
    std::vector<LabelRequest> requests(3);
    requests[0].places = {{10, 10, 40, 12}};
    requests[1].places = {{20, 14, 40, 12}, {20, 30, 40, 12}};  // the first overlaps label 0
    requests[2].places = {{15, 12, 10, 10}, {190, 10, 40, 12}};  // covered, then out of bounds
    const std::vector<int> taken = place_labels(requests, {}, bounds);
    CHECK(taken == std::vector<int>{0, 1, -1});
}

TEST_CASE("a label covers no circle but its own node's") {
    const LabelBox bounds{0, 0, 200, 200};
    const std::vector<LabelCircle> circles = {{50, 50, 10}, {50, 80, 10}};
    std::vector<LabelRequest> requests(2);
    requests[0].places = {{42, 45, 16, 10}};  // inside node 0: its own
    requests[0].own = 0;
    requests[1].places = {{42, 62, 30, 14}, {62, 62, 30, 14}};  // the first touches node 1's circle
    const std::vector<int> taken = place_labels(requests, circles, bounds);
    CHECK(taken == std::vector<int>{0, 1});
    CHECK(box_meets_circle({58, 40, 10, 10}, {50, 50, 10}));
    CHECK_FALSE(box_meets_circle({58, 58, 10, 10}, {50, 50, 10}));  // the corner: outside the circle
}

TEST_CASE("however many labels crowd a column, no two placed ones overlap") {
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> coord(0, 400), size(8, 60);
    const LabelBox bounds{0, 0, 400, 400};
    std::vector<LabelCircle> circles;
    for (int i = 0; i < 40; ++i) circles.push_back({200, 10.0f * i, 4});
    std::vector<LabelRequest> requests(500);
    for (LabelRequest& r : requests)
        for (int p = 0; p < 4; ++p) r.places.push_back({coord(rng), coord(rng), size(rng), 12});
    const std::vector<int> taken = place_labels(requests, circles, bounds);
    std::vector<LabelBox> placed;
    for (size_t k = 0; k < requests.size(); ++k)
        if (taken[k] >= 0) placed.push_back(requests[k].places[taken[k]]);
    CHECK(placed.size() > 20);
    for (size_t a = 0; a < placed.size(); ++a) {
        for (const LabelCircle& c : circles) CHECK_FALSE(box_meets_circle(placed[a], c));
        for (size_t b = a + 1; b < placed.size(); ++b) CHECK_FALSE(placed[a].overlaps(placed[b]));
    }
}
