#include "platform/gpu_context.h"

#include <cstdio>

#include <emscripten/em_js.h>
#include <emscripten/html5.h>

#include "app/gl_context.h"
#include "platform/frame_scheduler.h"

namespace platform {
namespace {

// Emscripten's EGL (library_egl.js, what SDL makes its context with) passes these attributes
// to getContext.
EM_JS(void, js_keep_drawing_buffer, (), { EGL.contextAttributes['preserveDrawingBuffer'] = true; });

EMSCRIPTEN_WEBGL_CONTEXT_HANDLE g_context = 0;
// Set from the loss until the first frame that sees the context usable again. The event, not
// only the per-frame check, sets it: a loss and a restore may both happen between two frames
// (rAF pauses in a background tab), and the old objects are gone all the same.
bool g_lost_since_last_frame = false;

// Both wake an idle page: a frame lets go of the lost objects, or makes them again and draws.
EM_BOOL on_context_lost(int, const void*, void*) {
    g_lost_since_last_frame = true;
    request_frames();
    std::fprintf(stderr, "MLP Explorer: the WebGL context was lost; drawing resumes when the browser restores it\n");
    return EM_TRUE;  // preventDefault: without it the browser never restores the context
}

EM_BOOL on_context_restored(int, const void*, void*) {
    std::fprintf(stderr, "MLP Explorer: the WebGL context was restored\n");
    request_frames();
    return EM_FALSE;
}

}  // namespace

void keep_drawing_buffer() { js_keep_drawing_buffer(); }

void watch_gpu_context() {
    g_context = emscripten_webgl_get_current_context();
    emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE, on_context_restored);
}

GpuContext poll_gpu_context() {
    // The flag can be set before the event arrives (loseContext() sets it at once and queues
    // the event), so it is asked every frame.
    if (emscripten_is_webgl_context_lost(g_context)) {
        g_lost_since_last_frame = true;
        return GpuContext::Lost;
    }
    if (!g_lost_since_last_frame) return GpuContext::Ready;
    g_lost_since_last_frame = false;
    return GpuContext::Restored;
}

}  // namespace platform

namespace app {

bool gl_context_lost() { return emscripten_is_webgl_context_lost(emscripten_webgl_get_current_context()); }

// The attributes the context was asked for when made (Emscripten keeps them): a browser always
// grants antialias: false, and one that refused antialias: true would only leave the lines' cache
// unused.
bool gl_context_multisampled() {
    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_get_context_attributes(emscripten_webgl_get_current_context(), &attributes);
    return attributes.antialias;
}

}  // namespace app
