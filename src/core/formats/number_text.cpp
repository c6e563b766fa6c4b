#include "core/formats/number_text.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

// fmt's "{}" for a double is the shortest round-trip form (Dragonbox). The C++17 alternative,
// std::to_chars for double, is missing from Emscripten 3.1.6's libc++. FMT_COMPILE turns the
// format string into a direct call at compile time, so the page links none of fmt's run-time
// parser, and FMT_STATIC_THOUSANDS_SEPARATOR keeps it from asking std::locale for a separator
// "{}" never writes: without the two the page links fmt's parser and libc++'s locales (money,
// time...), about 50 kB of gzip in all.
#define FMT_HEADER_ONLY
#define FMT_STATIC_THOUSANDS_SEPARATOR ','
#include <fmt/compile.h>
#include <fmt/format.h>

namespace mlp {

char* write_number(double v, char* out) {
    if (v == 0.0) v = 0.0;  // -0 -> 0: the same value, and "-0" only puzzles a reader
    return fmt::format_to(out, FMT_COMPILE("{}"), v);
}

void append_number(std::string* text, double v) {
    char buf[kMaxNumberChars];
    char* end = write_number(v, buf);
    text->append(buf, end);
}

namespace {

// Clinger's fast path. A number with at most 15 significant digits is an integer m < 2^53 times
// 10^e; when |e| <= 22, 10^|e| is a double too, and m * 10^e (or m / 10^-e) is one IEEE
// operation on exact operands: correctly rounded, the same double strtod gives. The numbers of
// links are mostly like that ("0.07", "-2", "1e-07"); the rest (17 digits, say) go to strtod.
// Why bother: musl's strtod computes in long double, software 128-bit arithmetic in wasm, about
// 1 us a number there (docs/benchmarks.md). A full parser such as fast_float would cover every
// number but adds 14 kB of gzip to the page. `text` has passed parse_number's grammar check.
bool parse_simple(std::string_view text, double* out) {
    static const double kPowersOf10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                         1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    constexpr int kMaxDigits = 15;
    constexpr int kMaxPower = 22;
    size_t i = 0;
    const bool negative = text[0] == '-';
    if (text[0] == '-' || text[0] == '+') ++i;
    uint64_t m = 0;
    int digits = 0;    // significant digits in m (leading zeros are not)
    int exponent = 0;  // of 10
    auto take_digit = [&](char c) {
        if (m == 0 && c == '0') return true;
        if (++digits > kMaxDigits) return false;
        m = m * 10 + static_cast<uint64_t>(c - '0');
        return true;
    };
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
        if (!take_digit(text[i])) return false;
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            if (!take_digit(text[i])) return false;
            --exponent;
        }
    }
    if (i < text.size()) {  // 'e' or 'E', a sign, digits
        ++i;
        const bool negative_exponent = text[i] == '-';
        if (text[i] == '-' || text[i] == '+') ++i;
        int e = 0;
        for (; i < text.size(); ++i) {
            e = e * 10 + (text[i] - '0');
            if (e > 1000) return false;  // far out of range either way: strtod says inf or 0
        }
        exponent += negative_exponent ? -e : e;
    }
    double v = 0.0;
    if (m != 0) {
        if (exponent < -kMaxPower || exponent > kMaxPower) return false;
        v = static_cast<double>(m);
        v = exponent < 0 ? v / kPowersOf10[-exponent] : v * kPowersOf10[exponent];
    }
    *out = negative ? -v : v;
    return true;
}

}  // namespace

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
    if (parse_simple(text, out)) return true;
    // strtod needs a NUL-terminated string; a stack copy avoids allocating per number.
    char buf[kMaxParsedNumberChars + 1];
    std::memcpy(buf, text.data(), text.size());
    buf[text.size()] = '\0';
    *out = std::strtod(buf, nullptr);
    return true;
}

}  // namespace mlp
