// Session (session.h).
//
// [SECTION] Value edits: one ValueChange each, applied, recorded and undone the same way
// [SECTION] The backward pass and gradient descent
// [SECTION] Documents, the hidden set, undo and redo, the link and state()
#include "core/session.h"

#include <algorithm>
#include <cmath>

#include "core/decode_result.h"
#include "core/default_network.h"
#include "core/document_text.h"
#include "core/exercise.h"
#include "core/limits.h"
#include "core/link_codec.h"
#include "core/number_text.h"
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

// ---------------------------------------------------------------------------------------------
// [SECTION] Value edits: one ValueChange each, applied, recorded and undone the same way
// ---------------------------------------------------------------------------------------------

namespace {

using Target = ValueChange::Target;

// Writes v (a change's `before` or `after`) where the change lands.
void write_value(Document* doc, const ValueChange& c, double v) {
    switch (c.target) {
        case Target::Weight: doc->network.weights[c.layer].at(c.row, c.col) = v; break;
        case Target::Bias: doc->network.biases[c.layer][c.row] = v; break;
        case Target::Input: doc->inputs.at(c.layer, c.col) = v; break;
        case Target::Activation: doc->network.activations[c.layer] = static_cast<Activation>(static_cast<int>(v)); break;
        case Target::TargetValue: doc->targets.at(c.layer, c.col) = v; break;
        case Target::Loss: doc->loss = static_cast<Loss>(static_cast<int>(v)); break;
        case Target::Reduction: doc->reduction = static_cast<Reduction>(static_cast<int>(v)); break;
        case Target::LearningRate: doc->learning_rate = v; break;
    }
}

// The first weight layer whose forward pass the change alters; `layers` (none) for targets and the
// loss settings, which only the loss and the gradients read.
int first_layer_changed(const ValueChange& c, int layers) {
    switch (c.target) {
        case Target::Weight:
        case Target::Bias:
        case Target::Activation: return c.layer;
        case Target::Input: return 0;
        default: return layers;
    }
}

Session::Edit edit_of(const ValueChange& c) {
    using Kind = Session::Edit::Kind;
    switch (c.target) {
        case Target::Weight: return {Kind::Weight, c.layer, c.row, c.col};
        case Target::Bias: return {Kind::Bias, c.layer, c.row, 0};
        case Target::Input: return {Kind::Input, c.layer, 0, c.col};
        case Target::Activation: return {Kind::Activation, c.layer, 0, 0};
        case Target::TargetValue: return {Kind::Target, c.layer, 0, c.col};
        default: return {Kind::Learning, 0, 0, 0};
    }
}

}  // namespace

void Session::recompute_from(int layer, Edit edit) {
    forward_pass(doc_.network, doc_.inputs, &pass_, layer);
    gradients_stale_ = true;
    last_edit_ = edit;
    ++revision_;
}

// One edit: `before` is the current value; nothing happens when the new one is the same.
void Session::set_value(Target target, int layer, int row, int col, double v) {
    ValueChange c{target, layer, row, col, 0.0, v};
    switch (target) {
        case Target::Weight: c.before = doc_.network.weights[layer].at(row, col); break;
        case Target::Bias: c.before = doc_.network.biases[layer][row]; break;
        case Target::Input: c.before = doc_.inputs.at(layer, col); break;
        case Target::Activation: c.before = static_cast<double>(doc_.network.activations[layer]); break;
        case Target::TargetValue: c.before = doc_.targets.at(layer, col); break;
        case Target::Loss: c.before = static_cast<double>(doc_.loss); break;
        case Target::Reduction: c.before = static_cast<double>(doc_.reduction); break;
        case Target::LearningRate: c.before = doc_.learning_rate; break;
    }
    if (c.before == c.after) return;
    history_.record_value(c);
    write_value(&doc_, c, c.after);
    const bool gradients_stale = gradients_stale_ || target != Target::LearningRate;
    recompute_from(first_layer_changed(c, doc_.network.weight_layers()), edit_of(c));
    gradients_stale_ = gradients_stale;  // a new learning rate changes no gradient, only the next step
}

