#include "platform/page_exports.h"

#include <malloc.h>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "app/app.h"
#include "app/keyboard_nav.h"
#include "app/picture.h"
#include "core/document/document_loader.h"
#include "core/document/preset_choice.h"
#include "core/document/session.h"
#include "core/formats/decode_result.h"
#include "core/formats/file_import.h"
#include "core/formats/state_json.h"
#include "core/limits.h"
#include "platform/frame_regions.h"
#include "platform/frame_scheduler.h"
#include "platform/frame_timer.h"
#include "platform/page_sync.h"
#include "platform/web_page.h"

// [SECTION] The target, and the shape of a command

namespace {

app::App* g_app = nullptr;
std::string g_result;  // the text last returned to JavaScript; valid until the next call
app::Picture g_picture;  // the picture last made by mlp_picture, until mlp_picture_free

const char* result(std::string text) {
    g_result = std::move(text);
    return g_result.c_str();
}

// A command from the page: wakes an idle page (the next animation frame draws the change), acts
// on the session when the app runs, then the one shared tail (page_sync.h's show_session): the
// banners and toolbar as they are now. Returns what `act` returns (a value-initialised one before
// main sets the target).
template <class Act>
auto command(Act act) -> decltype(act(std::declval<mlp::Session&>())) {
    using Result = decltype(act(std::declval<mlp::Session&>()));
    platform::request_frames();
    if (!g_app) return Result();
    mlp::Session& session = g_app->session();
    if constexpr (std::is_void_v<Result>) {
        act(session);
        platform::show_session(session);
    } else {
        Result r = act(session);
        platform::show_session(session);
        return r;
    }
}

// step(n) and train(n): as load(), `error` says why the call was refused, or is cleared when it
// was not.
void report(mlp::Session& session, const std::string& err) {
    if (err.empty())
        session.dismiss_error();
    else
        session.set_error(err);
}

}  // namespace

namespace platform {
void set_page_target(app::App* app) { g_app = app; }
app::App* page_target() { return g_app; }
}  // namespace platform

