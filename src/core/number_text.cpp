#include "core/number_text.h"

#include <system_error>

// fmt's "{}" for a double is the shortest round-trip form (Dragonbox). The C++17 alternative,
// std::to_chars for double, is missing from Emscripten 3.1.6's libc++.
#define FMT_HEADER_ONLY
#include <fmt/format.h>
// fast_float's from_chars: the correctly rounded double, as strtod gives, without the locale and
// the long double arithmetic that make musl's strtod about 1 us a number in wasm (most of the
// time a large link takes to open: docs/benchmarks.md). std::from_chars for double is missing
// from Emscripten 3.1.6's libc++.
#include <fast_float/fast_float.h>

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
    // Parsed in place, nothing allocated. from_chars takes no '+'; an exponent out of range gives
    // inf or 0 (as strtod does), which callers refuse or keep through is_allowed_value.
    const char* first = text.data() + (text[0] == '+' ? 1 : 0);
    const fast_float::from_chars_result r = fast_float::from_chars(first, text.data() + text.size(), *out);
    return r.ptr == text.data() + text.size() && r.ec != std::errc::invalid_argument;
}

}  // namespace mlp
