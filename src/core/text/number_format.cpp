#include "core/text/number_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/text/notation.h"

namespace mlp {
namespace {

const char* const kMinus = notation::kMinus;  // reads better than a hyphen by digits
const std::string kTimesTen = std::string(notation::kTimes) + "10";  // ×10
constexpr double kSmallest = 1e-4;        // below this, a power of ten
// U+2070.. superscript digits (¹ ² ³ sit in Latin-1) and U+207B superscript minus.
const char* const kSuperscript[10] = {"\xE2\x81\xB0", "\xC2\xB9",     "\xC2\xB2",     "\xC2\xB3",     "\xE2\x81\xB4",
                                      "\xE2\x81\xB5", "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9"};
const char* const kSuperscriptMinus = "\xE2\x81\xBB";

// "1.2300" -> "1.23", "10.000" -> "10".
void strip_zeros(std::string* digits) {
    if (digits->find('.') == std::string::npos) return;
    while (digits->back() == '0') digits->pop_back();
    if (digits->back() == '.') digits->pop_back();
}

// |v| >= kSmallest (as rounded to kShownDigits) in plain decimals.
std::string plain(double size, int decimals) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, size);
    std::string text(buf);
    strip_zeros(&text);
    return text;
}

// Decimals that keep kShownDigits significant digits of `size` (> 0), none for large values.
int decimals_for(double size) {
    const int exponent = static_cast<int>(std::floor(std::log10(size)));  // 0.07 -> -2, 5 -> 0, 123 -> 2
    return std::max(0, kShownDigits - 1 - exponent);
}

}  // namespace

std::string format_value(double v) {
    if (v == 0.0 || !std::isfinite(v)) return "0";
    const double size = std::fabs(v);
    std::string text = v < 0 ? kMinus : "";
    // Rounded first, so 0.000099996 (which shows as 0.0001) is not written as a power of ten.
    char rounded_buf[48];
    std::snprintf(rounded_buf, sizeof rounded_buf, "%.*e", kShownDigits - 1, size);
    const double rounded = std::strtod(rounded_buf, nullptr);
    if (rounded >= kSmallest) return text + plain(size, decimals_for(rounded));
    // "1.230e-07": the mantissa without its zeros, then ×10 and the exponent raised.
    std::string mantissa(rounded_buf, std::strchr(rounded_buf, 'e'));
    strip_zeros(&mantissa);
    const int exponent = std::atoi(std::strchr(rounded_buf, 'e') + 1);
    text += mantissa + kTimesTen;
    if (exponent < 0) text += kSuperscriptMinus;
    const std::string digits = std::to_string(std::abs(exponent));
    for (char d : digits) text += kSuperscript[d - '0'];
    return text;
}

std::string widest_value_text(double smallest, double largest, bool negative) {
    smallest = std::max(smallest, 1e-300);
    largest = std::max(largest, smallest);
    // Within a power of ten every value with all its digits shown is as wide, 1.111 as 9.999:
    // the widest of the powers of ten in range (the two ends, and all between in plain decimals).
    const int low = static_cast<int>(std::floor(std::log10(smallest)));
    const int high = static_cast<int>(std::floor(std::log10(largest)));
    std::string widest;
    auto consider = [&](int exponent) {
        std::string text = format_value((negative ? -1.111 : 1.111) * std::pow(10.0, exponent));
        if (text_columns(text) > text_columns(widest)) widest = text;
    };
    consider(low);
    consider(high);
    for (int e = std::max(low, -5); e <= std::min(high, 7); ++e) consider(e);
    const size_t times = widest.find(kTimesTen);  // the mantissa's digits, not the 10 of ×10
    std::replace(widest.begin(), times == std::string::npos ? widest.end() : widest.begin() + times, '1', '0');
    return widest;
}

void ValueRange::add(double v) {
    const double size = std::fabs(v);
    if (size == 0.0) return;
    if (smallest == 0.0 || size < smallest) smallest = size;
    if (size > largest) largest = size;
    negative = negative || v < 0;
    fraction = fraction || size != std::floor(size);
}

void ValueRange::add(const ValueRange& other) {
    if (other.largest == 0.0) return;
    add(other.negative ? -other.largest : other.largest);
    add(other.smallest);
    fraction = fraction || other.fraction;
}

std::string ValueRange::widest_text() const {
    if (largest == 0.0) return "0";
    if (!fraction) {  // whole numbers are written in full: as many digits as the largest has
        const std::string digits = format_value(largest);
        return (negative ? kMinus : "") + std::string(digits.size(), '0');
    }
    return widest_value_text(smallest, largest, negative);
}

int text_columns(const std::string& text) {
    int n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace mlp
