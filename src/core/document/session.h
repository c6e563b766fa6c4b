// The document being explored, its forward pass kept current (and its backward pass, computed
// when asked for), and what the page reports about it (the last refused input, warnings). The UI
// and the page's script API both work through a Session; it has no platform code, so it is
// tested natively.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document/document.h"
#include "core/document/edit_history.h"
#include "core/document/start_point.h"
#include "core/formats/link_codec.h"
#include "core/model/backward_pass.h"
#include "core/model/forward_pass.h"
#include "core/training/data_set.h"
#include "core/training/training.h"

namespace mlp {

class Session {
public:
    Session();  // opens on the exercise (default_network.h)

    const Document& document() const { return doc_; }
    const Network& network() const { return doc_.network; }
    const ForwardPass& pass() const { return pass_; }
    int sample_count() const { return doc_.inputs.rows; }

    // Value edits. The value is clamped into the allowed range (limits.h) and non-finite values
    // are ignored, so an edit can never make the document invalid. Only the layers downstream
    // of the edit are recomputed.
    void set_weight(int layer, int row, int col, double v);
    void set_bias(int layer, int row, double v);
    void set_input(int sample, int col, double v);
    void set_activation(int layer, Activation act);
    // Targets and how the network learns (loss.h), as value edits too. set_target needs targets
    // (document().has_targets()); a learning rate that is not allowed is ignored.
    void set_target(int sample, int node, double v);
    // With a data set, a loss that needs another output layer (ce on a classification set: one
    // node per class) reshapes it as set_data does; ce on a regression set is refused (the
    // session's error says so).
    void set_loss(Loss loss);
    void set_reduction(Reduction reduction);
    void set_learning_rate(double lr);

    // The loss and every gradient of the current document (backward_pass.h), or null when it has
    // no targets. Computed when asked for, once per change: while nothing reads the gradients (no
    // worksheet or view of them, no state()), an edit costs the forward pass alone.
    const BackwardPass* gradients() const;

    // n steps of gradient descent (backward_pass.h), each from the gradients of the state before
    // it, as one undo step (undo returns every weight and bias exactly). "" when done; otherwise
    // why not: no targets, n outside 1..kMaxStepsPerCall (nothing changed), or a gradient that is
    // not finite (the steps before it are kept).
    std::string step(int n);

    // Training on a data set (data_set.h, training.h). The data set is made from the document's
    // settings when first asked for after they change; null without one.
    const DataSet* data_set() const;
    // The loss and accuracy on the train and test points, once per change; null without a data set.
    const TrainingMetrics* training_metrics() const;
    // window.mlpExplorer.points(): every point of the data set (data_set.h's points_json), "[]"
    // without one.
    std::string points_json() const;
    // A data set (or none), its features and settings: the input and output layers are reshaped
    // to fit, keeping the weights that do (data_fit.h's fit_to_data), as one undo step. "" or why
    // not, leaving the document as it was.
    std::string set_data(DataSettings data);
    // The training settings as value edits (one undo step each, or one per gesture); ignored
    // without a data set (the link has no place for them) or when the value is not allowed.
    void set_batch(int batch);
    void set_optimizer(Optimizer optimizer);
    void set_regularization(Regularization regularization);
    void set_regularization_rate(double rate);
    // `epochs` epochs of training (training.h) on the data set: the weights, biases and the epoch
    // count change, as one undo step (undo returns them exactly), or as part of the training run
    // open. The optimizer's moments carry over from the previous call while nothing else changed
    // the document; any other change (an edit, undo, a new document) starts them from zero. ""
    // when done; otherwise why not: epochs outside 1..kMaxEpochsPerCall, no data set or no train
    // points, the epoch count past kMaxEpoch (nothing changed), or a gradient that is not finite
    // (the epochs before it are kept).
    // An epoch a run left open (train_points) is finished first and counts as the first.
    std::string train(int epochs);
    // `points` points of training (at least 1) for the page's run, going on inside the epoch and
    // the batch the last call left open (Trainer::train_points): the weights change when a batch
    // ends, the epoch count when an epoch ends. "" or why not, as train's.
    std::string train_points(int64_t points);
    // Points one by one, and a file of them (points_file.h), as the custom data set: a generated
    // set becomes custom with the points it had (at most kMaxCustomPoints), no data set a custom
    // one. One undo step each; "" or why not, leaving the document as it was.
    std::string add_point(double x1, double x2, double target);
    std::string remove_point(int index);  // index into the custom points, from 0
    std::string import_points(std::string_view text);
    // The data set's point `index` (data_set().points) as sample `sample` of the worksheet: its
    // features as the sample's inputs and, when the document has targets as wide as the set's,
    // its target. One undo step; "" or why not, leaving the document as it was.
    std::string use_point_as_sample(int index, int sample);
    // A run (the page's Run until Pause): every train() and train_points() between these is one
    // undo step. The end finishes an epoch left open when nothing else changed the document
    // since: "" or why that epoch stopped (train's message).
    void begin_training_run();
    std::string end_training_run();
    bool in_training_run() const { return run_open_; }

    // The exercise's hidden values (exercise.h): what the learner is to compute by hand. Sorted
    // and checked (check_hidden); "" or why the set was refused, leaving the current one. One
    // undo step; moves revision() (the link carries the set) but not structure_revision().
    std::string set_hidden(std::vector<HiddenValue> hidden);
    const std::vector<HiddenValue>& hidden() const { return doc_.hidden; }

    // The title and note (document_text.h): checked, and "" or why they were refused, leaving the
    // current ones. One undo step; moves revision() (the link carries them), nothing else.
    std::string set_text(std::string title, std::string note);

