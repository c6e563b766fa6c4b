#include "platform/frame_scheduler.h"

#include <algorithm>

#include <SDL.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>

#include "platform/web_page.h"

namespace platform {
namespace {

bool g_paused = false;  // the main loop is paused: no animation frame is requested
int g_frames_wanted = kSettleFrames;  // frames to run before the loop may pause (start-up settles too)
long g_timer = 0;       // a pending timed wake (emscripten_set_timeout), 0 when none
unsigned g_frames_run = 0;

void cancel_timer() {
    if (g_timer == 0) return;
    emscripten_clear_timeout(g_timer);
    g_timer = 0;
}

void on_timer(void*) {
    g_timer = 0;
    request_frames();
}

// Called synchronously by SDL_PushEvent, inside the browser's event handler that made the event:
// the next animation frame then runs it, as when the loop never stopped.
int on_sdl_event(void*, SDL_Event* event) {
    // SDL_PollEvent pushes a marker of its own into the queue (SDL 2.0.18+): not an event.
    if (event->type == SDL_POLLSENTINEL) return 0;
    request_frames();
    return 0;
}

}  // namespace

void run_main_loop(FrameFunction frame, void* arg) {
    SDL_AddEventWatch(on_sdl_event, nullptr);
    watch_pixel_ratio();
    // 0 fps: driven by requestAnimationFrame.
    emscripten_set_main_loop_arg(frame, arg, 0, true);
}

void request_frames(int count) {
    g_frames_wanted = std::max(g_frames_wanted, count);
    if (!g_paused) return;  // running: the frames come anyway (also when called inside a frame)
    g_paused = false;
    cancel_timer();
    emscripten_resume_main_loop();  // requests the next animation frame
}

void end_frame(const FrameEnd& end) {
    ++g_frames_run;
    if (g_frames_wanted > 0) --g_frames_wanted;
    if (end.input_held) g_frames_wanted = std::max(g_frames_wanted, 1);
    if (end.changed) g_frames_wanted = std::max(g_frames_wanted, kSettleFrames - 1);
    if (g_frames_wanted > 0) return;
    // From inside the loop's own callback: Emscripten then requests no further animation frame.
    emscripten_pause_main_loop();
    g_paused = true;
    cancel_timer();
    if (end.wake_in_ms >= 0) g_timer = emscripten_set_timeout(on_timer, end.wake_in_ms, nullptr);
}

unsigned frames_run() { return g_frames_run; }

}  // namespace platform
