#include "platform/web_page.h"

#include <cstdlib>

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

}  // namespace platform
