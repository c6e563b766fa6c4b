// Undo and redo for a Session. A step is either a list of value changes (weights, biases,
// inputs, activations, targets, the loss settings: small, so a drag on a million-weight network
// costs bytes, not megabytes), an exercise's hidden set or the document's title and note (swapped
// in and out, without copying the network), every weight and bias (a step of gradient descent
// changes them all: swapped in and out, exact), or a whole document (a shape change, a loaded
// link, a preset), swapped in and out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "core/document/document.h"
#include "core/document/start_point.h"
#include "core/document/value_address.h"

namespace mlp {

struct ValueChange {
    ValueAddress at;
    ValueSetting before;
    ValueSetting after;
};

struct EditStep {
    std::vector<ValueChange> values;
    bool has_document = false;
    Document document;  // the document on the other side of this step (before it, while undoable)
    StartPointRef start;  // with a document: the start point on the other side (Reset's target)
    bool has_hidden = false;
    std::vector<HiddenValue> hidden;  // the hidden set on the other side of this step
    bool has_parameters = false;
    std::vector<Matrix> weights;  // with has_parameters: every weight and bias on the other side
    std::vector<std::vector<double>> biases;
    int64_t epoch = 0;            // ...and the epochs counted there (training moves them)
    bool has_text = false;
    std::string title, note;  // the title and note on the other side of this step
    size_t bytes() const;
    // A list of value changes (not a document, hidden set, parameters or text).
    bool holds_values() const { return !has_document && !has_hidden && !has_parameters && !has_text; }
};

class EditHistory {
public:
    // Bounds: the oldest steps are forgotten beyond these.
    static constexpr size_t kMaxSteps = 500;
    static constexpr size_t kMaxBytes = 192u << 20;  // big networks keep fewer document steps

    // Records a value change into the open step (a gesture) or as a step of its own. Repeated
    // changes of the same value within one step keep the first `before` and the last `after`.
    void record_value(const ValueChange& change);
    // Records a whole-document change; `before` is the document it replaced and `before_start`
    // the start point that went with it.
    void record_document(Document before, StartPointRef before_start);
    // Records a change of the exercise's hidden set; `before` is the set it replaced.
    void record_hidden(std::vector<HiddenValue> before);
    // Records a change of every weight and bias (a step of gradient descent, epochs of training);
    // `weights`, `biases` and `epoch` (the document's training.epoch) are the values it replaced.
    void record_parameters(std::vector<Matrix> weights, std::vector<std::vector<double>> biases, int64_t epoch);
    // Records a change of the title and note; the arguments are those they replaced.
    void record_text(std::string title_before, std::string note_before);

    void begin_gesture();
    // Ends the gesture. Changes that came back to where they started are dropped, and the step
    // with them when nothing is left (typing a value and pressing Escape is no step).
    void end_gesture();
    // Opens a gesture that continues the last one, when that ended with a step of values and
    // nothing was recorded since: the second click of a double-click (which opens a slider's text
    // field and undoes the first click's jump) belongs to the first. Otherwise begins a new one.
    void resume_gesture();
    bool in_gesture() const { return gesture_open_; }

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    // Take the step to apply; the caller applies it and gives it back with push_redo/push_undo
    // (a document step then holds the document it replaced, ready for the way back).
    EditStep take_undo();
    EditStep take_redo();
    void push_redo(EditStep step) { redo_.push_back(std::move(step)); }
    void push_undo(EditStep step);

private:
    void push_new_step(EditStep step);
    void trim();

    std::deque<EditStep> undo_;
    std::vector<EditStep> redo_;
    bool gesture_open_ = false;
    bool gesture_step_started_ = false;
    bool last_gesture_resumable_ = false;  // undo_.back() is the step of the gesture that ended last
};

}  // namespace mlp
