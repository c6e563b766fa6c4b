#include "app/loss_history.h"

#include <algorithm>
#include <cmath>

namespace app {

void LossHistory::add(const LossEntry& e) {
    if (!entries_.empty() && e.epoch <= entries_.back().epoch) clear();
    // Kept when far enough from the last one (the latest always replaces a too-close last entry,
    // so the chart ends at the current epoch).
    if (entries_.size() >= 2 && e.epoch - entries_[entries_.size() - 2].epoch < spacing_) {
        entries_.back() = e;
        return;
    }
    entries_.push_back(e);
    if (static_cast<int>(entries_.size()) >= kMaxEntries) {
        // Keep the first and every other entry after it, and the latest.
        std::vector<LossEntry> kept;
        kept.reserve(entries_.size() / 2 + 2);
        for (size_t i = 0; i + 1 < entries_.size(); i += 2) kept.push_back(entries_[i]);
        kept.push_back(entries_.back());
        entries_.swap(kept);
        spacing_ *= 2;
    }
}

double LossHistory::max_loss() const {
    double top = 0;
    for (const LossEntry& e : entries_) {
        if (std::isfinite(e.train_loss)) top = std::max(top, e.train_loss);
        if (std::isfinite(e.test_loss)) top = std::max(top, e.test_loss);
    }
    return top;
}

}  // namespace app
