// The learner's side of an exercise (exercise.h): the answers typed in place of the hidden
// values, the marks Check gave them, and the values Reveal has shown. View state: none of it is
// in the link (the hidden set is; a student opens it with nothing typed).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/forward_pass.h"
#include "core/hidden_value.h"

namespace mlp {

// A typed answer as a number: spaces around it, a leading '+' and the page's own minus sign
// (U+2212, as the worksheet writes negatives) are accepted. False for anything else.
bool read_answer(std::string_view text, double* out);

class ExerciseSheet {
public:
    enum class Mark { None, Right, Wrong };
    struct Score {
        int right = 0, wrong = 0, unanswered = 0, revealed = 0;
        int total = 0;  // hidden values
    };

    // Keeps what belongs to values still hidden and forgets the rest (a value shown again, a
    // shape change). `hidden` is the document's set: sorted, no repeats.
    void keep_only(const std::vector<HiddenValue>& hidden);
    // Forgets everything: a new sheet, or exercise mode turned off.
    void clear();

    // The answer typed for h ("" when none). Typing clears h's mark until the next check.
    const std::string& answer(const HiddenValue& h) const;
    void set_answer(const HiddenValue& h, std::string text);

    // Check: marks every typed answer right or wrong against the forward pass (answer_is_right);
    // unanswered values stay unmarked. Remembers the values it checked against.
    void check(const std::vector<HiddenValue>& hidden, const ForwardPass& pass);
    Mark mark(const HiddenValue& h) const;
    bool checked() const { return checked_; }
    // True when a value Check compared against is no longer what the network computes (a weight
    // was edited after Check): the marks may be wrong until the next check.
    bool outdated(const ForwardPass& pass) const;
    Score score(const std::vector<HiddenValue>& hidden) const;

    // Reveal, step by step in forward order (HiddenValue's order: the order a learner computes).
    // The next hidden value not yet revealed, or nullptr when all are.
    const HiddenValue* next_to_reveal(const std::vector<HiddenValue>& hidden) const;
    void reveal(const HiddenValue& h);
    void reveal_all(const std::vector<HiddenValue>& hidden);
    bool revealed(const HiddenValue& h) const;
    int revealed_count() const { return static_cast<int>(revealed_.size()); }

private:
    struct Entry {
        std::string answer;
        Mark mark = Mark::None;
        bool checked = false;  // `truth` holds the value Check compared against
        double truth = 0;
        bool revealed = false;
    };
    const Entry* find(const HiddenValue& h) const;

    std::map<HiddenValue, Entry> entries_;  // only values with something typed, marked or revealed
    std::vector<HiddenValue> revealed_;     // in the order they were revealed
    bool checked_ = false;
};

}  // namespace mlp
