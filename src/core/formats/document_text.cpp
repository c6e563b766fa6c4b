#include "core/formats/document_text.h"

#include <cstdint>

#include "core/limits.h"

namespace mlp {
namespace {

// Decodes the UTF-8 character at text[i], setting *cp; returns its length, 0 when the bytes are not
// one (a stray continuation byte, an overlong form, a surrogate, beyond U+10FFFF, cut short).
size_t decode_utf8(std::string_view text, size_t i, uint32_t* cp) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = 0;
    uint32_t value = 0, least = 0;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c >> 5) == 0x6) {
        len = 2, value = c & 0x1F, least = 0x80;
    } else if ((c >> 4) == 0xE) {
        len = 3, value = c & 0x0F, least = 0x800;
    } else if ((c >> 3) == 0x1E) {
        len = 4, value = c & 0x07, least = 0x10000;
    } else {
        return 0;
    }
    if (i + len > text.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        const unsigned char cc = static_cast<unsigned char>(text[i + k]);
        if ((cc & 0xC0) != 0x80) return 0;
        value = (value << 6) | (cc & 0x3F);
    }
    if (value < least || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    *cp = value;
    return len;
}

std::string hex4(uint32_t cp) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string out = "U+";
    for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(cp >> shift) & 0xF]);
    return out;
}

std::string check_text(std::string_view text, const char* key, int max_chars, bool lines) {
    int chars = 0;
    for (size_t i = 0; i < text.size();) {
        uint32_t cp = 0;
        const size_t len = decode_utf8(text, i, &cp);
        if (len == 0) return std::string(key) + ": byte " + std::to_string(i + 1) + " is not UTF-8 text";
        ++chars;
        const bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
        if (control && !(lines && cp == '\n'))
            return std::string(key) + ": character " + std::to_string(chars) + " is a control character (" + hex4(cp) +
                   ")" + (lines ? "; only line breaks are allowed" : "; a title is one line of text");
        i += len;
    }
    if (chars > max_chars)
        return std::string(key) + ": " + std::to_string(chars) + " characters; at most " + std::to_string(max_chars) +
               " are allowed";
    return "";
}

}  // namespace

std::string check_title(std::string_view text) { return check_text(text, "title", kMaxTitleChars, false); }
std::string check_note(std::string_view text) { return check_text(text, "note", kMaxNoteChars, true); }

void append_form_encoded(std::string* out, std::string_view text) {
    static const char kHex[] = "0123456789ABCDEF";
    for (char ch : text) {
        const unsigned char c = static_cast<unsigned char>(ch);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '*' ||
                           c == '-' || c == '.' || c == '_';
        if (plain) {
            out->push_back(ch);
        } else if (c == ' ') {
            out->push_back('+');
        } else {
            out->push_back('%');
            out->push_back(kHex[c >> 4]);
            out->push_back(kHex[c & 15]);
        }
    }
}

}  // namespace mlp