    // Replaces the whole document (opening a link, importing a file, a preset, a shape change).
    // Returns "" on success; otherwise the document is left as it was and the message says why.
    // `undoable`: recorded as a step of the undo history (false for the page's first document).
    std::string replace(Document doc, bool undoable = true);

    // Replaces the document as replace does, and makes it the start point that reset() returns
    // to: a preset, an opened link or file. `name` says what it is ("the exercise", "XOR").
    // Undoing this step brings back the document and the start point before it.
    std::string start_from(Document doc, std::string name, bool undoable = true);
    const StartPoint& start_point() const { return *start_; }
    // Moves whenever the start point changes (a link, file or preset opened, or such an opening
    // undone or redone): what the view chose for the document opened may be chosen again.
    uint64_t start_revision() const { return start_revision_; }
    // Back to the start point's document, as an undoable step. False when already there.
    bool reset();

    // Undo and redo of every edit. Edits between begin_gesture and end_gesture (a whole slider
    // or edge drag) form one step.
    void begin_gesture() { history_.begin_gesture(); }
    void end_gesture() { history_.end_gesture(); }
    // The second click of a double-click: continues the gesture of the first (edit_history.h).
    void resume_gesture() { history_.resume_gesture(); }
    bool in_gesture() const { return history_.in_gesture(); }
    bool can_undo() const { return history_.can_undo(); }
    bool can_redo() const { return history_.can_redo(); }
    bool undo();
    bool redo();

    // Messages for the user and for state(): the last refused input (cleared by a successful
    // replace or by dismiss_error) with a note on what is shown instead ("The network shown is
    // the one from before."), and warnings about the last opened input. Warnings belong to the
    // opening they are about: opening another link, file or preset (start_from), a refused
    // opening (refuse_opening) and undoing or redoing an opening clear them.
    const std::string& error() const { return error_; }
    const std::string& error_note() const { return error_note_; }
    const std::vector<std::string>& warnings() const { return warnings_; }
    void set_error(std::string message, std::string note = {});
    // A link, file, text or preset that could not be opened: its error, the note, no warnings
    // (those of an earlier opening are not about this one).
    void refuse_opening(std::string message, std::string note);
    void set_warnings(std::vector<std::string> warnings);
    void dismiss_error();
    // Moves on every change of the error, its note or the warnings, also to the same text again,
    // so the page shows (and screen readers announce) a message that is given twice.
    uint64_t message_revision() const { return message_revision_; }

    // Counters that renderers and caches compare with what they last saw: `revision` moves on
    // every change, `structure_revision` only when the shape or sample count changes (buffers
    // must be rebuilt, not just refreshed).
    uint64_t revision() const { return revision_; }
    uint64_t structure_revision() const { return structure_revision_; }

    // The edit that made the current revision. A renderer that last saw revision() - 1 can update
    // only what it touched (one line of the diagram for a weight) instead of everything.
    struct Edit {
        // Document: anything at all (several values, a step of gradient descent, a new document).
        // Value: the one value `value` names (a weight, a target, the loss, a training setting...).
        // Hidden: the values exercise mode hides. Text: the title or note.
        enum class Kind { Document, Value, Hidden, Text };
        Kind kind = Kind::Document;
        ValueAddress value;  // with Kind::Value
    };
    const Edit& last_edit() const { return last_edit_; }

    // The link fragment of the current document, without '#'. Cached per revision, and encoded
    // again only where rows changed (LinkEncoder).
    const std::string& link() const;
    // window.mlpExplorer.state() as JSON text.
    std::string state_json() const;

private:
    void recompute_from(int layer, Edit edit);
    void set_value(const ValueAddress& at, ValueSetting v);
    void apply_step(EditStep& step, bool forward);
    void document_changed();
    void hidden_changed();
    void start_changed();
    void text_changed();

    Document doc_;
    StartPointRef start_;
    EditHistory history_;
    ForwardPass pass_;
    mutable BackwardPass gradients_;
    mutable bool gradients_stale_ = true;  // gradients_ is not of the current document
    mutable DataSet data_;                 // of data_.settings and data_.loss, when data_made_
    mutable bool data_made_ = false;
    mutable Trainer trainer_;              // its moments, and scratch space evaluate() uses
    std::string check_training(int64_t epochs) const;  // "" or why `epochs` epochs cannot train
    std::string train_checked(int64_t epochs, int64_t points);  // Trainer::train, or train_points when epochs < 0
    uint64_t trainer_revision_ = 0;        // the revision its moments belong to
    mutable TrainingMetrics metrics_;
    mutable uint64_t metrics_revision_ = 0;
    bool run_open_ = false;
    uint64_t run_revision_ = 0;  // the revision the open run's last train() left: its undo step is on top
    std::string error_;
    std::string error_note_;
    std::vector<std::string> warnings_;
    uint64_t message_revision_ = 1;
    uint64_t start_revision_ = 1;
    uint64_t revision_ = 1;
    uint64_t structure_revision_ = 1;
    Edit last_edit_;
    mutable LinkEncoder link_encoder_;
    mutable uint64_t link_cache_revision_ = 0;
};

// Clamps v into [-kMaxAbsValue, kMaxAbsValue]; NaN becomes 0.
double clamp_value(double v);

// "" when n is a number of steps step() takes (a whole number from 1 to kMaxStepsPerCall), else a
// message that says so: "step: n is 2.5; expected a whole number from 1 to 10000".
std::string check_step_count(double n);
// The same for train(n): "train: n is 0; expected a whole number from 1 to 10000".
std::string check_epoch_count(double n);

}  // namespace mlp