void Session::set_weight(int layer, int row, int col, double v) {
    set_value(Target::Weight, layer, row, col, clamp_value(v));
}
void Session::set_bias(int layer, int row, double v) { set_value(Target::Bias, layer, row, 0, clamp_value(v)); }
void Session::set_input(int sample, int col, double v) { set_value(Target::Input, sample, 0, col, clamp_value(v)); }
void Session::set_activation(int layer, Activation act) {
    set_value(Target::Activation, layer, 0, 0, static_cast<double>(act));
}
void Session::set_target(int sample, int node, double v) {
    if (doc_.has_targets()) set_value(Target::TargetValue, sample, 0, node, clamp_value(v));
}
void Session::set_loss(Loss loss) { set_value(Target::Loss, 0, 0, 0, static_cast<double>(loss)); }
void Session::set_reduction(Reduction reduction) {
    set_value(Target::Reduction, 0, 0, 0, static_cast<double>(reduction));
}
void Session::set_learning_rate(double lr) {
    if (is_allowed_learning_rate(lr)) set_value(Target::LearningRate, 0, 0, 0, lr);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The backward pass and gradient descent
// ---------------------------------------------------------------------------------------------

const BackwardPass* Session::gradients() const {
    if (!doc_.has_targets()) return nullptr;
    if (gradients_stale_) {
        backward_pass(doc_, pass_, &gradients_);
        gradients_stale_ = false;
    }
    return &gradients_;
}

std::string check_step_count(double n) {
    if (n >= 1 && n <= kMaxStepsPerCall && n == std::floor(n)) return "";
    std::string got;
    if (std::isnan(n)) got = "not a number";
    else append_number(&got, n);
    return "step: n is " + got + "; expected a whole number from 1 to " + std::to_string(kMaxStepsPerCall);
}

std::string Session::step(int n) {
    std::string err = check_step_count(n);
    if (err.empty() && !doc_.has_targets()) err = "step: the network has no targets (y) to learn from";
    if (!err.empty()) return err;
    history_.end_gesture();
    std::vector<Matrix> weights = doc_.network.weights;
    std::vector<std::vector<double>> biases = doc_.network.biases;
    bool changed = false;
    for (int done = 0; done < n; ++done) {
        const BackwardPass& grad = *gradients();
        if (!is_finite(grad)) {
            err = "step: the gradient is not a finite number (the loss or a weight's gradient overflows)";
            if (done > 0) err += "; stopped after " + count_text(done, "step");
            break;
        }
        if (!gradient_step(grad, doc_.learning_rate, &doc_.network)) break;  // a minimum: every step alike
        forward_pass(doc_.network, doc_.inputs, &pass_);
        gradients_stale_ = true;
        changed = true;
    }
    if (changed) {
        history_.record_parameters(std::move(weights), std::move(biases));
        last_edit_ = Edit{};
        ++revision_;
    }
    return err;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Documents, the hidden set, undo and redo, the link and state()
// ---------------------------------------------------------------------------------------------

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
    gradients_stale_ = true;
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
    if (!error_.empty()) dismiss_error();
    document_changed();
    return "";
}

std::string Session::start_from(Document doc, std::string name, bool undoable) {
    auto start = std::make_shared<const StartPoint>(StartPoint{std::move(name), doc});
    std::string err = replace(std::move(doc), undoable);
    if (err.empty()) {
        start_ = std::move(start);  // after replace recorded the one before
        start_changed();
    }
    return err;
}

void Session::start_changed() {
    ++start_revision_;
    if (!warnings_.empty()) set_warnings({});
}

void Session::set_error(std::string message, std::string note) {
    error_ = std::move(message);
    error_note_ = error_.empty() ? std::string() : std::move(note);
    ++message_revision_;
}

void Session::refuse_opening(std::string message, std::string note) {
    warnings_.clear();
    set_error(std::move(message), std::move(note));
}

void Session::set_warnings(std::vector<std::string> warnings) {
    warnings_ = std::move(warnings);
    ++message_revision_;
}

void Session::dismiss_error() {
    error_.clear();
    error_note_.clear();
    ++message_revision_;
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
        if (start_ != step.start) start_changed();  // an opening undone or redone
        return;
    }
    if (step.has_hidden) {
        std::swap(doc_.hidden, step.hidden);
        hidden_changed();
        return;
    }
    if (step.has_parameters) {
        std::swap(doc_.network.weights, step.weights);
        std::swap(doc_.network.biases, step.biases);
        recompute_from(0, Edit{});
        return;
    }
    if (step.has_text) {
        std::swap(doc_.title, step.title);
        std::swap(doc_.note, step.note);
        text_changed();
        return;
    }
    const int layers = doc_.network.weight_layers();
    int first_layer = layers;
    bool gradients_stale = gradients_stale_;
    const size_t n = step.values.size();
    for (size_t k = 0; k < n; ++k) {
        const ValueChange& c = step.values[forward ? k : n - 1 - k];
        write_value(&doc_, c, forward ? c.after : c.before);
        first_layer = std::min(first_layer, first_layer_changed(c, layers));
        gradients_stale = gradients_stale || c.target != Target::LearningRate;
    }
    // A single change is reported as that edit, so renderers update just it; several as a
    // whole-document change of values (the structure is the same).
    recompute_from(first_layer, n == 1 ? edit_of(step.values[0]) : Edit{});
    gradients_stale_ = gradients_stale;
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
    return mlp::state_json(doc_, pass_, gradients(), extras);
}

}  // namespace mlp
