// The canvas's WebGL context can be lost at any time (a GPU reset or driver update, the browser
// reclaiming memory from a background tab, or WEBGL_lose_context in a test), and with it every
// shader, buffer and texture. The page then keeps its state (the session, the view, the link)
// and stops drawing; when the browser restores the context, the GPU resources are made again
// and drawing resumes, without a reload.
#pragma once

namespace platform {

// Asks for a context that keeps its drawing buffer between frames, so a frame may draw only the
// panels that changed (app/frame_damage.h); in SwiftShader keeping it costs nothing measurable
// (docs/benchmarks.md, (g)). SDL has no attribute for it: Emscripten's EGL takes it from here.
// Call before SDL makes the context.
void keep_drawing_buffer();

// Listens for webglcontextlost (and cancels it, which is what allows the browser to restore the
// context) and webglcontextrestored on the canvas. Call once, after the GL context exists.
void watch_gpu_context();

enum class GpuContext {
    Ready,     // draw as usual
    Lost,      // no GL call this frame: WebGL objects are gone and some calls would throw
    Restored,  // usable again after a loss: make every GPU resource again, then draw
};

// Called at the start of every frame, before any GL call.
GpuContext poll_gpu_context();

}  // namespace platform
