// The Data panel: training on a data set (docs/training.md). From the top: the data set and Import
// points (a CSV or JSON file of points, through the page's file picker), the plot of the input
// plane (the network's prediction over it, the points on top, a click adds or removes a point or
// puts it into the worksheet as the sample shown; the sample shown is marked on it,
// sample_marker.h), Run / Pause and Step epoch with the epoch count, the train and test loss and
// accuracy, the loss chart, then the data's settings (noise, points, seed, test share, features)
// and the training's (batch, learning rate, optimizer, regularization and its rate).
//
// The plot is a tab stop: focused, it shows a cross-hair that the arrows move (Shift: finer),
// Enter does there what a click does, Shift+Enter with the other class, Delete removes the point
// nearest to it; the page's text form says where it is (plot_text).
//
// Run trains a number of batches every frame, as many as fit the frame's training budget
// (training_pace.h; an epoch of a big network spans frames, and Pause finishes it), and keeps the
// page running frames until Pause; the whole run is one undo step (Session::begin_training_run).
// Any other edit of the document (a slider, undo, a link opened) ends the run. The loss and
// accuracy are a pass over every point (500 forward passes: at a million weights, more than an
// epoch's batches in a frame), so during a run they are computed again as often as their cost
// allows (picture_schedule.h), like the plot.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "app/loss_history.h"
#include "app/picture_schedule.h"
#include "app/plane_pictures.h"
#include "app/plot_points.h"
#include "app/training_pace.h"
#include "app/ui_probe.h"
#include "core/document/session.h"
#include "core/training/training.h"

namespace app {

class DataPanel {
public:
    // The run's training for this frame: call once a frame before anything draws the document.
    // now_ms: the frame's time; reserved_ms: what the frame's picture takes of the training
    // budget (plane_pictures.h).
    void train_frame(mlp::Session& session, double now_ms, double reserved_ms = 0.0);
    // The loss and accuracy shown (the panel, the page's text form): the session's own, or during
    // a run the last ones computed. Null without a data set.
    const mlp::TrainingMetrics* shown_metrics(const mlp::Session& session) const;
    // Draws the panel into the current window; the plot from `pictures`. touch: sized for fingers.
    // sample: the sample the diagram and worksheet show (Use as sample replaces it).
    void draw(mlp::Session& session, int sample, PlanePictures& pictures, UiProbe& probe, bool touch);
    // Whether Import points was pressed since the last call: the page then opens its file picker.
    bool take_points_file_request() { return std::exchange(points_file_request_, false); }
    // Whether Use as sample put a point into the worksheet since the last call: a phone then
    // shows the Worksheet tab (the panel's tabs hide the sample's column while Data is shown).
    bool take_sample_used() { return std::exchange(sample_used_, false); }
    // The cross-hair for the page's text form while the plot has the keyboard focus, else "".
    const std::string& plot_text() const { return plot_text_; }
    // Whether the page must keep running frames (a run is on).
    bool running() const { return running_; }
    // For a lost WebGL context: the plot's points' texture is made again on the next draw.
    void release_gl_objects() { plot_points_.release_gl_objects(); }

private:
    void start_run(mlp::Session& session);
    void update_run_metrics(const mlp::Session& session, double now_ms);
    double metrics_reserved_ms(double now_ms) const;  // what they take of the frame's training budget
    void stop_run(mlp::Session& session);
    void draw_data_choice(mlp::Session& session, UiProbe& probe);
    void draw_plot(mlp::Session& session, int sample, PlanePictures& pictures, UiProbe& probe, float side);
    void plot_keys(mlp::Session& session, int sample);
    void draw_run_controls(mlp::Session& session, UiProbe& probe);
    void draw_metrics(const mlp::Session& session, UiProbe& probe);
    void draw_chart(float width, float height);
    void draw_data_settings(mlp::Session& session, UiProbe& probe);
    void draw_training_settings(mlp::Session& session, UiProbe& probe);
    void click_plot(mlp::Session& session, int sample, double x1, double x2, bool other_class);
    void set_data(mlp::Session& session, const mlp::DataSettings& data);

    bool running_ = false;
    uint64_t run_revision_ = 0;  // the session's revision after the run's last train()
    TrainingPace pace_;
    // A run's loss and accuracy: computed in parts (kPictureSliceMs a frame) as often as their cost
    // allows; the ones shown, and the evaluation under way (the revision and epoch it is of, when
    // it began, its time so far).
    PictureSchedule metrics_schedule_;
    bool has_run_metrics_ = false;
    mlp::TrainingMetrics run_metrics_;
    uint64_t run_metrics_revision_ = 0;
    int64_t run_metrics_epoch_ = 0;
    mlp::EvaluationInParts evaluation_;
    uint64_t evaluation_revision_ = 0;
    int64_t evaluation_epoch_ = 0;
    double evaluation_started_ms_ = 0.0, evaluation_ms_ = 0.0;
    LossHistory history_;
    uint64_t history_revision_ = 0;
    PlotPoints plot_points_;
    int click_mode_ = 0;    // a click in the plot: 0 adds class 1, 1 adds class 0, 2 removes, 3 uses as sample
    bool points_file_request_ = false;
    bool sample_used_ = false;
    double cursor_x1_ = 0, cursor_x2_ = 0;  // the keyboard's cross-hair in the plot
    std::string plot_text_;
    std::string message_;   // why the last action was refused, or why a run stopped
};

}  // namespace app
