#include "core/diagram/label_layout.h"

#include <algorithm>
#include <cmath>

namespace mlp {
namespace {

// Boxes and circles filed by the cells of a grid over the bounds, so a place is tested against
// what is near it only.
class Grid {
public:
    Grid(const LabelBox& bounds, float cell) : bounds_(bounds), cell_(cell) {
        cols_ = std::max(1, static_cast<int>(std::ceil(bounds.w / cell)));
        rows_ = std::max(1, static_cast<int>(std::ceil(bounds.h / cell)));
        cells_.resize(static_cast<size_t>(cols_) * rows_);
    }
    // Calls fn(cell) for each cell the box touches; stops when fn returns false.
    template <class Fn>
    bool each_cell(const LabelBox& b, Fn&& fn) {
        const int c0 = clamp_col(b.x), c1 = clamp_col(b.x + b.w), r0 = clamp_row(b.y), r1 = clamp_row(b.y + b.h);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                if (!fn(cells_[static_cast<size_t>(r) * cols_ + c])) return false;
        return true;
    }
    std::vector<std::vector<int>>& cells() { return cells_; }

private:
    int clamp_col(float x) const { return std::clamp(static_cast<int>(std::floor((x - bounds_.x) / cell_)), 0, cols_ - 1); }
    int clamp_row(float y) const { return std::clamp(static_cast<int>(std::floor((y - bounds_.y) / cell_)), 0, rows_ - 1); }

    LabelBox bounds_;
    float cell_;
    int cols_ = 1, rows_ = 1;
    std::vector<std::vector<int>> cells_;  // indices: circles as -1 - i, boxes placed as i
};

bool inside(const LabelBox& b, const LabelBox& bounds) {
    return b.x >= bounds.x && b.y >= bounds.y && b.x + b.w <= bounds.x + bounds.w && b.y + b.h <= bounds.y + bounds.h;
}

}  // namespace

bool box_meets_circle(const LabelBox& box, const LabelCircle& circle) {
    const float dx = circle.x - std::clamp(circle.x, box.x, box.x + box.w);
    const float dy = circle.y - std::clamp(circle.y, box.y, box.y + box.h);
    return dx * dx + dy * dy < circle.r * circle.r;
}

std::vector<int> place_labels(const std::vector<LabelRequest>& requests, const std::vector<LabelCircle>& circles,
                              const LabelBox& bounds) {
    std::vector<int> taken(requests.size(), -1);
    Grid grid(bounds, 48.0f);
    for (size_t i = 0; i < circles.size(); ++i) {
        const LabelCircle& c = circles[i];
        grid.each_cell({c.x - c.r, c.y - c.r, 2 * c.r, 2 * c.r}, [&](std::vector<int>& cell) {
            cell.push_back(-1 - static_cast<int>(i));
            return true;
        });
    }
    std::vector<LabelBox> placed;
    for (size_t k = 0; k < requests.size(); ++k) {
        const LabelRequest& req = requests[k];
        for (size_t p = 0; p < req.places.size(); ++p) {
            const LabelBox& box = req.places[p];
            if (!inside(box, bounds)) continue;
            const bool free = grid.each_cell(box, [&](std::vector<int>& cell) {
                for (int item : cell) {
                    if (item < 0) {
                        const int circle = -1 - item;
                        if (circle != req.own && box_meets_circle(box, circles[circle])) return false;
                    } else if (box.overlaps(placed[item])) {
                        return false;
                    }
                }
                return true;
            });
            if (!free) continue;
            taken[k] = static_cast<int>(p);
            const int index = static_cast<int>(placed.size());
            placed.push_back(box);
            grid.each_cell(box, [&](std::vector<int>& cell) {
                cell.push_back(index);
                return true;
            });
            break;
        }
    }
    return taken;
}

}  // namespace mlp
