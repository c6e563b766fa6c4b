#include "platform/script_api.h"

#include <string>
#include <string_view>

#include <emscripten.h>

#include "app/app.h"
#include "core/decode_result.h"
#include "core/document_loader.h"
#include "core/limits.h"
#include "platform/editor_api.h"
#include "platform/frame_scheduler.h"
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

// Each function that changes the session or the page's messages wakes an idle page
// (request_frames): the next animation frame draws the change.

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
    platform::request_frames();
    if (!g_app) return;
    mlp::open_decoded(&g_app->session(), mlp::decode_document_text(std::string_view(text, bytes)));
    platform::show_session_messages(g_app->session());
}

// step(n): n steps of gradient descent as one undo step (core/session.h). n is checked here, so
// anything but a whole number from 1 to 10,000 (page.js passes NaN for a value that is not a
// number) is refused with the session's error set and nothing changed.
EMSCRIPTEN_KEEPALIVE void mlp_step(double n) {
    platform::request_frames();
    if (!g_app) return;
    mlp::Session& session = g_app->session();
    std::string err = mlp::check_step_count(n);
    if (err.empty()) err = session.step(static_cast<int>(n));
    // As load(): `error` says why this call was refused, or is cleared when it was not.
    if (err.empty())
        session.dismiss_error();
    else
        session.set_error(err);
    platform::show_session_messages(session);
    platform::sync_toolbar(session);
}

// hashchange: the address bar's new fragment.
EMSCRIPTEN_KEEPALIVE void mlp_open_fragment(const char* fragment, size_t bytes) {
    platform::request_frames();
    if (g_app) platform::open_address_bar_link(g_app->session(), std::string_view(fragment, bytes));
}

// The longest text load() and a link may be (limits.h), so the page refuses a longer one
// without copying it into the wasm heap first; mlp_refuse_text then says why.
EMSCRIPTEN_KEEPALIVE double mlp_max_text_bytes() { return static_cast<double>(mlp::kMaxFragmentBytes); }
EMSCRIPTEN_KEEPALIVE void mlp_refuse_text(double bytes, int is_link) {
    platform::request_frames();
    if (!g_app) return;
    g_app->session().refuse_opening(mlp::check_text_size(static_cast<size_t>(bytes), is_link ? "the link" : "the text"),
                                    mlp::kKeptNetworkNote);
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
    platform::request_frames();
    if (!g_app) return;
    g_app->session().dismiss_error();
    platform::show_session_messages(g_app->session());
}
EMSCRIPTEN_KEEPALIVE void mlp_dismiss_warnings() {
    platform::request_frames();
    if (!g_app) return;
    g_app->session().set_warnings({});
    platform::show_session_messages(g_app->session());
}

}  // extern "C"
