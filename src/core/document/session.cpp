// Session (session.h).
//
// [SECTION] Value edits: one ValueChange each, applied, recorded and undone the same way
// [SECTION] The backward pass and gradient descent
// [SECTION] Training on a data set
// [SECTION] Documents, the hidden set, undo and redo, the link and state()
#include "core/document/session.h"

#include <algorithm>
#include <cmath>

#include "core/document/default_network.h"
#include "core/exercise/exercise.h"
#include "core/formats/decode_result.h"
#include "core/formats/document_text.h"
#include "core/formats/link_codec.h"
#include "core/formats/number_text.h"
#include "core/formats/points_file.h"
#include "core/formats/state_json.h"
#include "core/limits.h"
#include "core/training/data_fit.h"

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

using K = ValueKind;

template <class Enum>
Enum choice_of(const ValueSetting& v) {
    return static_cast<Enum>(v.choice);
}

// Writes v (a change's `before` or `after`) where the change lands.
void write_value(Document* doc, const ValueAddress& at, const ValueSetting& v) {
    switch (at.kind) {
        case K::Weight: doc->network.weights[at.layer].at(at.row, at.col) = v.number; break;
        case K::Bias: doc->network.biases[at.layer][at.row] = v.number; break;
        case K::Input: doc->inputs.at(at.sample, at.col) = v.number; break;
        case K::Target: doc->targets.at(at.sample, at.col) = v.number; break;
        case K::Activation: doc->network.activations[at.layer] = choice_of<Activation>(v); break;
        case K::Loss: doc->loss = choice_of<Loss>(v); break;
        case K::Reduction: doc->reduction = choice_of<Reduction>(v); break;
        case K::LearningRate: doc->learning_rate = v.number; break;
        case K::Batch: doc->training.batch = static_cast<int>(v.number); break;
        case K::Optimizer: doc->training.optimizer = choice_of<Optimizer>(v); break;
        case K::Regularization: doc->training.regularization = choice_of<Regularization>(v); break;
        case K::RegularizationRate: doc->training.regularization_rate = v.number; break;
    }
}

// What the value at `at` is set to now.
ValueSetting read_value(const Document& doc, const ValueAddress& at) {
    switch (at.kind) {
        case K::Weight: return number_setting(doc.network.weights[at.layer].at(at.row, at.col));
        case K::Bias: return number_setting(doc.network.biases[at.layer][at.row]);
        case K::Input: return number_setting(doc.inputs.at(at.sample, at.col));
        case K::Target: return number_setting(doc.targets.at(at.sample, at.col));
        case K::Activation: return choice_setting(doc.network.activations[at.layer]);
        case K::Loss: return choice_setting(doc.loss);
        case K::Reduction: return choice_setting(doc.reduction);
        case K::LearningRate: return number_setting(doc.learning_rate);
        case K::Batch: return number_setting(doc.training.batch);
        case K::Optimizer: return choice_setting(doc.training.optimizer);
        case K::Regularization: return choice_setting(doc.training.regularization);
        case K::RegularizationRate: return number_setting(doc.training.regularization_rate);
    }
    return {};
}

// Settings that change how the next step or epoch goes, but no gradient of the current state.
bool changes_no_gradient(ValueKind kind) {
    return kind == K::LearningRate || kind == K::Batch || kind == K::Optimizer || kind == K::Regularization ||
           kind == K::RegularizationRate;
}

// The first weight layer whose forward pass the change alters; `layers` (none) for targets and the
// loss settings, which only the loss and the gradients read.
int first_layer_changed(const ValueAddress& at, int layers) {
    switch (at.kind) {
        case K::Weight:
        case K::Bias:
        case K::Activation: return at.layer;
        case K::Input: return 0;
        default: return layers;
    }
}

Session::Edit value_edit(const ValueAddress& at) { return {Session::Edit::Kind::Value, at}; }

}  // namespace

