// Labels of the diagram that make way for each other: a node's number, the worksheet's mark of a
// ReLU clip ("−5 → 0") and a bias tag each have places to go, in order of preference (beside the
// node, above it, below it...). Each label takes the first place that is inside the bounds and
// covers no label placed before it and no node's circle but its own; a label with no such place
// is left out (the node's tooltip still says everything). Labels are placed in the order given,
// so the caller lists the most important first.
#pragma once

#include <vector>

namespace mlp {

struct LabelBox {
    float x = 0, y = 0, w = 0, h = 0;
    bool overlaps(const LabelBox& o) const { return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h; }
};

struct LabelCircle {
    float x = 0, y = 0, r = 0;
};

struct LabelRequest {
    std::vector<LabelBox> places;  // in order of preference
    int own = -1;                  // the circle the label belongs to (it may cover it), or -1
};

// For each request, the index of the place it took, or -1 when none was free. Cost: about
// (requests x places) box tests against what lies near each place, not against every label.
std::vector<int> place_labels(const std::vector<LabelRequest>& requests, const std::vector<LabelCircle>& circles,
                              const LabelBox& bounds);

// Whether a box covers any point of a circle.
bool box_meets_circle(const LabelBox& box, const LabelCircle& circle);

}  // namespace mlp
