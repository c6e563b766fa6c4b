// What the Data panel says of training, as text: its numbers on screen, and one sentence for the
// page's text form (screen readers hear the run as the canvas shows it). No ImGui here.
#pragma once

#include <string>

namespace mlp {
class Session;
struct TrainingMetrics;
}

namespace app {

// A loss as the panel shows it: "0.0050"; "-" when there is none (NaN: no test points).
std::string metric_loss_text(double v);
// A share as a percentage: "97.5%"; "-" when there is none (a regression set).
std::string percent_text(double v);

// "Training on circle, epoch 300: loss 0.0050 (train), 0.0085 (test); accuracy 100.0% (train),
// 100.0% (test)." Accuracy only for classification sets; "" without a data set. metrics: the
// figures shown (the Data panel's, computed as their cost allows during a run); null: the
// session's own.
std::string training_status_text(const mlp::Session& session, const mlp::TrainingMetrics* metrics = nullptr);

// A feature as the panel labels it: "x1", "x1²", "x1·x2", "sin x1" (index 0..mlp::kFeatureCount-1;
// the link's names are data_settings.h's feature_name).
const char* feature_label(int index);

// How near to a point a click or the plot's cross-hair must be to pick it (Remove, Use as
// sample), in units of x1 and x2: a few pixels of the plot.
constexpr double kPointReach = 0.35;

// The plot's cross-hair for the page's text form (it moves by the keyboard; data_panel.h):
// "Cross-hair at x1 = 1.5, x2 = −2. Nearest point: class 1, train, at x1 = 1.4, x2 = −2.1." or
// "... No point within reach." (a regression set says "target 0.25"); "" without a data set.
std::string plot_cursor_text(const mlp::Session& session, double x1, double x2);

}  // namespace app
