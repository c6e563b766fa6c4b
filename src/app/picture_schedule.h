// When the plot and the diagram's node pictures (plane_image.h, node_pictures.h) are computed
// again: at once after any change while no run goes on (an edit, a step, the pause that ends a
// run), and during a run at most as often as their cost allows, so that a deep network's picture
// does not take the frame from the training or the drawing. A run's picture may take at most
// kPictureShare of the time: a picture of t ms is refreshed at most every t / kPictureShare ms
// (a 1 ms picture every frame at 60 Hz, a 10 ms one every 40 ms, 2 or 3 frames). The frame that
// refreshes it trains that much less (TrainingPace::points_this_frame's reserved_ms).
//
// And how fine the picture's grid is: kPlaneCells a side (100, TensorFlow Playground's) while
// a picture of that grid fits kPictureTargetMs, else coarser, down to kMinPictureCells, so that a
// big network's picture (8 hidden layers of 128: about 0.4 s for 100x100 cells natively) does not
// freeze the page. The time of a multiply-add is learned from the pictures before.
//
// No clock here: the caller passes the time, so it is tested natively with a made-up clock.
#pragma once

#include <cstdint>

namespace app {

constexpr double kPictureShare = 0.25;
// During a run, a picture is computed in parts of at most this long a frame (plane_image.h's
// begin and advance): a million weights' picture takes 70 ms, more than a frame.
constexpr double kPictureSliceMs = 4.0;
constexpr double kPictureTargetMs = 8.0;
constexpr int kMinPictureCells = 12;
// The time of one multiply-add of the pass before any is measured: a guess on the slow side.
constexpr double kFirstMsPerMultiplyAdd = 2e-6;

// The diagram's lines during a run (diagram_view.h): redrawn in parts of this many lines a frame
// at first, then as many as take about kLinePartMs of a frame by the last redraw's cost.
constexpr int kFirstLinesPerPart = 2048;
constexpr int kMinLinesPerPart = 64;
constexpr double kLinePartMs = 4.0;
// The lines a part should have next, from the lines it had and what each part of the last redraw
// cost (ms; 0 or less when too small to see). At most twice as many, at least a quarter as many:
// one redraw slowed by a busy machine does not swing it far.
int next_lines_per_part(int lines_per_part, double ms_per_part);

class PictureSchedule {
public:
    // share: the most of the time the refreshes may take (kPictureShare: a quarter).
    explicit PictureSchedule(double share = kPictureShare) : share_(share) {}
    // Whether this frame, at `now_ms`, recomputes the picture (if the document changed since).
    bool due(double now_ms, bool running) const;
    // Whether the picture of the document at `revision` is the one shown.
    bool current(uint64_t revision) const { return computed_ && revision == revision_; }
    // The frame's share of the training budget the picture takes: its time when it is due
    // during a run, else 0.
    double reserved_ms(double now_ms, bool running) const { return running && due(now_ms, running) ? ms_ : 0.0; }
    // The picture of `revision` was computed at `now_ms` (the start) in `took_ms` (the pass over
    // the grid and the colouring); the pass alone did `multiply_adds` (cells x the network's
    // weights; 0 when unknown) in `pass_ms`.
    void record(uint64_t revision, double now_ms, double took_ms, double multiply_adds = 0.0, double pass_ms = 0.0);
    // Cells along a side of the next picture's grid, for a network of `weights` weights: at most
    // `most`, fewer when that would take over kPictureTargetMs.
    int grid_cells(double weights, int most) const;
    // Cells of a network of `weights` weights whose pass fits `ms` (at least 1).
    int cells_within(double ms, double weights) const;
    // Forget the picture shown (a lost GL context): the next frame computes it.
    void invalidate() { computed_ = false; }
    double ms_per_picture() const { return ms_; }
    double interval_ms() const { return ms_ / share_; }

private:
    double ms_per_multiply_add() const;  // learned, or kFirstMsPerMultiplyAdd
    double share_;
    bool computed_ = false;
    uint64_t revision_ = 0;
    double last_ms_ = 0.0;  // when the last picture was started
    double ms_ = 0.0;       // a running average of its time
    double ms_per_multiply_add_ = 0.0;  // learned from the pictures' times; 0 until one is
};

}  // namespace app
