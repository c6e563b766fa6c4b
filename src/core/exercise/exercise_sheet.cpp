#include "core/exercise/exercise_sheet.h"

#include <algorithm>
#include <cmath>

#include "core/exercise/exercise.h"
#include "core/formats/typed_number.h"
#include "core/text/notation.h"

namespace mlp {

bool read_answer(std::string_view text, double* out) {
    const TypedNumber typed = read_typed_number(text, TypedRange::Finite);
    if (!typed.ok()) return false;
    *out = typed.value;
    return true;
}

const ExerciseSheet::Entry* ExerciseSheet::find(const HiddenValue& h) const {
    auto it = entries_.find(h);
    return it == entries_.end() ? nullptr : &it->second;
}

void ExerciseSheet::keep_only(const std::vector<HiddenValue>& hidden) {
    auto is_hidden = [&](const HiddenValue& h) { return std::binary_search(hidden.begin(), hidden.end(), h); };
    for (auto it = entries_.begin(); it != entries_.end();) it = is_hidden(it->first) ? std::next(it) : entries_.erase(it);
    if (entries_.empty()) checked_ = false;
}

void ExerciseSheet::clear() {
    entries_.clear();
    checked_ = false;
}

const std::string& ExerciseSheet::answer(const HiddenValue& h) const {
    static const std::string kNone;
    const Entry* e = find(h);
    return e ? e->answer : kNone;
}

void ExerciseSheet::set_answer(const HiddenValue& h, std::string text) {
    Entry& e = entries_[h];
    if (e.answer == text) return;
    e.answer = std::move(text);
    e.mark = Mark::None;
    e.checked = false;
}

void ExerciseSheet::check_one(const HiddenValue& h, const ExerciseValues& values) {
    auto it = entries_.find(h);
    if (it == entries_.end()) return;
    Entry& e = it->second;
    e.checked = true;
    e.truth = hidden_value(h, values);
    double typed = 0;
    if (e.answer.empty())
        e.mark = Mark::None;
    else
        e.mark = read_answer(e.answer, &typed) && answer_is_right(typed, e.truth) ? Mark::Right : Mark::Wrong;
}

void ExerciseSheet::check(const std::vector<HiddenValue>& hidden, const ExerciseValues& values) {
    checked_ = true;
    for (const HiddenValue& h : hidden) check_one(h, values);
}

ExerciseSheet::Mark ExerciseSheet::mark(const HiddenValue& h) const {
    const Entry* e = find(h);
    return e ? e->mark : Mark::None;
}

bool ExerciseSheet::outdated(const ExerciseValues& values) const {
    if (!checked_) return false;
    for (const auto& [h, e] : entries_) {
        if (!e.checked) continue;
        // A value that cannot be known now (NaN: another shape, targets gone) is never equal.
        if (!(hidden_value(h, values) == e.truth)) return true;
    }
    return false;
}

ExerciseSheet::Score ExerciseSheet::score(const std::vector<HiddenValue>& hidden) const {
    Score s;
    s.total = static_cast<int>(hidden.size());
    for (const HiddenValue& h : hidden) {
        const Entry* e = find(h);
        const Mark m = e ? e->mark : Mark::None;
        if (e && e->revealed) ++s.revealed;
        else if (m == Mark::Right) ++s.right;
        else if (m == Mark::Wrong) ++s.wrong;
        else if (!e || e->answer.empty()) ++s.unanswered;
    }
    return s;
}

ExerciseSheet::Status ExerciseSheet::status(const std::vector<HiddenValue>& hidden, const ExerciseValues& values) const {
    using Tone = Status::Tone;
    if (hidden.empty()) return {"Nothing is hidden: Edit sheet to choose what to hide.", Tone::Muted};
    if (checked_ && outdated(values)) return {"The network changed after Check: check again.", Tone::Warning};
    const Score s = score(hidden);
    const std::string dot = std::string(" ") + notation::kDot + " ";
    const std::string revealed = s.revealed > 0 ? dot + std::to_string(s.revealed) + " revealed" : "";
    if (!checked_) return {std::to_string(s.total) + (s.total == 1 ? " value" : " values") + " to find" + revealed, Tone::Muted};
    std::string text = std::to_string(s.right) + " of " + std::to_string(s.total) + " right";
    if (s.right == s.total) return {text + ": well done!", Tone::Normal};
    if (s.wrong > 0) text += dot + std::to_string(s.wrong) + " wrong";
    return {text + revealed, Tone::Normal};
}

bool ExerciseSheet::answered_right(const HiddenValue& h, const ExerciseValues& values) const {
    const Entry* e = find(h);
    double typed = 0;
    return e && read_answer(e->answer, &typed) && answer_is_right(typed, hidden_value(h, values));
}

const HiddenValue* ExerciseSheet::next_to_reveal(const std::vector<HiddenValue>& hidden, const ExerciseValues& values) const {
    for (const HiddenValue& h : hidden)
        if (!revealed(h) && !answered_right(h, values)) return &h;
    return nullptr;
}

bool ExerciseSheet::reveal_unless_right(const HiddenValue& h, const ExerciseValues& values) {
    if (revealed(h)) return false;
    if (answered_right(h, values)) {
        check_one(h, values);  // the learner's own: marked right, not revealed
        checked_ = true;
        return false;
    }
    reveal(h, values);
    return true;
}

const HiddenValue* ExerciseSheet::reveal_next(const std::vector<HiddenValue>& hidden, const ExerciseValues& values) {
    for (const HiddenValue& h : hidden)
        if (reveal_unless_right(h, values)) return &h;
    return nullptr;
}

void ExerciseSheet::reveal_all(const std::vector<HiddenValue>& hidden, const ExerciseValues& values) {
    for (const HiddenValue& h : hidden) reveal_unless_right(h, values);
}

void ExerciseSheet::reveal(const HiddenValue& h, const ExerciseValues& values) {
    Entry& e = entries_[h];
    if (e.revealed) return;
    e.revealed = true;
    if (!e.answer.empty()) {
        // The answer stays, marked, next to the value: what the learner had is part of the lesson.
        check_one(h, values);
        checked_ = true;
    }
}

bool ExerciseSheet::revealed(const HiddenValue& h) const {
    const Entry* e = find(h);
    return e && e->revealed;
}

}  // namespace mlp
