// What the app's GL code asks of the WebGL context without a round trip to the GPU process (a
// question such as glIsShader or glGetIntegerv(GL_SAMPLES) first waits for the GPU process to
// execute everything queued before it: in software GL, 10-50 ms each at start-up). Both answers
// are kept on the page's side by WebGL. Defined by the platform (src/platform/gpu_context.cpp),
// the only code that includes Emscripten.
#pragma once

namespace app {

// Whether the current context is lost: objects made now are null, and WebGL throws when handed one.
bool gl_context_lost();

// Whether the canvas the current context draws to is multisampled (made with antialias).
bool gl_context_multisampled();

}  // namespace app
