// The train and test loss and accuracy over the epochs of training, for the Data panel's chart.
// Kept as (epoch, values) entries; when it holds kMaxEntries, every other entry is dropped and
// entries are then kept at twice the spacing, so a run of a million epochs costs a fixed amount
// of memory and a chart of it draws in the same time as a short one. No ImGui here.
#pragma once

#include <cstdint>
#include <vector>

namespace app {

struct LossEntry {
    int64_t epoch = 0;
    double train_loss = 0, test_loss = 0;        // test: NaN without test points
    double train_accuracy = 0, test_accuracy = 0;  // NaN for a regression set
};

class LossHistory {
public:
    static constexpr int kMaxEntries = 512;
    // Adds the state after epoch `e.epoch`. An epoch at or before the last one kept (undo, a
    // new data set, a link opened) starts the history over from it.
    void add(const LossEntry& e);
    void clear() { entries_.clear(); spacing_ = 1; }
    const std::vector<LossEntry>& entries() const { return entries_; }
    // The largest finite loss held (train or test), 0 when none: the chart's top.
    double max_loss() const;

private:
    std::vector<LossEntry> entries_;
    int64_t spacing_ = 1;  // epochs between kept entries (after the first), doubled when full
};

}  // namespace app
