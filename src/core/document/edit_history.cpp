#include "core/document/edit_history.h"

#include <algorithm>

namespace mlp {

size_t EditStep::bytes() const {
    size_t n = sizeof(EditStep) + values.size() * sizeof(ValueChange);
    if (has_document) {
        for (const Matrix& w : document.network.weights) n += w.values.size() * sizeof(double);
        for (const auto& b : document.network.biases) n += b.size() * sizeof(double);
        n += document.inputs.values.size() * sizeof(double);
        n += document.hidden.size() * sizeof(HiddenValue);
        n += document.data.custom.size() * sizeof(DataPoint);
        // The start point is shared with the session or other steps; counted here all the same,
        // so a history that holds many start points is trimmed like one that holds documents.
        if (start) n += start->document.inputs.values.size() * sizeof(double) + start->document.network.weight_count() * sizeof(double);
    }
    n += hidden.size() * sizeof(HiddenValue) + title.size() + note.size();
    for (const Matrix& w : weights) n += w.values.size() * sizeof(double);
    for (const auto& b : biases) n += b.size() * sizeof(double);
    return n;
}

void EditHistory::push_new_step(EditStep step) {
    last_gesture_resumable_ = false;
    redo_.clear();  // a new edit ends the redo branch
    undo_.push_back(std::move(step));
    trim();
}

void EditHistory::push_undo(EditStep step) {
    undo_.push_back(std::move(step));
    trim();
}

void EditHistory::trim() {
    size_t total = 0;
    for (const EditStep& s : undo_) total += s.bytes();
    while (undo_.size() > 1 && (undo_.size() > kMaxSteps || total > kMaxBytes)) {
        total -= undo_.front().bytes();
        undo_.pop_front();
    }
}

void EditHistory::record_value(const ValueChange& change) {
    if (gesture_open_ && gesture_step_started_ && !undo_.empty() && undo_.back().holds_values()) {
        std::vector<ValueChange>& values = undo_.back().values;
        for (ValueChange& v : values)
            if (v.at == change.at) {
                v.after = change.after;
                return;
            }
        values.push_back(change);
        return;
    }
    EditStep step;
    step.values.push_back(change);
    push_new_step(std::move(step));
    if (gesture_open_) gesture_step_started_ = true;
}

void EditHistory::record_document(Document before, StartPointRef before_start) {
    EditStep step;
    step.has_document = true;
    step.document = std::move(before);
    step.start = std::move(before_start);
    push_new_step(std::move(step));
    gesture_step_started_ = false;  // a later value change in the gesture starts a new step
}

void EditHistory::record_hidden(std::vector<HiddenValue> before) {
    EditStep step;
    step.has_hidden = true;
    step.hidden = std::move(before);
    push_new_step(std::move(step));
    gesture_step_started_ = false;
}

void EditHistory::record_parameters(std::vector<Matrix> weights, std::vector<std::vector<double>> biases, int64_t epoch) {
    EditStep step;
    step.has_parameters = true;
    step.weights = std::move(weights);
    step.biases = std::move(biases);
    step.epoch = epoch;
    push_new_step(std::move(step));
    gesture_step_started_ = false;
}

void EditHistory::record_text(std::string title_before, std::string note_before) {
    EditStep step;
    step.has_text = true;
    step.title = std::move(title_before);
    step.note = std::move(note_before);
    push_new_step(std::move(step));
    gesture_step_started_ = false;
}

void EditHistory::begin_gesture() {
    gesture_open_ = true;
    gesture_step_started_ = false;
}

void EditHistory::end_gesture() {
    if (!gesture_open_) return;
    const bool had_step = gesture_step_started_ && !undo_.empty() && undo_.back().holds_values();
    gesture_open_ = false;
    gesture_step_started_ = false;
    last_gesture_resumable_ = false;
    if (!had_step) return;
    std::vector<ValueChange>& values = undo_.back().values;
    values.erase(std::remove_if(values.begin(), values.end(), [](const ValueChange& c) { return c.before == c.after; }),
                 values.end());
    if (values.empty()) {
        undo_.pop_back();
    } else {
        last_gesture_resumable_ = true;
    }
}

void EditHistory::resume_gesture() {
    end_gesture();  // one still open ends first, and may be the one to continue
    gesture_open_ = true;
    gesture_step_started_ = last_gesture_resumable_;
    last_gesture_resumable_ = false;
}

EditStep EditHistory::take_undo() {
    last_gesture_resumable_ = false;
    EditStep step = std::move(undo_.back());
    undo_.pop_back();
    gesture_step_started_ = false;
    return step;
}

EditStep EditHistory::take_redo() {
    last_gesture_resumable_ = false;
    EditStep step = std::move(redo_.back());
    redo_.pop_back();
    gesture_step_started_ = false;
    return step;
}

}  // namespace mlp
