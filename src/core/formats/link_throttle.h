// When the page writes the current link into the address bar. A slider drag changes the document
// every frame, and encoding a big network every frame would stall it; so the link is written at
// most once per interval while edits go on, and once more after they stop, so the last edit is
// never lost. What a write costs changes that: the browser's replaceState alone takes 50 to
// 800 ms for a 600 kB link (docs/benchmarks.md). A write that took longer than kExpensiveMs is
// not repeated while edits go on (a drag would stutter), only once they pause for an interval;
// and any write waits kCostFactor times its cost before the next, so the address bar never
// takes more than 1/kCostFactor of the page's time. Time is passed in (milliseconds), which
// keeps this testable without a clock.
#pragma once

#include <cstdint>

namespace mlp {

class LinkThrottle {
public:
    static constexpr double kDefaultIntervalMs = 250;
    static constexpr double kCostFactor = 50;    // a write that took t ms waits 50 t ms for the next
    static constexpr double kExpensiveMs = 8;    // half a frame at 60 Hz
    explicit LinkThrottle(double interval_ms = kDefaultIntervalMs) : interval_ms_(interval_ms) {}

    // Whether the link of document revision `revision` should be written at `now_ms` (called
    // every frame: it also notes when the revision last changed). It is due when it differs from
    // what the address bar shows and the last write is old enough: one interval, or kCostFactor
    // times what that write took; after an expensive write, the edits must also have paused for
    // an interval. The first edit after a pause is written at once unless writes are expensive.
    // running: a run trains (data_panel.h). Its steps are edits that never stop, however far
    // apart they come (a million weights' step spans frames for longer than an interval), so a
    // write not known to be cheap waits for the run's end: written mid-run, the link of
    // 2-1022-1022-1 stalled a frame for 240 ms every 12 s.
    bool due(uint64_t revision, double now_ms, bool running = false) {
        if (revision != seen_) {
            seen_ = revision;
            changed_at_ms_ = now_ms;
        }
        if (revision == shown_) return false;
        if (!written_once_) return !running;
        if (now_ms - written_at_ms_ < wait_ms_) return false;
        return !expensive_ || (!running && now_ms - changed_at_ms_ >= interval_ms_);
    }
    // Milliseconds from `now_ms` until due() holds for `revision` if no other edit comes (0: it
    // may hold now), or -1 when the address bar already shows it: how long an idle page may sleep
    // before it writes the link of its last edit.
    double due_in_ms(uint64_t revision, double now_ms) const {
        if (revision == shown_) return -1;
        if (!written_once_ || revision != seen_) return 0;  // not seen by due() yet: ask it now
        double at = written_at_ms_ + wait_ms_;
        if (expensive_ && changed_at_ms_ + interval_ms_ > at) at = changed_at_ms_ + interval_ms_;
        return at > now_ms ? at - now_ms : 0;
    }
    // The link of `revision` was written, ending at `now_ms`; writing it took `cost_ms`.
    void written(uint64_t revision, double now_ms, double cost_ms = 0) {
        shown_ = revision;
        written_at_ms_ = now_ms;
        written_once_ = true;
        wait_ms_ = interval_ms_ > kCostFactor * cost_ms ? interval_ms_ : kCostFactor * cost_ms;
        expensive_ = cost_ms > kExpensiveMs;
    }
    // The address bar already shows `revision` (the page opened its link, or the user changed
    // the fragment): nothing to write, and no interval started.
    void shown(uint64_t revision) { shown_ = revision; }

private:
    double interval_ms_;
    double wait_ms_ = 0;  // after the last write: the longer of interval_ms_ and kCostFactor * its cost
    bool expensive_ = false;  // the last write took more than kExpensiveMs
    uint64_t seen_ = 0;       // the revision due() saw last, and since when
    double changed_at_ms_ = 0;
    uint64_t shown_ = 0;
    double written_at_ms_ = 0;
    bool written_once_ = false;
};

}  // namespace mlp
