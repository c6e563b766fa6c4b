// Numbers as text, for links and JSON: the shortest decimal that reads back to the same double,
// so that a link or file round-trips exactly.
#pragma once

#include <string>
#include <string_view>

namespace mlp {

// Longest text write_number produces ("-1.2345678901234567e-308" is 24 characters).
constexpr int kMaxNumberChars = 32;

// Writes the shortest decimal that parses back to v (0.1 -> "0.1", -2 -> "-2", 1e-7 -> "1e-07")
// into out, which has room for kMaxNumberChars, and returns the end of what it wrote (no NUL).
// Negative zero is written "0". v must be finite.
char* write_number(double v, char* out);
void append_number(std::string* text, double v);

// Parses a decimal number: optional sign, digits with an optional fraction, optional exponent
// ("3", "-0.25", "1e-07", "+2", ".5"). No hex, inf, nan or surrounding spaces. Returns false
// when the text is not such a number or is longer than kMaxParsedNumberChars (room for
// hand-written zeros; no number within the limits needs more). A result may still be out of
// range (1e999 gives inf): callers check it with is_allowed_value.
constexpr int kMaxParsedNumberChars = 64;
bool parse_number(std::string_view text, double* out);

}  // namespace mlp
