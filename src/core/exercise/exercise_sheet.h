// The learner's side of an exercise (exercise.h): the answers typed in place of the hidden
// values, the marks Check gave them, and the values Reveal has shown. View state: none of it is
// in the link (the hidden set is; a student opens it with nothing typed).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/exercise/hidden_value.h"
#include "core/exercise/exercise.h"

namespace mlp {

// A typed answer as a number: read_typed_number (typed_number.h) with any finite value, so spaces
// around it, a leading '+' and the page's own minus sign (U+2212, as the worksheet writes
// negatives) are accepted. False for anything else.
bool read_answer(std::string_view text, double* out);

class ExerciseSheet {
public:
    enum class Mark { None, Right, Wrong };
    // Every hidden value counts once: right or wrong (checked answers of values not revealed),
    // revealed (by Reveal, whatever was typed), unanswered (nothing typed, not revealed), or
    // none of these (typed since the last check).
    struct Score {
        int right = 0, wrong = 0, unanswered = 0, revealed = 0;
        int total = 0;  // hidden values
    };
    // The exercise bar's line: "8 values to find", "5 of 8 right · 1 wrong · 2 revealed", or why
    // the marks are not shown.
    struct Status {
        enum class Tone { Muted, Normal, Warning };
        std::string text;
        Tone tone = Tone::Normal;
    };

    // Keeps what belongs to values still hidden and forgets the rest (a value shown again, a
    // shape change). `hidden` is the document's set: sorted, no repeats.
    void keep_only(const std::vector<HiddenValue>& hidden);
    // Forgets everything: a new sheet, or exercise mode turned off.
    void clear();

    // The answer typed for h ("" when none). Typing clears h's mark until the next check.
    const std::string& answer(const HiddenValue& h) const;
    void set_answer(const HiddenValue& h, std::string text);

    // Check: marks every typed answer right or wrong against the passes (answer_is_right);
    // unanswered values stay unmarked. Remembers the values it checked against.
    void check(const std::vector<HiddenValue>& hidden, const ExerciseValues& values);
    Mark mark(const HiddenValue& h) const;
    bool checked() const { return checked_; }
    // True when a value Check compared against is no longer what the network computes (a weight
    // was edited after Check): the marks may be wrong until the next check.
    bool outdated(const ExerciseValues& values) const;
    Score score(const std::vector<HiddenValue>& hidden) const;
    Status status(const std::vector<HiddenValue>& hidden, const ExerciseValues& values) const;

    // Whether the answer typed for h is right for the network as `values` computes it (checked or not).
    bool answered_right(const HiddenValue& h, const ExerciseValues& values) const;

    // Reveal keeps the learner's work. It goes step by step in HiddenValue's order (the order a
    // learner computes: forward, then backward, then the step) and skips values answered right,
    // marking them right as Check would. A revealed value keeps the answer typed for it, marked
    // wrong, so the worksheet can show it next to the value.
    // The next value Reveal step would show, or nullptr when none is left.
    const HiddenValue* next_to_reveal(const std::vector<HiddenValue>& hidden, const ExerciseValues& values) const;
    // Reveal step: marks the right answers before the next value to reveal, reveals it and
    // returns it (nullptr: nothing left to reveal).
    const HiddenValue* reveal_next(const std::vector<HiddenValue>& hidden, const ExerciseValues& values);
    // Reveal all: every value not answered right.
    void reveal_all(const std::vector<HiddenValue>& hidden, const ExerciseValues& values);
    // Reveals h whatever was typed for it (an answer typed stays, marked).
    void reveal(const HiddenValue& h, const ExerciseValues& values);
    bool revealed(const HiddenValue& h) const;

private:
    struct Entry {
        std::string answer;
        Mark mark = Mark::None;
        bool checked = false;  // `truth` holds the value Check compared against
        double truth = 0;
        bool revealed = false;
    };
    const Entry* find(const HiddenValue& h) const;
    // Marks the answer of h (if any) against the pass, as Check does.
    void check_one(const HiddenValue& h, const ExerciseValues& values);
    // Reveals h unless it is revealed already or answered right (then marked right); true when
    // it revealed h.
    bool reveal_unless_right(const HiddenValue& h, const ExerciseValues& values);

    std::map<HiddenValue, Entry> entries_;  // only values with something typed, marked or revealed
    bool checked_ = false;
};

}  // namespace mlp