void Session::recompute_from(int layer, Edit edit) {
    forward_pass(doc_.network, doc_.inputs, &pass_, layer);
    gradients_stale_ = true;
    last_edit_ = edit;
    ++revision_;
}

// One edit: `before` is the current value; nothing happens when the new one is the same.
void Session::set_value(const ValueAddress& at, ValueSetting v) {
    const ValueChange c{at, read_value(doc_, at), v};
    if (c.before == c.after) return;
    history_.record_value(c);
    write_value(&doc_, at, c.after);
    const bool gradients_stale = gradients_stale_ || !changes_no_gradient(at.kind);
    recompute_from(first_layer_changed(at, doc_.network.weight_layers()), value_edit(at));
    gradients_stale_ = gradients_stale;  // a new learning rate changes no gradient, only the next step
}

void Session::set_weight(int layer, int row, int col, double v) {
    set_value({K::Weight, layer, 0, row, col}, number_setting(clamp_value(v)));
}
void Session::set_bias(int layer, int row, double v) { set_value({K::Bias, layer, 0, row, 0}, number_setting(clamp_value(v))); }
void Session::set_input(int sample, int col, double v) { set_value({K::Input, 0, sample, 0, col}, number_setting(clamp_value(v))); }
void Session::set_activation(int layer, Activation act) {
    set_value({K::Activation, layer, 0, 0, 0}, choice_setting(act));
}
void Session::set_target(int sample, int node, double v) {
    if (doc_.has_targets()) set_value({K::Target, 0, sample, 0, node}, number_setting(clamp_value(v)));
}
void Session::set_loss(Loss loss) {
    if (doc_.data.has_data() && loss != doc_.loss) {
        // ce on a classification set needs one output per class: the network is reshaped.
        Document doc = doc_;
        std::string err = fit_to_data(&doc, doc_.data, loss);
        if (err.empty() && doc.network.shape != doc_.network.shape) err = replace(std::move(doc));
        if (!err.empty() || doc_.loss == loss) {
            if (!err.empty()) set_error(std::move(err));
            return;
        }
    }
    set_value({K::Loss}, choice_setting(loss));
}
void Session::set_reduction(Reduction reduction) {
    set_value({K::Reduction}, choice_setting(reduction));
}
void Session::set_learning_rate(double lr) {
    if (is_allowed_learning_rate(lr)) set_value({K::LearningRate}, number_setting(lr));
}
void Session::set_batch(int batch) {
    if (doc_.data.has_data() && batch >= 1 && batch <= kMaxBatch) set_value({K::Batch}, number_setting(batch));
}
void Session::set_optimizer(Optimizer optimizer) {
    if (doc_.data.has_data()) set_value({K::Optimizer}, choice_setting(optimizer));
}
void Session::set_regularization(Regularization regularization) {
    if (doc_.data.has_data()) set_value({K::Regularization}, choice_setting(regularization));
}
void Session::set_regularization_rate(double rate) {
    if (doc_.data.has_data() && is_allowed_regularization_rate(rate))
        set_value({K::RegularizationRate}, number_setting(rate));
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

// "step: n is 2.5; expected a whole number from 1 to 10000" for a count outside 1..max.
static std::string check_call_count(const char* call, double n, int max) {
    if (n >= 1 && n <= max && n == std::floor(n)) return "";
    std::string got;
    if (std::isnan(n)) got = "not a number";
    else append_number(&got, n);
    return std::string(call) + ": n is " + got + "; expected a whole number from 1 to " + std::to_string(max);
}

std::string check_step_count(double n) { return check_call_count("step", n, kMaxStepsPerCall); }
std::string check_epoch_count(double n) { return check_call_count("train", n, kMaxEpochsPerCall); }

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
        history_.record_parameters(std::move(weights), std::move(biases), doc_.training.epoch);
        last_edit_ = Edit{};
        ++revision_;
    }
    return err;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Training on a data set
// ---------------------------------------------------------------------------------------------

