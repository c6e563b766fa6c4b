// The app's own CPU time per frame, by phase, for ./build.sh bench and for anyone curious
// (window.mlpExplorer.frameStats() in web/page.js). Kept in a ring buffer of the latest frames.
//
// What a phase measures is the time the main thread spends in our code and the calls it makes,
// between two marks (emscripten_get_now, microsecond resolution in most browsers). WebGL calls
// usually only queue commands for the GPU process, but a query that needs an answer (getParameter
// of state the browser does not cache, getError, readPixels) waits for every command queued
// before it: then GPU work shows up here as CPU time of the phase that asked.
#pragma once

#include <cstdint>
#include <string>

namespace platform {

enum class FramePhase {
    Events,     // SDL's event queue into ImGui, the font check
    Ui,         // ImGui::NewFrame, App::draw (the UI build: widgets, edits, the forward pass), Render
    DiagramGl,  // App::render_gl: the diagram's buffer updates and draw calls
    ImguiGl,    // ImGui_ImplOpenGL3_RenderDrawData: ImGui's GL state backup, uploads, draw calls
    Page,       // the address bar's link and the page's messages
    Count
};

class FrameTimer {
public:
    static constexpr int kFrames = 600;  // ten seconds at 60 frames a second
    static constexpr int kPhases = static_cast<int>(FramePhase::Count);

    // revision: the session's revision, so a frame that edited the document can be told apart.
    void begin_frame(uint64_t revision);
    // Charges the time since the previous mark (or begin_frame) to `phase`.
    void mark(FramePhase phase);
    void end_frame(uint64_t revision);

    // Start-up milestones ("main", "gl_context", "app", "first_frame"), at most kStartupMarks:
    // where the time to the first frame goes.
    void startup_mark(const char* name);

    // {"phases": [names], "frames": [[start, total, phase..., edited], ...], "startup": [[name,
    // ms], ...]}, oldest first, in milliseconds of emscripten_get_now (performance.now()): the
    // frames ended since the previous call (at most kFrames), which are then forgotten.
    std::string take_json();

private:
    struct Frame {
        double start = 0;               // emscripten_get_now() at begin_frame
        double total = 0;               // begin_frame to end_frame
        double phases[kPhases] = {};
        bool edited = false;            // the session's revision moved during the frame
    };
    static constexpr int kStartupMarks = 8;
    struct Mark {
        const char* name = nullptr;  // a string literal
        double at = 0;
    };
    Mark startup_[kStartupMarks];
    int startup_count_ = 0;
    Frame frames_[kFrames];
    int next_ = 0;   // where the next frame is written
    int count_ = 0;  // frames held, at most kFrames
    Frame current_;
    double last_mark_ = 0;
    uint64_t start_revision_ = 0;
};

FrameTimer& frame_timer();

}  // namespace platform
