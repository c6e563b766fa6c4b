#include "core/formats/typed_number.h"

#include <cmath>

#include "core/formats/decode_result.h"
#include "core/formats/number_text.h"
#include "core/limits.h"
#include "core/model/network.h"
#include "core/text/notation.h"

namespace mlp {
namespace {

constexpr std::string_view kPageMinus = notation::kMinus;  // how the worksheet writes a negative number

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// The page's minus sign as '-' (at the start, or after an exponent's e): "−5", "1e−3".
std::string with_ascii_minus(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        if (text.substr(i, kPageMinus.size()) == kPageMinus) {
            out.push_back('-');
            i += kPageMinus.size();
        } else {
            out.push_back(text[i++]);
        }
    }
    return out;
}

// Why `text` (not a number by parse_number's grammar) is refused, with what to type instead.
std::string not_a_number(std::string_view text) {
    const std::string quoted = quote_input(text);
    if (text.find(',') != std::string_view::npos)
        return quoted + " has a comma; write decimals with a point (3.5) and thousands without a separator (1000)";
    // A sign or operator between two digits: a fraction, a product or a sum ("1/3", "2*3", "1+1").
    for (size_t i = 1; i + 1 < text.size(); ++i) {
        const char c = text[i];
        const bool between_digits = is_digit(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == ' ';
        if (!between_digits) continue;
        if (c == '/') return quoted + " is a fraction; type it as a decimal number (0.25 for 1/4)";
        if (c == '*' || c == '+' || c == '-' || c == ' ')
            return quoted + " is not one number; type a single number such as 2, -0.5 or 1e-3 (nothing is worked out)";
    }
    return quoted + " is not a number; expected a number such as 2, -0.5 or 1e-3";
}

}  // namespace

TypedNumber read_typed_number(std::string_view text, TypedRange range) {
    TypedNumber out;
    const std::string_view trimmed = trim_spaces(text);
    if (trimmed.empty()) {
        out.error = "nothing was typed; expected a number such as 2, -0.5 or 1e-3";
        return out;
    }
    const std::string ascii = with_ascii_minus(trimmed);
    if (ascii.size() > static_cast<size_t>(kMaxParsedNumberChars)) {
        out.error = quote_input(ascii) + " is too long for a number (at most " +
                    std::to_string(kMaxParsedNumberChars) + " characters)";
        return out;
    }
    double v = 0.0;
    if (!parse_number(ascii, &v)) {
        out.error = not_a_number(ascii);
        return out;
    }
    const bool allowed = range == TypedRange::Limits ? is_allowed_value(v) : std::isfinite(v);
    if (!allowed) {
        out.error = quote_input(ascii) + (range == TypedRange::Limits
                                                ? std::string(" is beyond the limits; expected ") + kAllowedValueText
                                                : std::string(" is too large for a number"));
        return out;
    }
    out.value = v == 0.0 ? 0.0 : v;  // "-0" is 0
    return out;
}

TypedNumber read_typed_count(std::string_view text, const char* noun, int64_t lo, int64_t hi) {
    TypedNumber out = read_typed_number(text, TypedRange::Finite);
    if (!out.ok()) return out;
    const double v = out.value;
    if (v != std::floor(v) || v < static_cast<double>(lo) || v > static_cast<double>(hi)) {
        out.error = quote_input(with_ascii_minus(trim_spaces(text))) + " is not " + noun + "; expected a whole number from " +
                    std::to_string(lo) + " to " + std::to_string(hi);
        out.value = 0.0;
    }
    return out;
}

std::string kept_value_note(std::string_view name, double kept) {
    std::string note(name);
    note += " stays ";
    append_number(&note, kept);
    return note + ".";
}

void FieldMessage::refuse(Session* session, std::string message, std::string note) {
    session->set_error(std::move(message), std::move(note));
    shown_ = session->error();
}

void FieldMessage::accepted(Session* session) {
    if (!shown_.empty() && session->error() == shown_) session->dismiss_error();
    shown_.clear();
}

}  // namespace mlp
