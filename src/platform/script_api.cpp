#include "platform/script_api.h"

#include <string>

#include <emscripten.h>

#include "app/app.h"

namespace {
app::App* g_app = nullptr;
std::string g_result;  // the text last returned to JavaScript; valid until the next call
}  // namespace

namespace platform {
void set_script_api_target(app::App* app) { g_app = app; }
}  // namespace platform

extern "C" {

// state(): the JSON of PRODUCT.md plus z, a, hash, error and warnings, as UTF-8 text owned here.
EMSCRIPTEN_KEEPALIVE const char* mlp_state_json() {
    g_result = g_app ? g_app->session().state_json() : std::string("null");
    return g_result.c_str();
}

// ui(): where things are on screen this frame (app/ui_probe.h), for tests and scripts.
EMSCRIPTEN_KEEPALIVE const char* mlp_ui_json() {
    g_result = g_app ? g_app->ui_json() : std::string("null");
    return g_result.c_str();
}

}  // extern "C"