const DataSet* Session::data_set() const {
    if (!doc_.data.has_data()) return nullptr;
    if (!data_made_ || data_.loss != doc_.loss || !(data_.settings == doc_.data)) {
        make_data_set(doc_.data, doc_.loss, &data_);
        data_made_ = true;
    }
    return &data_;
}

const TrainingMetrics* Session::training_metrics() const {
    const DataSet* data = data_set();
    if (!data) return nullptr;
    if (metrics_revision_ != revision_) {
        trainer_.evaluate(doc_, *data, &metrics_);
        metrics_revision_ = revision_;
    }
    return &metrics_;
}

std::string Session::points_json() const {
    const DataSet* data = data_set();
    return data ? mlp::points_json(*data) : "[]";
}

std::string Session::set_data(DataSettings data) {
    if (!data.has_data()) data = DataSettings();  // no data set: no settings of one either
    std::string err = check_data_settings(data, data.has_data() ? doc_.training : TrainingSettings());
    if (!err.empty()) return err;
    Document doc = doc_;
    err = fit_to_data(&doc, std::move(data), doc_.loss);
    if (!err.empty()) return err;
    if (doc == doc_) return "";
    return replace(std::move(doc));
}

std::string Session::check_training(int64_t epochs) const {
    const DataSet* data = data_set();
    if (!data) return "train: there is no data set (data) to train on";
    if (data->train_rows.empty()) return "train: the data set has no train points";
    if (doc_.training.epoch + epochs > kMaxEpoch) return "train: the epoch count would pass " + std::to_string(kMaxEpoch);
    return "";
}

std::string Session::train(int epochs) {
    std::string err = check_epoch_count(epochs);
    if (err.empty()) err = check_training(epochs);
    return err.empty() ? train_checked(epochs, -1) : err;
}

std::string Session::train_points(int64_t points) {
    const std::string err = check_training(1);
    return err.empty() ? train_checked(-1, points) : err;
}

std::string Session::train_checked(int64_t epochs, int64_t points) {
    const DataSet* data = data_set();
    history_.end_gesture();
    if (trainer_revision_ != revision_) trainer_.reset();  // the document changed since: new moments
    // A run's steps after its first are already in the undo step the first one recorded.
    const bool record = !(run_open_ && run_revision_ == revision_);
    std::vector<Matrix> weights;
    std::vector<std::vector<double>> biases;
    if (record) {
        weights = doc_.network.weights;
        biases = doc_.network.biases;
    }
    const int64_t epoch_before = doc_.training.epoch, steps_before = trainer_.steps_taken();
    // The weights change with every step, without the epoch count inside an epoch; a call that
    // ends inside its first batch changes nothing (the batch's gradient so far is the Trainer's).
    const std::string err = epochs >= 0 ? trainer_.train(&doc_, *data, static_cast<int>(epochs))
                                        : trainer_.train_points(&doc_, *data, points);
    const bool changed = doc_.training.epoch != epoch_before || trainer_.steps_taken() != steps_before;
    if (changed) {
        if (record) history_.record_parameters(std::move(weights), std::move(biases), epoch_before);
        forward_pass(doc_.network, doc_.inputs, &pass_);
        gradients_stale_ = true;
        last_edit_ = Edit{};
        ++revision_;
    }
    trainer_revision_ = revision_;
    // Only a call that changed the weights recorded the run's undo step (a call inside the first
    // batch records nothing): until one has, the next still records it.
    if (run_open_ && changed) run_revision_ = revision_;
    return err;
}

std::string Session::add_point(double x1, double x2, double target) {
    if (!is_allowed_value(x1) || !is_allowed_value(x2) || !is_allowed_value(target))
        return std::string("add point: expected x1, x2 and target each ") + kAllowedValueText;
    DataSettings data = doc_.data;
    if (data.kind != DataKind::Custom) {
        const DataSet* set = data_set();
        data.custom = set ? set->points : std::vector<DataPoint>();
        data.kind = DataKind::Custom;
    }
    if (data.custom.size() >= static_cast<size_t>(kMaxCustomPoints))
        return "add point: the data set has " + std::to_string(data.custom.size()) + " points; at most " +
               std::to_string(kMaxCustomPoints) + " custom points are allowed";
    data.custom.push_back({x1, x2, target});
    return set_data(std::move(data));
}

