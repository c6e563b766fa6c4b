// How much of the wasm heap is in use, for the soak test (tests/browser/soak.test.js), which
// checks that opening thousands of hostile links and files does not leak: Module._mlp_heap_in_use()
// from the page or the console. Not part of window.mlpExplorer: a diagnostic, not the product.
#include <malloc.h>

#include <emscripten.h>

extern "C" {

// Bytes allocated by malloc and not yet freed (dlmalloc's mallinfo().uordblks); the wasm memory
// itself only ever grows, so it would not show a leak being fixed or a heap that is reused.
EMSCRIPTEN_KEEPALIVE double mlp_heap_in_use() { return static_cast<double>(mallinfo().uordblks); }

}  // extern "C"
