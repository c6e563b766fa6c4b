// How many batches a frame of the page's Run trains: as many as fit a time budget of the frame
// (kTrainingBudgetMs of CPU), so the page stays smooth whatever the network and the data set.
// Batches, not epochs: an epoch of a big network (250 points through 8 layers of 128, or a
// million weights) takes longer than a frame, so it spans frames (Session::train_batches).
// The pace learns the time a batch takes from the frames before (a running average, so one slow
// frame, a garbage collection or a busy machine, does not halve the pace at once) and grows or
// shrinks the count every frame. No ImGui or clock here: the caller measures, so it is tested
// natively with made-up timings.
#pragma once

namespace app {

// The share of a 60 Hz frame (16.7 ms) given to training: the rest draws the page.
constexpr double kTrainingBudgetMs = 8.0;
// A frame's most batches: 8 ms of the 2-4-2-1 network's batches of 1 point, with room.
constexpr int kMaxBatchesPerFrame = 1 << 16;

class TrainingPace {
public:
    explicit TrainingPace(double budget_ms = kTrainingBudgetMs) : budget_ms_(budget_ms) {}
    // Batches to train this frame: at least 1 (a batch longer than the budget still runs, one a
    // frame), at most kMaxBatchesPerFrame, and at most twice the last frame's count (a guess that
    // was too low grows fast, one that was too high cannot stall a frame for long).
    // reserved_ms: what else this frame spends of the budget (the plot's picture when it is due,
    // picture_schedule.h), trained that much less, down to half the budget.
    int batches_this_frame(double reserved_ms = 0.0) const;
    // What the frame's training took: `batches` batches in `ms` milliseconds.
    void record(int batches, double ms);
    // Forgets what it learned (a new data set or network: the time per batch changes).
    void reset();
    double ms_per_batch() const { return ms_per_batch_; }  // 0 until the first record

private:
    double budget_ms_;
    double ms_per_batch_ = 0.0;
    int last_batches_ = 0;
};

}  // namespace app