std::string Session::remove_point(int index) {
    if (doc_.data.kind != DataKind::Custom || index < 0 || index >= static_cast<int>(doc_.data.custom.size()))
        return "remove point: there is no custom point " + std::to_string(index + 1);
    DataSettings data = doc_.data;
    data.custom.erase(data.custom.begin() + index);
    return set_data(std::move(data));
}

std::string Session::import_points(std::string_view text) {
    DataSettings data = doc_.data;
    std::string err = parse_points_file(text, &data.custom);
    if (!err.empty()) return err;
    data.kind = DataKind::Custom;
    return set_data(std::move(data));
}

std::string Session::use_point_as_sample(int index, int sample) {
    const DataSet* data = data_set();
    if (!data || index < 0 || index >= data->size())
        return "use as sample: there is no point " + std::to_string(index + 1) + " in the data set";
    if (sample < 0 || sample >= doc_.inputs.rows)
        return "use as sample: there is no sample " + std::to_string(sample + 1);
    if (data->inputs.cols != doc_.inputs.cols)
        return "use as sample: the point has " + std::to_string(data->inputs.cols) + " features; the network takes " +
               std::to_string(doc_.inputs.cols) + " inputs";
    Document doc = doc_;
    // A feature such as x1² of a point far out is beyond what a sample may be (limits.h).
    for (int j = 0; j < doc.inputs.cols; ++j)
        doc.inputs.at(sample, j) = std::clamp(data->inputs.at(index, j), -kMaxAbsValue, kMaxAbsValue);
    if (doc.has_targets() && doc.targets.cols == data->targets.cols)
        for (int j = 0; j < doc.targets.cols; ++j)
            doc.targets.at(sample, j) = std::clamp(data->targets.at(index, j), -kMaxAbsValue, kMaxAbsValue);
    if (doc == doc_) return "";
    return replace(std::move(doc));
}

void Session::begin_training_run() {
    history_.end_gesture();
    run_open_ = true;
    run_revision_ = 0;  // the first train() of the run records its undo step
}

std::string Session::end_training_run() {
    std::string err;
    // The run's last epoch is finished (while nothing else changed the document since), so that
    // the weights are those of a whole number of epochs: the link then gives them back.
    if (run_open_ && trainer_.epoch_open() && trainer_revision_ == revision_) err = train_checked(1, -1);
    run_open_ = false;
    return err;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Documents, the hidden set, undo and redo, the link and state()
// ---------------------------------------------------------------------------------------------

std::string Session::set_hidden(std::vector<HiddenValue> hidden) {
    std::sort(hidden.begin(), hidden.end());
    hidden.erase(std::unique(hidden.begin(), hidden.end()), hidden.end());
    std::string err = check_hidden(hidden, doc_.network.shape, doc_.inputs.rows, doc_.has_targets());
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
    last_edit_ = {Edit::Kind::Text, {}};
    ++revision_;
}

void Session::hidden_changed() {
    last_edit_ = {Edit::Kind::Hidden, {}};
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
        std::swap(doc_.training.epoch, step.epoch);
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
        write_value(&doc_, c.at, forward ? c.after : c.before);
        first_layer = std::min(first_layer, first_layer_changed(c.at, layers));
        gradients_stale = gradients_stale || !changes_no_gradient(c.at.kind);
    }
    // A single change is reported as that edit, so renderers update just it; several as a
    // whole-document change of values (the structure is the same).
    recompute_from(first_layer, n == 1 ? value_edit(step.values[0].at) : Edit{});
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
    extras.training = training_metrics();
    return mlp::state_json(doc_, pass_, gradients(), extras);
}

}  // namespace mlp
