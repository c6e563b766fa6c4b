// How many points a frame of the page's Run trains: as many as fit a time budget of the frame
// (kTrainingBudgetMs of CPU), so the page stays smooth whatever the network and the data set.
// Points, not epochs or batches: an epoch of a big network (250 points through 8 layers of 128)
// takes longer than a frame, and so does a batch of 10 points through a million weights (about
// 30 ms), so both span frames (Session::train_points).
// The pace learns the time a point takes from the frames before (a running average, so one slow
// frame, a garbage collection or a busy machine, does not halve the pace at once) and grows or
// shrinks the count every frame. No ImGui or clock here: the caller measures, so it is tested
// natively with made-up timings.
#pragma once

namespace app {

// The share of a 60 Hz frame (16.7 ms) given to training: the rest draws the page.
constexpr double kTrainingBudgetMs = 8.0;
// A frame's most points: 8 ms of the 2-4-2-1 network's points (about 20,000 in batches of 1),
// with room.
constexpr int kMaxPointsPerFrame = 1 << 20;

class TrainingPace {
public:
    explicit TrainingPace(double budget_ms = kTrainingBudgetMs) : budget_ms_(budget_ms) {}
    // Points to train this frame: at least 1 (a point longer than the budget still runs, one a
    // frame), at most kMaxPointsPerFrame, and at most twice the last frame's count (a guess that
    // was too low grows fast, one that was too high cannot stall a frame for long).
    // reserved_ms: what else this frame spends of the budget (the plot's picture when it is due,
    // picture_schedule.h), trained that much less, down to half the budget.
    int points_this_frame(double reserved_ms = 0.0) const;
    // What the frame's training took: `points` points in `ms` milliseconds.
    void record(int points, double ms);
    // Forgets what it learned (a new data set or network: the time per point changes).
    void reset();
    double ms_per_point() const { return ms_per_point_; }  // 0 until the first record

private:
    double budget_ms_;
    double ms_per_point_ = 0.0;
    int last_points_ = 0;
};

}  // namespace app
