// When the app runs a frame. The browser's animation frame drives the main loop, but only while
// something can change the picture: an idle page schedules no requestAnimationFrame at all, so it
// costs no CPU or GPU time (in software GL, an idle page that drew every frame kept two cores
// busy, docs/benchmarks.md).
//
// The loop pauses at the end of a frame when nothing is left to do, and wakes:
//  - at once (the next animation frame, so no input waits longer than it did) on every event SDL
//    receives (an SDL event watch: pointer, keys, wheel, touch, focus, window resize and
//    visibility), on a change of the device pixel ratio, on the page's own commands (load(),
//    hashchange, the toolbar, import: request_frames), on the WebGL context's loss and restore;
//  - at a time the last frame asked for (wake_in_ms): the address bar's deferred link, a text
//    field's caret blink, a tooltip's hover delay.
// Once woken it runs while input is held (a button or key down, events held back for the next
// frame) and until the picture has stopped changing: every wake, and every frame whose picture or
// document changed, is followed by kSettleFrames - 1 more frames (Dear ImGui lays out a window
// it has not shown yet in a hidden frame, scrolls to a target a frame later, and so on).
#pragma once

namespace platform {

using FrameFunction = void (*)(void* arg);

// A wake, and every frame whose picture changed, is followed by this many frames in all.
constexpr int kSettleFrames = 3;

// Starts the main loop with `frame` (which calls end_frame at its end) and the wakes above. Does
// not return (Emscripten's simulated infinite loop keeps main's locals alive).
void run_main_loop(FrameFunction frame, void* arg);

// At least `count` more frames from the next animation frame, whatever they draw (the page's
// commands, mlpExplorer.requestFrames() for scripts and tests that wait for frames).
void request_frames(int count = kSettleFrames);

struct FrameEnd {
    bool input_held = false;       // a button or key down, or events waiting: the next frame runs
    bool changed = false;          // the picture or the document changed, or ImGui's layout is settling
    double wake_in_ms = -1;        // when nothing else runs: a frame this many ms from now (< 0: none)
};

// At the end of every frame (including one that drew nothing): runs the next animation frame too,
// or pauses the loop until a wake.
void end_frame(const FrameEnd& end);

// Frames run so far, drawn or not (a lost context draws nothing): mlpExplorer.framesRun(), for
// tests that wait for the app's own frames, not the browser's animation frames (the two need not
// alternate: a page callback can run before or after the app's in the same animation frame).
unsigned frames_run();

}  // namespace platform
