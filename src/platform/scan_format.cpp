#include "platform/scan_format.h"

#include <climits>
#include <cstdint>

namespace platform {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 99;
}

// An integer of `base` (0: by its prefix, as %i reads it) from at most `width` characters at *p.
// False, and *p unmoved, without a digit.
bool read_integer(const char** p, int base, int width, uint64_t* out) {
    const char* s = *p;
    const char* end = s + width;
    bool negative = false;
    if (s < end && (*s == '-' || *s == '+')) negative = *s++ == '-';
    const bool hex_prefix = s + 2 < end && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16;
    if ((base == 0 || base == 16) && hex_prefix) {
        s += 2;
        base = 16;
    } else if (base == 0) {
        base = s < end && *s == '0' ? 8 : 10;
    }
    uint64_t v = 0;
    const char* first = s;
    for (; s < end && digit_value(*s) < base; ++s) v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(digit_value(*s));
    if (s == first) return false;
    *out = negative ? 0 - v : v;
    *p = s;
    return true;
}

}  // namespace

int scan_format(const char* text, const char* format, va_list args, StrtodFunction strtod_function) {
    const char* p = text;
    int stored = 0;
    for (const char* f = format; *f;) {
        if (is_space(*f)) {  // any white space in the format matches any amount, none included
            while (is_space(*f)) ++f;
            while (is_space(*p)) ++p;
            continue;
        }
        if (*f != '%' || f[1] == '%') {  // a literal character
            const char c = *f == '%' ? '%' : *f;
            f += *f == '%' ? 2 : 1;
            if (*p != c) return *p == '\0' && stored == 0 ? -1 : stored;
            ++p;
            continue;
        }
        ++f;
        int width = 0;
        while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
        int longs = 0;
        while (*f == 'l') ++longs, ++f;
        const char conversion = *f++;
        if (conversion == 'n') {
            *va_arg(args, int*) = static_cast<int>(p - text);
            continue;
        }
        if (conversion == 'c') {
            if (*p == '\0') return stored == 0 ? -1 : stored;
            *va_arg(args, char*) = *p++;
            ++stored;
            continue;
        }
        while (is_space(*p)) ++p;
        if (*p == '\0') return stored == 0 ? -1 : stored;
        int limit = 0;  // the characters the conversion may read: its width, or up to the text's end
        while (p[limit] != '\0' && (width == 0 || limit < width)) ++limit;
        switch (conversion) {
            case 'd': case 'i': case 'u': case 'x': case 'X': {
                const int base = conversion == 'i' ? 0 : conversion == 'x' || conversion == 'X' ? 16 : 10;
                uint64_t v = 0;
                if (!read_integer(&p, base, limit, &v)) return stored;
                if (longs >= 2) *va_arg(args, uint64_t*) = v;
                else *va_arg(args, unsigned*) = static_cast<unsigned>(v);
                break;
            }
            case 'f': case 'e': case 'g': case 'E': case 'G': {
                char buf[64];  // the conversion's characters alone, so that strtod stops at its width
                int n = 0;
                for (; n < limit && n < static_cast<int>(sizeof buf) - 1; ++n) buf[n] = p[n];
                buf[n] = '\0';
                char* end = buf;
                const double v = strtod_function(buf, &end);
                if (end == buf) return stored;
                p += end - buf;
                if (longs >= 1) *va_arg(args, double*) = v;
                else *va_arg(args, float*) = static_cast<float>(v);
                break;
            }
            default:
                return stored;  // not a conversion ImGui uses
        }
        ++stored;
    }
    return stored;
}

}  // namespace platform