extern "C" {

// [SECTION] window.mlpExplorer: the script API (docs/design.md)

// state(): the JSON of docs/design.md plus z, a, hash, error and warnings, as UTF-8 text owned here.
EMSCRIPTEN_KEEPALIVE const char* mlp_state_json() {
    return result(g_app ? g_app->session().state_json() : std::string("null"));
}

// ui(): where things are on screen this frame (app/ui_probe.h), for tests and scripts.
EMSCRIPTEN_KEEPALIVE const char* mlp_ui_json() { return result(g_app ? g_app->ui_json() : std::string("null")); }

// load(text): a link fragment or JSON text, opened as a link is (core/document/document_loader.h). The
// page reads state() afterwards. Texts come with their length in bytes: a NUL inside one is a
// character to refuse, not its end.
EMSCRIPTEN_KEEPALIVE void mlp_load(const char* text, size_t bytes) {
    command([&](mlp::Session& s) { mlp::open_decoded(&s, mlp::decode_document_text(std::string_view(text, bytes))); });
}

// step(n): n steps of gradient descent as one undo step (core/document/session.h). n is checked here, so
// anything but a whole number from 1 to 10,000 (page.js passes NaN for a value that is not a
// number) is refused with the session's error set and nothing changed.
EMSCRIPTEN_KEEPALIVE void mlp_step(double n) {
    command([&](mlp::Session& s) {
        std::string err = mlp::check_step_count(n);
        report(s, err.empty() ? s.step(static_cast<int>(n)) : err);
    });
}

// points(): every point of the data set (core/training/data_set.h's points_json), "[]" without one.
EMSCRIPTEN_KEEPALIVE const char* mlp_points_json() {
    return result(g_app ? g_app->session().points_json() : std::string("[]"));
}

// train(n): n epochs of training on the data set as one undo step (core/document/session.h), checked and
// reported as step(n) is.
EMSCRIPTEN_KEEPALIVE void mlp_train(double n) {
    command([&](mlp::Session& s) {
        std::string err = mlp::check_epoch_count(n);
        report(s, err.empty() ? s.train(static_cast<int>(n)) : err);
    });
}

// mlpExplorer.requestFrames(n): at least n more frames, for scripts and tests that wait for the
// app's frames (an idle app runs none). 0 is the default wake (kSettleFrames).
EMSCRIPTEN_KEEPALIVE void mlp_request_frames(int count) {
    platform::request_frames(count > 0 ? count : platform::kSettleFrames);
}

// mlpExplorer.framesRun() (frame_scheduler.h).
EMSCRIPTEN_KEEPALIVE double mlp_frames_run() { return platform::frames_run(); }

// For tests and the bench (Module._mlp_…, not the script API): whether frames may keep the
// panels that did not change (off: every frame draws everything), and how many they have kept
// (app/frame_damage.h).
EMSCRIPTEN_KEEPALIVE void mlp_set_partial_redraw(int on) {
    platform::set_partial_redraw(on != 0);
    platform::request_frames();
}
EMSCRIPTEN_KEEPALIVE double mlp_kept_regions() { return platform::kept_regions(); }

// mlpExplorer.frameStats(): the frames since its previous call (frame_timer.h), as JSON.
EMSCRIPTEN_KEEPALIVE const char* mlp_frame_stats_json() { return result(platform::frame_timer().take_json()); }

// [SECTION] The address bar and the banners

// hashchange: the address bar's new fragment.
EMSCRIPTEN_KEEPALIVE void mlp_open_fragment(const char* fragment, size_t bytes) {
    command([&](mlp::Session& s) { platform::open_address_bar_link(s, std::string_view(fragment, bytes)); });
}

// The longest text load() and a link may be (limits.h), so the page refuses a longer one
// without copying it into the wasm heap first; mlp_refuse_text then says why.
EMSCRIPTEN_KEEPALIVE double mlp_max_text_bytes() { return static_cast<double>(mlp::kMaxFragmentBytes); }
EMSCRIPTEN_KEEPALIVE void mlp_refuse_text(double bytes, int is_link) {
    command([&](mlp::Session& s) {
        s.refuse_opening(mlp::check_text_size(static_cast<size_t>(bytes), is_link ? "the link" : "the text"),
                         mlp::kKeptNetworkNote);
    });
}

// The longest address a browser opens (web_page.h): Copy link refuses a longer one.
EMSCRIPTEN_KEEPALIVE double mlp_max_address_chars() { return platform::kMaxAddressChars; }

// Copy link: the current link with its '#', also written into the address bar now.
EMSCRIPTEN_KEEPALIVE const char* mlp_share_link() {
    return result(g_app ? platform::share_link(g_app->session()) : std::string());
}

// The close buttons of the page's error and warning banners.
EMSCRIPTEN_KEEPALIVE void mlp_dismiss_error() {
    command([](mlp::Session& s) { s.dismiss_error(); });
}
EMSCRIPTEN_KEEPALIVE void mlp_dismiss_warnings() {
    command([](mlp::Session& s) { s.set_warnings({}); });
}

// [SECTION] The toolbar: undo, presets, the title and note, files, the picture

// Undo, Redo (buttons, Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) and Reset.
EMSCRIPTEN_KEEPALIVE void mlp_undo() {
    command([](mlp::Session& s) { s.undo(); });
}
EMSCRIPTEN_KEEPALIVE void mlp_redo() {
    command([](mlp::Session& s) { s.redo(); });
}
EMSCRIPTEN_KEEPALIVE void mlp_reset() {
    command([](mlp::Session& s) { s.reset(); });
}

// True while one of the app's text fields is being typed in: its Ctrl+Z is ImGui's own.
EMSCRIPTEN_KEEPALIVE int mlp_wants_text_input() { return ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput; }

// Presets, numbered as mlp::Preset (core/document/preset_choice.h). The random one takes its form's texts
// and returns 1 when it made the network (else the banner says why, and the menu stays open).
EMSCRIPTEN_KEEPALIVE void mlp_preset(int which) {
    if (which < 0 || which >= mlp::kPresetCount) return;
    command([&](mlp::Session& s) { mlp::open_preset(&s, static_cast<mlp::Preset>(which)); });
}
EMSCRIPTEN_KEEPALIVE int mlp_preset_random(const char* shape, size_t shape_bytes, const char* seed, size_t seed_bytes,
                                           int integers) {
    return command([&](mlp::Session& s) {
        const bool ok = mlp::open_random_preset(&s, std::string_view(shape, shape_bytes),
                                                std::string_view(seed, seed_bytes), integers != 0);
        return ok ? 1 : 0;
    });
}

// Export: the document as the JSON of docs/design.md, for page.js to download as a file.
EMSCRIPTEN_KEEPALIVE const char* mlp_export_json() {
    return result(g_app ? mlp::document_json(g_app->session().document()) : std::string());
}

// The title and note from the page's editor: "" when set (one undo step), else why they were
// refused (the editor shows it and keeps what was typed).
EMSCRIPTEN_KEEPALIVE const char* mlp_set_text(const char* title, size_t title_bytes, const char* note, size_t note_bytes) {
    return result(command([&](mlp::Session& s) {
        return s.set_text(std::string(title, title_bytes), std::string(note, note_bytes));
    }));
}

// The limits of the title and the note (limits.h), for the page's editor to say.
EMSCRIPTEN_KEEPALIVE int mlp_max_title_chars() { return mlp::kMaxTitleChars; }
EMSCRIPTEN_KEEPALIVE int mlp_max_note_chars() { return mlp::kMaxNoteChars; }

// The height the page's title and note take (CSS px, 0 for none): the layout leaves a strip that
// tall under the toolbar.
EMSCRIPTEN_KEEPALIVE void mlp_set_caption_height(double height) {
    if (g_app) g_app->set_caption_height(static_cast<float>(height));
}

// Import: a file's text (page.js read it), or its refusal when it is too big to read. Texts come
// with their length in bytes: a NUL inside a file is a byte to refuse, not the file's end.
// File > Import and a file dropped on the page: a network's JSON, or a file of points for the data
// set (file_import.h's open_any_file tells them apart).
EMSCRIPTEN_KEEPALIVE void mlp_import_file(const char* name, size_t name_bytes, const char* text, size_t text_bytes) {
    command([&](mlp::Session& s) {
        mlp::open_any_file(&s, std::string_view(name, name_bytes), std::string_view(text, text_bytes));
    });
}
// The Data panel's Import points: the file is points, whatever its name.
EMSCRIPTEN_KEEPALIVE void mlp_import_points(const char* name, size_t name_bytes, const char* text, size_t text_bytes) {
    command([&](mlp::Session& s) {
        mlp::import_points_file(&s, std::string_view(name, name_bytes), std::string_view(text, text_bytes));
    });
}
EMSCRIPTEN_KEEPALIVE double mlp_max_points_file_bytes() { return static_cast<double>(mlp::kMaxPointsFileBytes); }
EMSCRIPTEN_KEEPALIVE void mlp_refuse_points_file(const char* name, size_t name_bytes, double bytes) {
    command([&](mlp::Session& s) {
        s.refuse_opening(mlp::points_file_size_error(std::string_view(name, name_bytes), static_cast<size_t>(bytes)),
                         mlp::kKeptPointsNote);
    });
}
EMSCRIPTEN_KEEPALIVE void mlp_refuse_file(const char* name, size_t name_bytes, double bytes) {
    command([&](mlp::Session& s) {
        s.refuse_opening(mlp::file_size_error(std::string_view(name, name_bytes), static_cast<size_t>(bytes)),
                         mlp::kKeptNetworkNote);
    });
}

// File ▸ Save a picture: the diagram and the worksheet drawn into a framebuffer of their own and
// read back (app/picture.h), at `scale` pixels per CSS px. page.js reads the pixels (rows bottom
// first) with the getters below, makes the PNG, and frees them. Returns "" or why there is none.
EMSCRIPTEN_KEEPALIVE const char* mlp_picture(double scale) {
    g_picture = g_app ? g_app->picture(static_cast<float>(scale), ImGui_ImplOpenGL3_RenderDrawData) : app::Picture{};
    if (!g_app) g_picture.error = "MLP Explorer is not running";
    return g_picture.error.c_str();
}
EMSCRIPTEN_KEEPALIVE int mlp_picture_width() { return g_picture.width; }
EMSCRIPTEN_KEEPALIVE int mlp_picture_height() { return g_picture.height; }
EMSCRIPTEN_KEEPALIVE double mlp_picture_scale() { return g_picture.scale; }
EMSCRIPTEN_KEEPALIVE const unsigned char* mlp_picture_pixels() { return g_picture.rgba.data(); }
EMSCRIPTEN_KEEPALIVE void mlp_picture_free() { g_picture = app::Picture{}; }

// [SECTION] The accessible mirror (web_page.h's connect_page_mirror sends the other way)

// The browser's focus came into the app: by Tab (direction 1: its first control) or Shift+Tab
// (-1: its last). Applied on the next frame, also when the page was idle.
EMSCRIPTEN_KEEPALIVE void mlp_keyboard_enter(int direction) {
    platform::request_frames();
    app::keyboard_enter(direction);
    if (g_app) g_app->retell_focus();
}
// The browser's focus went elsewhere in the page: the app's focus ring goes.
EMSCRIPTEN_KEEPALIVE void mlp_keyboard_blur() {
    platform::request_frames();
    app::keyboard_blur();
}

// The worksheet as tables (app/text_alternative.h), read by the page after sheetChanged().
EMSCRIPTEN_KEEPALIVE const char* mlp_sheet_json() { return result(g_app ? g_app->sheet_json() : std::string("null")); }

// [SECTION] Diagnostics

// How much of the wasm heap is in use, for the soak test (tests/browser/soak.test.js), which
// checks that opening thousands of hostile links and files does not leak: Module._mlp_heap_in_use()
// from the page or the console. Not part of window.mlpExplorer: a diagnostic, not the product.
// Bytes allocated by malloc and not yet freed (mallinfo().uordblks); the wasm memory itself only
// ever grows, so it would not show a leak being fixed or a heap that is reused.
EMSCRIPTEN_KEEPALIVE double mlp_heap_in_use() { return static_cast<double>(mallinfo().uordblks); }

}  // extern "C"
