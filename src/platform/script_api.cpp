#include "platform/script_api.h"

#include <string>
#include <string_view>

#include <emscripten.h>

#include "app/app.h"
#include "core/decode_result.h"
#include "core/document_loader.h"
#include "core/limits.h"
#include "platform/link_sync.h"
#include "platform/web_page.h"

namespace {
app::App* g_app = nullptr;
std::string g_result;  // the text last returned to JavaScript; valid until the next call
}  // namespace

namespace platform {
void set_script_api_target(app::App* app) { g_app = app; }
app::App* script_api_target() { return g_app; }
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

// load(text): a link fragment or JSON text, opened as a link is (core/document_loader.h). The
// page reads state() afterwards; the banners are updated at once. Texts come with their length
// in bytes: a NUL inside one is a character to refuse, not its end.
EMSCRIPTEN_KEEPALIVE void mlp_load(const char* text, size_t bytes) {
    if (!g_app) return;
    mlp::open_decoded(&g_app->session(), mlp::decode_document_text(std::string_view(text, bytes)));
    platform::show_session_messages(g_app->session());
}

// hashchange: the address bar's new fragment.
EMSCRIPTEN_KEEPALIVE void mlp_open_fragment(const char* fragment, size_t bytes) {
    if (g_app) platform::open_address_bar_link(g_app->session(), std::string_view(fragment, bytes));
}

// The longest text load() and a link may be (limits.h), so the page refuses a longer one
// without copying it into the wasm heap first; mlp_refuse_text then says why.
EMSCRIPTEN_KEEPALIVE double mlp_max_text_bytes() { return static_cast<double>(mlp::kMaxFragmentBytes); }
EMSCRIPTEN_KEEPALIVE void mlp_refuse_text(double bytes, int is_link) {
    if (!g_app) return;
    g_app->session().set_error(mlp::check_text_size(static_cast<size_t>(bytes), is_link ? "the link" : "the text"));
    platform::show_session_messages(g_app->session());
}

// The longest address a browser opens (web_page.h): Copy link refuses a longer one.
EMSCRIPTEN_KEEPALIVE double mlp_max_address_chars() { return platform::kMaxAddressChars; }

// Copy link: the current link with its '#', also written into the address bar now.
EMSCRIPTEN_KEEPALIVE const char* mlp_share_link() {
    g_result = g_app ? platform::share_link(g_app->session()) : std::string();
    return g_result.c_str();
}

// The close buttons of the page's error and warning banners.
EMSCRIPTEN_KEEPALIVE void mlp_dismiss_error() {
    if (!g_app) return;
    g_app->session().dismiss_error();
    platform::show_session_messages(g_app->session());
}
EMSCRIPTEN_KEEPALIVE void mlp_dismiss_warnings() {
    if (!g_app) return;
    g_app->session().set_warnings({});
    platform::show_session_messages(g_app->session());
}

}  // extern "C"
