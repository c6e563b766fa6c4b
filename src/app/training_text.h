// What the Data panel says of training, as text: its numbers on screen, and one sentence for the
// page's text form (screen readers hear the run as the canvas shows it). No ImGui here.
#pragma once

#include <string>

namespace mlp {
class Session;
}

namespace app {

// A loss as the panel shows it: "0.0050"; "-" when there is none (NaN: no test points).
std::string metric_loss_text(double v);
// A share as a percentage: "97.5%"; "-" when there is none (a regression set).
std::string percent_text(double v);

// "Training on circle, epoch 300: loss 0.0050 (train), 0.0085 (test); accuracy 100.0% (train),
// 100.0% (test)." Accuracy only for classification sets; "" without a data set.
std::string training_status_text(const mlp::Session& session);

}  // namespace app
