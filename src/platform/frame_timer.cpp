#include "platform/frame_timer.h"

#include <cstdio>

#include <emscripten.h>

namespace platform {

namespace {
const char* const kPhaseNames[FrameTimer::kPhases] = {"events", "ui", "diagram_gl", "imgui_gl", "page"};
}  // namespace

void FrameTimer::begin_frame(uint64_t revision) {
    current_ = Frame{};
    current_.start = emscripten_get_now();
    last_mark_ = current_.start;
    start_revision_ = revision;
}

void FrameTimer::mark(FramePhase phase) {
    const double now = emscripten_get_now();
    current_.phases[static_cast<int>(phase)] += now - last_mark_;
    last_mark_ = now;
}

void FrameTimer::end_frame(uint64_t revision) {
    current_.total = emscripten_get_now() - current_.start;
    current_.edited = revision != start_revision_;
    frames_[next_] = current_;
    next_ = (next_ + 1) % kFrames;
    if (count_ < kFrames) ++count_;
}

void FrameTimer::startup_mark(const char* name) {
    if (startup_count_ < kStartupMarks) startup_[startup_count_++] = {name, emscripten_get_now()};
}

std::string FrameTimer::take_json() {
    std::string out = "{\"phases\":[";
    for (int k = 0; k < kPhases; ++k) {
        if (k) out += ',';
        out += '"';
        out += kPhaseNames[k];
        out += '"';
    }
    out += "],\"frames\":[";
    char number[32];
    for (int n = 0; n < count_; ++n) {
        const Frame& f = frames_[(next_ - count_ + n + kFrames) % kFrames];
        out += n ? ",[" : "[";
        std::snprintf(number, sizeof number, "%.3f,%.4f", f.start, f.total);
        out += number;
        for (double ms : f.phases) {
            std::snprintf(number, sizeof number, ",%.4f", ms);
            out += number;
        }
        out += f.edited ? ",1]" : ",0]";
    }
    out += "],\"startup\":[";
    for (int k = 0; k < startup_count_; ++k) {
        std::snprintf(number, sizeof number, "\",%.3f]", startup_[k].at);
        out += k ? ",[\"" : "[\"";
        out += startup_[k].name;
        out += number;
    }
    out += "]}";
    count_ = 0;
    return out;
}

FrameTimer& frame_timer() {
    static FrameTimer timer;
    return timer;
}

}  // namespace platform
