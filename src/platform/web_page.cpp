#include "platform/web_page.h"

#include <emscripten.h>
#include <emscripten/html5.h>

// Functions of web/page.js. Text crosses as UTF-8 and is shown with textContent there, never
// parsed as HTML.
EM_JS(void, js_page_ready, (), { if (globalThis.mlpPage) globalThis.mlpPage.ready(); });
EM_JS(void, js_page_fail, (const char* message), {
    if (globalThis.mlpPage) globalThis.mlpPage.fail(UTF8ToString(message));
});

EM_JS(void, js_page_announce, (const char* text), {
    if (globalThis.mlpPage) globalThis.mlpPage.announce(UTF8ToString(text));
});

namespace platform {

void page_ready() { js_page_ready(); }
void page_fail(const std::string& message) { js_page_fail(message.c_str()); }
void announce(const std::string& text) { js_page_announce(text.c_str()); }
float device_pixel_ratio() { return static_cast<float>(emscripten_get_device_pixel_ratio()); }

}  // namespace platform
