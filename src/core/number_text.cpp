#include "core/number_text.h"

#include <cstdlib>
#include <cstring>

// fmt's "{}" for a double is the shortest round-trip form (Dragonbox). The C++17 alternative,
// std::to_chars for double, is missing from Emscripten 3.1.6's libc++.
#define FMT_HEADER_ONLY
#include <fmt/format.h>

namespace mlp {

char* write_number(double v, char* out) {
    if (v == 0.0) v = 0.0;  // -0 -> 0: the same value, and "-0" only puzzles a reader
    return fmt::format_to(out, "{}", v);
}

void append_number(std::string* text, double v) {
    char buf[kMaxNumberChars];
    char* end = write_number(v, buf);
    text->append(buf, end);
}

bool parse_number(std::string_view text, double* out) {
    if (text.empty() || text.size() > static_cast<size_t>(kMaxParsedNumberChars)) return false;
    // Check the grammar first: strtod alone would also take "inf", "nan", hex and spaces.
    size_t i = 0;
    if (text[i] == '-' || text[i] == '+') ++i;
    size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
        size_t exp_digits = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++exp_digits;
        if (exp_digits == 0) return false;
    }
    if (i != text.size()) return false;
    // strtod needs a NUL-terminated string; a stack copy avoids allocating per number.
    char buf[kMaxParsedNumberChars + 1];
    std::memcpy(buf, text.data(), text.size());
    buf[text.size()] = '\0';
    *out = std::strtod(buf, nullptr);
    return true;
}

}  // namespace mlp
