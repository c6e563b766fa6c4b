#include "platform/web_page.h"

#include <cstdlib>

#include <emscripten.h>
#include <emscripten/html5.h>

#include "app/app.h"

// [SECTION] Functions of web/page.js (globalThis.mlpPage), absent while the page is not set up
EM_JS(void, js_page_ready, (), { if (globalThis.mlpPage) globalThis.mlpPage.ready(); });
EM_JS(void, js_page_fail, (const char* message), {
    if (globalThis.mlpPage) globalThis.mlpPage.fail(UTF8ToString(message));
});

EM_JS(void, js_page_announce, (const char* text), {
    if (globalThis.mlpPage) globalThis.mlpPage.announce(UTF8ToString(text));
});
EM_JS(char*, js_address_bar_fragment, (), {
    const hash = window.location.hash || "";
    const bytes = lengthBytesUTF8(hash) + 1;
    const ptr = _malloc(bytes);
    stringToUTF8(hash, ptr, bytes);
    return ptr;
});
EM_JS(void, js_set_address_bar_link, (const char* fragment, double max_address_chars), {
    if (globalThis.mlpPage) globalThis.mlpPage.setLink(UTF8ToString(fragment), max_address_chars);
});
EM_JS(char*, js_kept_link, (), {
    const text = globalThis.mlpPage ? globalThis.mlpPage.keptLink() : "";
    const bytes = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(bytes);
    stringToUTF8(text, ptr, bytes);
    return ptr;
});
EM_JS(void, js_forget_kept_link, (), {
    if (globalThis.mlpPage) globalThis.mlpPage.forgetKeptLink();
});
// warnings: one per line.
EM_JS(void, js_show_messages, (const char* error, const char* note, const char* warnings), {
    if (globalThis.mlpPage) globalThis.mlpPage.showMessages(UTF8ToString(error), UTF8ToString(note), UTF8ToString(warnings));
});

EM_JS(void, js_toolbar_state, (int can_undo, int can_redo, const char* start_name), {
    if (globalThis.mlpPage) globalThis.mlpPage.toolbarState(!!can_undo, !!can_redo, UTF8ToString(start_name));
});
EM_JS(void, js_document_text, (const char* title, const char* note), {
    if (globalThis.mlpPage) globalThis.mlpPage.documentText(UTF8ToString(title), UTF8ToString(note));
});
// The accessible mirror: texts cross as JSON.
EM_JS(void, js_focus_changed, (const char* json), {
    if (globalThis.mlpPage) globalThis.mlpPage.focusChanged(UTF8ToString(json));
});
EM_JS(void, js_keyboard_left, (int direction), {
    if (globalThis.mlpPage) globalThis.mlpPage.keyboardLeft(direction);
});
EM_JS(void, js_status_changed, (const char* json), {
    if (globalThis.mlpPage) globalThis.mlpPage.statusChanged(UTF8ToString(json));
});
EM_JS(void, js_pick_points_file, (), {
    if (globalThis.mlpPage) globalThis.mlpPage.pickPointsFile();
});
EM_JS(void, js_sheet_changed, (), {
    if (globalThis.mlpPage) globalThis.mlpPage.sheetChanged();
});
// matchMedia of the current ratio fires once when it no longer holds, then the new one is watched.
EM_JS(void, js_watch_pixel_ratio, (), {
    const watch = () => {
        const query = matchMedia('(resolution: ' + devicePixelRatio + 'dppx)');
        query.addEventListener('change', () => { _mlp_request_frames(0); watch(); }, { once: true });
    };
    watch();
});

// [SECTION] Their C++ side

namespace platform {

void page_ready() { js_page_ready(); }
void page_fail(const std::string& message) { js_page_fail(message.c_str()); }
void announce(const std::string& text) { js_page_announce(text.c_str()); }
float device_pixel_ratio() { return static_cast<float>(emscripten_get_device_pixel_ratio()); }

std::string address_bar_fragment() {
    char* text = js_address_bar_fragment();
    std::string fragment(text);
    free(text);
    return fragment;
}

void set_address_bar_link(const std::string& fragment) { js_set_address_bar_link(fragment.c_str(), kMaxAddressChars); }

std::string kept_link() {
    char* text = js_kept_link();
    std::string link(text);
    free(text);
    return link;
}

void forget_kept_link() { js_forget_kept_link(); }

void show_messages(const std::string& error, const std::string& note, const std::vector<std::string>& warnings) {
    std::string lines;
    for (const std::string& w : warnings) lines += (lines.empty() ? "" : "\n") + w;
    js_show_messages(error.c_str(), note.c_str(), lines.c_str());
}

double now_ms() { return emscripten_get_now(); }

void show_toolbar_state(bool can_undo, bool can_redo, const std::string& start_name) {
    js_toolbar_state(can_undo, can_redo, start_name.c_str());
}

void show_document_text(const std::string& title, const std::string& note) {
    js_document_text(title.c_str(), note.c_str());
}

void connect_page_mirror(app::App& app) {
    app::App::PageMirror mirror;
    mirror.focus = [](const std::string& json) { js_focus_changed(json.c_str()); };
    mirror.left = [](int direction) { js_keyboard_left(direction); };
    mirror.status = [](const std::string& json) { js_status_changed(json.c_str()); };
    mirror.sheet_changed = [] { js_sheet_changed(); };
    mirror.pick_points_file = [] { js_pick_points_file(); };
    app.set_page_mirror(mirror);
}

void watch_pixel_ratio() { js_watch_pixel_ratio(); }

}  // namespace platform
