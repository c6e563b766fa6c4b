// When the page writes the current link into the address bar. A slider drag changes the document
// every frame, and encoding a big network every frame would stall it; so the link is written at
// most once per interval while edits go on, and once more after they stop, so the last edit is
// never lost. Time is passed in (milliseconds), which keeps this testable without a clock.
#pragma once

#include <cstdint>

namespace mlp {

class LinkThrottle {
public:
    static constexpr double kDefaultIntervalMs = 250;
    explicit LinkThrottle(double interval_ms = kDefaultIntervalMs) : interval_ms_(interval_ms) {}

    // Whether the link of document revision `revision` should be written at `now_ms`: it differs
    // from what the address bar shows, and the last write is at least one interval old. The first
    // edit after a pause is written at once.
    bool due(uint64_t revision, double now_ms) const {
        return revision != shown_ && (!written_once_ || now_ms - written_at_ms_ >= interval_ms_);
    }
    // The link of `revision` was written at `now_ms`.
    void written(uint64_t revision, double now_ms) {
        shown_ = revision;
        written_at_ms_ = now_ms;
        written_once_ = true;
    }
    // The address bar already shows `revision` (the page opened its link, or the user changed
    // the fragment): nothing to write, and no interval started.
    void shown(uint64_t revision) { shown_ = revision; }

private:
    double interval_ms_;
    uint64_t shown_ = 0;
    double written_at_ms_ = 0;
    bool written_once_ = false;
};

}  // namespace mlp
