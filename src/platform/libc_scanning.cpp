// The page's strtod and sscanf, in place of the C library's, for bytes: musl reads numbers in long
// double, which wasm has only in software (128-bit multiply, divide, add, fmodl, scalbnl), and
// its scanf engine comes with them: about 20 kB of code, 9 kB of gzip (docs/benchmarks.md, (a)).
// The linker takes a function from the C library only when no object defines it, so these two
// replace musl's for every caller: the core's parse_number and format_value, nlohmann-json's
// number tokens, Dear ImGui (typed slider values, its settings lines, the GLSL version) and atof.
//
// A number's text goes to JavaScript's Number(), which rounds correctly as strtod does: the
// shortest round-trip numbers of links (fmt's Dragonbox, up to 17 digits) come back to the same
// double (tests/browser checks links both ways). Hexadecimal floats ("0x1p3") are not read: no
// text the page reads holds one; "0x..." reads as 0, stopping at the x.
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

#include <emscripten.h>

#include "platform/scan_format.h"

// The `length` characters at `text`: a decimal number with an optional sign.
EM_JS(double, js_decimal_number, (const char* text, int length), {
    let s = "";
    for (let i = 0; i < length; ++i) s += String.fromCharCode(HEAPU8[text + i]);
    return Number(s);
});

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// True when `text` starts with `word` (lower case), in any case.
bool starts_with_word(const char* text, const char* word) {
    for (; *word; ++text, ++word)
        if ((*text | 0x20) != *word) return false;
    return true;
}

}  // namespace

extern "C" double strtod(const char* text, char** end) {
    const char* p = text;
    while (is_space(*p)) ++p;
    const char* start = p;
    const bool negative = *p == '-';
    if (*p == '-' || *p == '+') ++p;
    double special = 0.0;
    int special_chars = 0;
    if (starts_with_word(p, "infinity")) special = HUGE_VAL, special_chars = 8;
    else if (starts_with_word(p, "inf")) special = HUGE_VAL, special_chars = 3;
    else if (starts_with_word(p, "nan")) special = NAN, special_chars = 3;
    if (special_chars > 0) {
        if (end) *end = const_cast<char*>(p + special_chars);
        return negative ? -special : special;
    }
    // The longest prefix that is a number: digits, a point, digits (one digit at least), then an
    // exponent if it has a digit.
    int digits = 0;
    while (is_digit(*p)) ++p, ++digits;
    if (*p == '.') {
        ++p;
        while (is_digit(*p)) ++p, ++digits;
    }
    if (digits == 0) {
        if (end) *end = const_cast<char*>(text);
        return 0.0;
    }
    if (*p == 'e' || *p == 'E') {
        const char* e = p + 1;
        if (*e == '-' || *e == '+') ++e;
        if (is_digit(*e)) {
            while (is_digit(*e)) ++e;
            p = e;
        }
    }
    if (end) *end = const_cast<char*>(p);
    return js_decimal_number(start, static_cast<int>(p - start));
}

extern "C" int sscanf(const char* text, const char* format, ...) {
    va_list args;
    va_start(args, format);
    const int stored = platform::scan_format(text, format, args, strtod);
    va_end(args);
    return stored;
}

// The rest of musl's strtod.o, which libc++'s std::stof and std::stold (unused, but in the same
// object as std::to_string) name: without them the linker would bring in musl's file, strtod
// and all. Through double: these keep no more precision than it has.
extern "C" float strtof(const char* text, char** end) { return static_cast<float>(strtod(text, end)); }
extern "C" long double strtold(const char* text, char** end) { return strtod(text, end); }
