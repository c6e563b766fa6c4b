#include "core/session.h"

#include <algorithm>
#include <cmath>

#include "core/default_network.h"
#include "core/document_text.h"
#include "core/exercise.h"
#include "core/limits.h"
#include "core/link_codec.h"
#include "core/state_json.h"

namespace mlp {

double clamp_value(double v) {
    if (std::isnan(v)) return 0.0;
    if (v > kMaxAbsValue) return kMaxAbsValue;
    if (v < -kMaxAbsValue) return -kMaxAbsValue;
    return v;
}

Session::Session()
    : doc_(exercise_document()), start_(std::make_shared<const StartPoint>(StartPoint{"the exercise", doc_})) {
    forward_pass(doc_.network, doc_.inputs, &pass_);
}

void Session::recompute_from(int layer, Edit edit) {
    forward_pass(doc_.network, doc_.inputs, &pass_, layer);
    last_edit_ = edit;
    ++revision_;
}

void Session::set_weight(int layer, int row, int col, double v) {
    double& w = doc_.network.weights[layer].at(row, col);
    v = clamp_value(v);
    if (w == v) return;
    history_.record_value({ValueChange::Target::Weight, layer, row, col, w, v});
    w = v;
    recompute_from(layer, {Edit::Kind::Weight, layer, row, col});
}

void Session::set_bias(int layer, int row, double v) {
    double& b = doc_.network.biases[layer][row];
    v = clamp_value(v);
    if (b == v) return;
    history_.record_value({ValueChange::Target::Bias, layer, row, 0, b, v});
    b = v;
    recompute_from(layer, {Edit::Kind::Bias, layer, row, 0});
}

void Session::set_input(int sample, int col, double v) {
    double& x = doc_.inputs.at(sample, col);
    v = clamp_value(v);
    if (x == v) return;
    history_.record_value({ValueChange::Target::Input, sample, 0, col, x, v});
    x = v;
    recompute_from(0, {Edit::Kind::Input, sample, 0, col});
}

void Session::set_activation(int layer, Activation act) {
    Activation& current = doc_.network.activations[layer];
    if (current == act) return;
    history_.record_value({ValueChange::Target::Activation, layer, 0, 0, static_cast<double>(current),
                           static_cast<double>(act)});
    current = act;
    recompute_from(layer, {Edit::Kind::Activation, layer, 0, 0});
}

std::string Session::set_hidden(std::vector<HiddenValue> hidden) {
    std::sort(hidden.begin(), hidden.end());
    hidden.erase(std::unique(hidden.begin(), hidden.end()), hidden.end());
    std::string err = check_hidden(hidden, doc_.network.shape, doc_.inputs.rows);
    if (!err.empty()) return err;
    if (hidden == doc_.hidden) return "";
    history_.end_gesture();
    std::swap(doc_.hidden, hidden);
    history_.record_hidden(std::move(hidden));
    hidden_changed();
    return "";
}

std::string Session::set_text(std::string title, std::string note) {
    std::string err = check_title(title);
    if (err.empty()) err = check_note(note);
    if (!err.empty()) return err;
    if (title == doc_.title && note == doc_.note) return "";
    history_.end_gesture();
    std::swap(doc_.title, title);
    std::swap(doc_.note, note);
    history_.record_text(std::move(title), std::move(note));
    text_changed();
    return "";
}

void Session::text_changed() {
    last_edit_ = {Edit::Kind::Text, 0, 0, 0};
    ++revision_;
}

void Session::hidden_changed() {
    last_edit_ = {Edit::Kind::Hidden, 0, 0, 0};
    ++revision_;
}

void Session::document_changed() {
    forward_pass(doc_.network, doc_.inputs, &pass_);
    last_edit_ = Edit{};
    ++revision_;
    ++structure_revision_;
}

std::string Session::replace(Document doc, bool undoable) {
    std::string err = validate(doc);
    if (!err.empty()) return err;
    history_.end_gesture();
    Document before = std::move(doc_);
    doc_ = std::move(doc);
    if (undoable) history_.record_document(std::move(before), start_);
    error_.clear();
    document_changed();
    return "";
}

std::string Session::start_from(Document doc, std::string name, bool undoable) {
    auto start = std::make_shared<const StartPoint>(StartPoint{std::move(name), doc});
    std::string err = replace(std::move(doc), undoable);
    if (err.empty()) start_ = std::move(start);  // after replace recorded the one before
    return err;
}

bool Session::reset() {
    if (doc_ == start_->document) return false;
    return replace(start_->document).empty();
}

// Applies a step forward (redo: each change's `after`) or backward (undo: `before`, newest
// first). A document step swaps documents, so afterwards it holds the one for the way back.
void Session::apply_step(EditStep& step, bool forward) {
    if (step.has_document) {
        std::swap(doc_, step.document);
        std::swap(start_, step.start);
        document_changed();
        return;
    }
    if (step.has_hidden) {
        std::swap(doc_.hidden, step.hidden);
        hidden_changed();
        return;
    }
    if (step.has_text) {
        std::swap(doc_.title, step.title);
        std::swap(doc_.note, step.note);
        text_changed();
        return;
    }
    int first_layer = doc_.network.weight_layers();
    const size_t n = step.values.size();
    for (size_t k = 0; k < n; ++k) {
        const ValueChange& c = step.values[forward ? k : n - 1 - k];
        const double v = forward ? c.after : c.before;
        switch (c.target) {
            case ValueChange::Target::Weight: doc_.network.weights[c.layer].at(c.row, c.col) = v; break;
            case ValueChange::Target::Bias: doc_.network.biases[c.layer][c.row] = v; break;
            case ValueChange::Target::Input: doc_.inputs.at(c.layer, c.col) = v; break;
            case ValueChange::Target::Activation:
                doc_.network.activations[c.layer] = static_cast<Activation>(static_cast<int>(v));
                break;
        }
        first_layer = std::min(first_layer, c.target == ValueChange::Target::Input ? 0 : c.layer);
    }
    // A single change is reported as that edit, so renderers update just it; several as a
    // whole-document change of values (the structure is the same).
    Edit edit;
    if (n == 1) {
        const ValueChange& c = step.values[0];
        switch (c.target) {
            case ValueChange::Target::Weight: edit = {Edit::Kind::Weight, c.layer, c.row, c.col}; break;
            case ValueChange::Target::Bias: edit = {Edit::Kind::Bias, c.layer, c.row, 0}; break;
            case ValueChange::Target::Input: edit = {Edit::Kind::Input, c.layer, 0, c.col}; break;
            case ValueChange::Target::Activation: edit = {Edit::Kind::Activation, c.layer, 0, 0}; break;
        }
    }
    recompute_from(first_layer, edit);
}

bool Session::undo() {
    history_.end_gesture();
    if (!history_.can_undo()) return false;
    EditStep step = history_.take_undo();
    apply_step(step, false);
    history_.push_redo(std::move(step));
    return true;
}

bool Session::redo() {
    history_.end_gesture();
    if (!history_.can_redo()) return false;
    EditStep step = history_.take_redo();
    apply_step(step, true);
    history_.push_undo(std::move(step));
    return true;
}

const std::string& Session::link() const {
    if (link_cache_revision_ != revision_) {
        link_encoder_.encode(doc_);
        link_cache_revision_ = revision_;
    }
    return link_encoder_.link();
}

std::string Session::state_json() const {
    StateExtras extras;
    extras.hash = "#" + link();
    extras.error = error_;
    extras.warnings = warnings_;
    return mlp::state_json(doc_, pass_, extras);
}

}  // namespace mlp
