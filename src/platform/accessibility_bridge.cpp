#include "platform/accessibility_bridge.h"

#include <string>

#include <emscripten.h>

#include "app/app.h"
#include "app/keyboard_nav.h"
#include "platform/frame_scheduler.h"
#include "platform/script_api.h"

// Functions of web/page.js. Texts cross as UTF-8 JSON and are put into the page with DOM calls
// (textContent, setAttribute), never parsed as HTML.
EM_JS(void, js_focus_changed, (const char* json), {
    if (globalThis.mlpPage) globalThis.mlpPage.focusChanged(UTF8ToString(json));
});
EM_JS(void, js_keyboard_left, (int direction), {
    if (globalThis.mlpPage) globalThis.mlpPage.keyboardLeft(direction);
});
EM_JS(void, js_status_changed, (const char* json), {
    if (globalThis.mlpPage) globalThis.mlpPage.statusChanged(UTF8ToString(json));
});
EM_JS(void, js_sheet_changed, (), {
    if (globalThis.mlpPage) globalThis.mlpPage.sheetChanged();
});

namespace {
std::string g_sheet;  // the text last returned to the page; valid until the next call
}  // namespace

namespace platform {

void connect_page_mirror(app::App& app) {
    app::App::PageMirror mirror;
    mirror.focus = [](const std::string& json) { js_focus_changed(json.c_str()); };
    mirror.left = [](int direction) { js_keyboard_left(direction); };
    mirror.status = [](const std::string& json) { js_status_changed(json.c_str()); };
    mirror.sheet_changed = [] { js_sheet_changed(); };
    app.set_page_mirror(mirror);
}

}  // namespace platform

extern "C" {

// The browser's focus came into the app: by Tab (direction 1: its first control) or Shift+Tab
// (-1: its last). Applied on the next frame.
EMSCRIPTEN_KEEPALIVE void mlp_keyboard_enter(int direction) {
    platform::request_frames();  // the app acts on it in its next frame, also when idle
    app::keyboard_enter(direction);
    if (app::App* app = platform::script_api_target()) app->retell_focus();
}
// The browser's focus went elsewhere in the page: the app's focus ring goes.
EMSCRIPTEN_KEEPALIVE void mlp_keyboard_blur() {
    platform::request_frames();
    app::keyboard_blur();
}

// The worksheet as tables (app/text_alternative.h), read by the page after sheetChanged().
EMSCRIPTEN_KEEPALIVE const char* mlp_sheet_json() {
    app::App* app = platform::script_api_target();
    g_sheet = app ? app->sheet_json() : std::string("null");
    return g_sheet.c_str();
}

}  // extern "C"
