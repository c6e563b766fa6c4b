#include "platform/editor_api.h"

#include <string>
#include <string_view>

#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "app/app.h"
#include "core/document_loader.h"
#include "core/file_import.h"
#include "core/limits.h"
#include "core/preset_choice.h"
#include "core/session.h"
#include "core/state_json.h"
#include "platform/frame_scheduler.h"
#include "platform/link_sync.h"
#include "platform/script_api.h"

// page.js's toolbar, and the document's title and note it shows above the diagram. Text crosses
// as UTF-8 and is set with textContent there.
EM_JS(void, js_toolbar_state, (int can_undo, int can_redo, const char* start_name), {
    if (globalThis.mlpPage) globalThis.mlpPage.toolbarState(!!can_undo, !!can_redo, UTF8ToString(start_name));
});
EM_JS(void, js_document_text, (const char* title, const char* note), {
    if (globalThis.mlpPage) globalThis.mlpPage.documentText(UTF8ToString(title), UTF8ToString(note));
});

namespace platform {
namespace {

struct ToolbarShown {
    bool known = false;
    bool can_undo = false;
    bool can_redo = false;
    std::string start_name;
    std::string title, note;
};
ToolbarShown g_shown;
std::string g_export;  // the text last returned by mlp_export_json; valid until its next call
std::string g_text_error;  // the message last returned by mlp_set_text
app::Picture g_picture;    // the picture last made by mlp_picture, until mlp_picture_free

mlp::Session* session() {
    app::App* app = script_api_target();
    return app ? &app->session() : nullptr;
}

}  // namespace

void sync_toolbar(const mlp::Session& s) {
    const mlp::Document& doc = s.document();
    if (!g_shown.known || doc.title != g_shown.title || doc.note != g_shown.note) {
        g_shown.title = doc.title;
        g_shown.note = doc.note;
        js_document_text(doc.title.c_str(), doc.note.c_str());
    }
    if (g_shown.known && s.can_undo() == g_shown.can_undo && s.can_redo() == g_shown.can_redo &&
        s.start_point().name == g_shown.start_name)
        return;
    g_shown.known = true;
    g_shown.can_undo = s.can_undo();
    g_shown.can_redo = s.can_redo();
    g_shown.start_name = s.start_point().name;
    js_toolbar_state(g_shown.can_undo, g_shown.can_redo, g_shown.start_name.c_str());
}

}  // namespace platform

