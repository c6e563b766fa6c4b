#include "core/exercise_sheet.h"

#include <algorithm>
#include <cmath>

#include "core/exercise.h"
#include "core/number_text.h"

namespace mlp {

bool read_answer(std::string_view text, double* out) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    std::string number(text);
    const std::string minus = "\xE2\x88\x92";  // U+2212, how the page writes a negative number
    if (number.compare(0, minus.size(), minus) == 0) number.replace(0, minus.size(), "-");
    double v = 0;
    if (!parse_number(number, &v) || !std::isfinite(v)) return false;
    *out = v;
    return true;
}

const ExerciseSheet::Entry* ExerciseSheet::find(const HiddenValue& h) const {
    auto it = entries_.find(h);
    return it == entries_.end() ? nullptr : &it->second;
}

void ExerciseSheet::keep_only(const std::vector<HiddenValue>& hidden) {
    auto is_hidden = [&](const HiddenValue& h) { return std::binary_search(hidden.begin(), hidden.end(), h); };
    for (auto it = entries_.begin(); it != entries_.end();) it = is_hidden(it->first) ? std::next(it) : entries_.erase(it);
    revealed_.erase(std::remove_if(revealed_.begin(), revealed_.end(), [&](const HiddenValue& h) { return !is_hidden(h); }),
                    revealed_.end());
    if (entries_.empty()) checked_ = false;
}

void ExerciseSheet::clear() {
    entries_.clear();
    revealed_.clear();
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

void ExerciseSheet::check(const std::vector<HiddenValue>& hidden, const ForwardPass& pass) {
    checked_ = true;
    for (const HiddenValue& h : hidden) {
        auto it = entries_.find(h);
        if (it == entries_.end()) continue;
        Entry& e = it->second;
        e.checked = true;
        e.truth = hidden_value(h, pass);
        double typed = 0;
        if (e.answer.empty())
            e.mark = Mark::None;
        else
            e.mark = read_answer(e.answer, &typed) && answer_is_right(typed, e.truth) ? Mark::Right : Mark::Wrong;
    }
}

ExerciseSheet::Mark ExerciseSheet::mark(const HiddenValue& h) const {
    const Entry* e = find(h);
    return e ? e->mark : Mark::None;
}

bool ExerciseSheet::outdated(const ForwardPass& pass) const {
    if (!checked_) return false;
    for (const auto& [h, e] : entries_) {
        if (!e.checked) continue;
        // The pass may be of another shape only after keep_only dropped h; be safe regardless.
        if (h.layer >= static_cast<int>(pass.z.size()) || h.sample >= pass.z[h.layer].rows ||
            h.node >= pass.z[h.layer].cols)
            return true;
        if (hidden_value(h, pass) != e.truth) return true;
    }
    return false;
}

ExerciseSheet::Score ExerciseSheet::score(const std::vector<HiddenValue>& hidden) const {
    Score s;
    s.total = static_cast<int>(hidden.size());
    for (const HiddenValue& h : hidden) {
        const Entry* e = find(h);
        if (e && e->revealed) ++s.revealed;
        const Mark m = e ? e->mark : Mark::None;
        if (m == Mark::Right) ++s.right;
        else if (m == Mark::Wrong) ++s.wrong;
        else if (!e || e->answer.empty()) ++s.unanswered;
    }
    return s;
}

const HiddenValue* ExerciseSheet::next_to_reveal(const std::vector<HiddenValue>& hidden) const {
    for (const HiddenValue& h : hidden)
        if (!revealed(h)) return &h;
    return nullptr;
}

void ExerciseSheet::reveal(const HiddenValue& h) {
    Entry& e = entries_[h];
    if (e.revealed) return;
    e.revealed = true;
    revealed_.push_back(h);
}

void ExerciseSheet::reveal_all(const std::vector<HiddenValue>& hidden) {
    for (const HiddenValue& h : hidden) reveal(h);
}

bool ExerciseSheet::revealed(const HiddenValue& h) const {
    const Entry* e = find(h);
    return e && e->revealed;
}

}  // namespace mlp
