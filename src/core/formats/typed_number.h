// Numbers that a person types into a field of the page (a slider's text field, an exercise answer,
// the Network section's node count and seed, the node picker of a large layer). They are read
// exactly as the link reads numbers (number_text.h) or refused with a message that says why and
// what to type instead; nothing is guessed. Text typed into a field never becomes another number:
// "3,5" is not 35 (nor 3.5: "1,000" would be a thousand to some and one to others), "1/3" is not
// 1, "1e7" is not 1, "1000001" is not 100000.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/document/session.h"

namespace mlp {

struct TypedNumber {
    double value = 0.0;
    std::string error;  // "" when the text was read; else why not, quoting it

    bool ok() const { return error.empty(); }
};

// How large a typed number may be.
enum class TypedRange {
    Limits,  // a value of the network: |v| <= kMaxAbsValue (limits.h), as in a link
    Finite,  // an exercise answer: any finite number (the forward pass may exceed the limits)
};

// Reads what was typed: the grammar of parse_number ("2", "-0.125", "1e-7", "+2", ".5"), with
// spaces around it ignored (" 4 ") and the minus sign the page itself writes (U+2212, "−5") read
// as '-'. Refused, with a message naming the text: nothing typed, a decimal comma, a fraction or
// a sum, any other text, and a value out of `range`, e.g.
//   "3,5" has a comma; write decimals with a point (3.5) and thousands without a separator (1000)
//   "1e7" is beyond the limits; expected a number from -1e6 to 1e6
TypedNumber read_typed_number(std::string_view text, TypedRange range = TypedRange::Limits);

// A whole number from lo to hi (a node count, a node's index), read as read_typed_number reads
// it ("1e3" is 1000); `noun` names what it is for the message:
//   "2.5" is not a node count; expected a whole number from 1 to 1024
TypedNumber read_typed_count(std::string_view text, const char* noun, int64_t lo, int64_t hi);

// "W3[2,1] stays 1.": the note under a refused value's message.
std::string kept_value_note(std::string_view name, double kept);

// Where a refusal is shown: the session's error, which the page shows in its alert banner (so a
// keyboard or screen reader user gets it too), with its note. Taken back when the fields it
// speaks for next accept a value, so the banner is about what was just typed, not something
// older; left alone if another message replaced it meanwhile.
class FieldMessage {
public:
    void refuse(Session* session, std::string message, std::string note);
    void accepted(Session* session);

private:
    std::string shown_;
};

}  // namespace mlp