extern "C" {

// Each function that changes the session or the page's messages wakes an idle page
// (request_frames): the next animation frame draws the change.

// Undo, Redo (buttons, Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) and Reset. The toolbar is brought up to date
// at once, not at the next frame: a script (or a fast second click) sees the buttons as they are.
EMSCRIPTEN_KEEPALIVE void mlp_undo() {
    platform::request_frames();
    if (mlp::Session* s = platform::session()) {
        s->undo();
        platform::sync_toolbar(*s);
    }
}
EMSCRIPTEN_KEEPALIVE void mlp_redo() {
    platform::request_frames();
    if (mlp::Session* s = platform::session()) {
        s->redo();
        platform::sync_toolbar(*s);
    }
}
EMSCRIPTEN_KEEPALIVE void mlp_reset() {
    platform::request_frames();
    if (mlp::Session* s = platform::session()) {
        s->reset();
        platform::sync_toolbar(*s);
    }
}

// True while one of the app's text fields is being typed in: its Ctrl+Z is ImGui's own.
EMSCRIPTEN_KEEPALIVE int mlp_wants_text_input() { return ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput; }

// Presets, numbered as mlp::Preset: 0 the exercise, 1 XOR, 2 Tom Yeh's backpropagation sheet,
// 3 Jeremy London's backpropagation.py, 4 the exercise with targets. The random one takes its
// form's texts and returns 1 when it made the network (else the banner says why, and the menu
// stays open).
EMSCRIPTEN_KEEPALIVE void mlp_preset(int which) {
    platform::request_frames();
    mlp::Session* s = platform::session();
    if (!s || which < 0 || which >= mlp::kPresetCount) return;
    mlp::open_preset(s, static_cast<mlp::Preset>(which));
    platform::show_session_messages(*s);
    platform::sync_toolbar(*s);
}
EMSCRIPTEN_KEEPALIVE int mlp_preset_random(const char* shape, size_t shape_bytes, const char* seed, size_t seed_bytes,
                                           int integers) {
    platform::request_frames();
    mlp::Session* s = platform::session();
    if (!s) return 0;
    const bool ok = mlp::open_random_preset(s, std::string_view(shape, shape_bytes), std::string_view(seed, seed_bytes),
                                            integers != 0);
    platform::show_session_messages(*s);
    platform::sync_toolbar(*s);
    return ok ? 1 : 0;
}

// Export: the document as PRODUCT.md's JSON, for page.js to download as a file.
EMSCRIPTEN_KEEPALIVE const char* mlp_export_json() {
    mlp::Session* s = platform::session();
    platform::g_export = s ? mlp::document_json(s->document()) : std::string();
    return platform::g_export.c_str();
}

// The title and note from the page's editor: "" when set (one undo step), else why they were
// refused (the editor shows it and keeps what was typed).
EMSCRIPTEN_KEEPALIVE const char* mlp_set_text(const char* title, size_t title_bytes, const char* note, size_t note_bytes) {
    mlp::Session* s = platform::session();
    platform::g_text_error = s ? s->set_text(std::string(title, title_bytes), std::string(note, note_bytes)) : std::string();
    if (s) platform::sync_toolbar(*s);
    return platform::g_text_error.c_str();
}

// File ▸ Save a picture: the diagram and the worksheet drawn into a framebuffer of their own and
// read back (app/picture.h), at `scale` pixels per CSS px. page.js reads the pixels (rows bottom
// first) with the getters below, makes the PNG, and frees them. Returns "" or why there is none.
EMSCRIPTEN_KEEPALIVE const char* mlp_picture(double scale) {
    app::App* a = platform::script_api_target();
    platform::g_picture = a ? a->picture(static_cast<float>(scale), ImGui_ImplOpenGL3_RenderDrawData) : app::Picture{};
    if (!a) platform::g_picture.error = "MLP Explorer is not running";
    return platform::g_picture.error.c_str();
}
EMSCRIPTEN_KEEPALIVE int mlp_picture_width() { return platform::g_picture.width; }
EMSCRIPTEN_KEEPALIVE int mlp_picture_height() { return platform::g_picture.height; }
EMSCRIPTEN_KEEPALIVE double mlp_picture_scale() { return platform::g_picture.scale; }
EMSCRIPTEN_KEEPALIVE const unsigned char* mlp_picture_pixels() { return platform::g_picture.rgba.data(); }
EMSCRIPTEN_KEEPALIVE void mlp_picture_free() { platform::g_picture = app::Picture{}; }

// The limits of the title and the note (limits.h), for the page's editor to say.
EMSCRIPTEN_KEEPALIVE int mlp_max_title_chars() { return mlp::kMaxTitleChars; }
EMSCRIPTEN_KEEPALIVE int mlp_max_note_chars() { return mlp::kMaxNoteChars; }

// The height the page's title and note take (CSS px, 0 for none): the layout leaves a strip that
// tall under the toolbar.
EMSCRIPTEN_KEEPALIVE void mlp_set_caption_height(double height) {
    if (app::App* a = platform::script_api_target()) a->set_caption_height(static_cast<float>(height));
}

// Import: a file's text (page.js read it), or its refusal when it is too big to read. Texts come
// with their length in bytes: a NUL inside a file is a byte to refuse, not the file's end.
EMSCRIPTEN_KEEPALIVE void mlp_import_file(const char* name, size_t name_bytes, const char* text, size_t text_bytes) {
    platform::request_frames();
    mlp::Session* s = platform::session();
    if (!s) return;
    mlp::open_file(s, std::string_view(name, name_bytes), std::string_view(text, text_bytes));
    platform::show_session_messages(*s);
    platform::sync_toolbar(*s);
}
EMSCRIPTEN_KEEPALIVE void mlp_refuse_file(const char* name, size_t name_bytes, double bytes) {
    platform::request_frames();
    mlp::Session* s = platform::session();
    if (!s) return;
    s->refuse_opening(mlp::file_size_error(std::string_view(name, name_bytes), static_cast<size_t>(bytes)),
                      mlp::kKeptNetworkNote);
    platform::show_session_messages(*s);
}

}  // extern "C"
