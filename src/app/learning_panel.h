// The Targets section of the sliders panel, after the inputs: what the outputs should be and how
// the network learns from them by hand.
//
//  - Without targets: no section, only "Add targets" at the end of the Inputs header's line
//    (targets of 0 for every sample and output node, one undo step), so a page without targets
//    keeps its layout.
//  - With targets: a slider per sample and output node laid out as the inputs are (rows: the
//    samples; columns: the output nodes), the loss (mse, ce, bce), the reduction (mean, sum),
//    the learning rate (typed, read as the link reads `lr`), "Step" (one step of gradient
//    descent, one undo step) with the loss before and after the last step beside it
//    ("L 1.104 → 0.873"), and "Remove targets" (one undo step).
//
// ui() names (ui_probe.h): "section:targets", "button:Add targets", "button:Remove targets",
// "slider:y1[2]" (the target of sample x1 for output node 2), "button:mse", "button:ce",
// "button:bce", "button:mean", "button:sum", "input:lr", "button:Step", "text:loss" (the line
// beside Step, as drawn).
#pragma once

#include <cstdint>

#include "app/ui_probe.h"
#include "app/view_state.h"
#include "core/document/session.h"
#include "core/formats/typed_number.h"

namespace app {

class LearningPanel {
public:
    // Draws the section into the current window (the sliders panel), when the document has
    // targets. touch: finger-sized sliders.
    void draw(mlp::Session& session, ViewState& view, UiProbe& probe, bool touch);
    // Without targets: "Add targets" on the line of the item before (the Inputs header, which
    // allows the overlap), at the right end. Nothing with targets.
    void draw_add_targets(mlp::Session& session, UiProbe& probe);

private:
    void draw_targets(mlp::Session& session, ViewState& view, UiProbe& probe);
    void draw_settings(mlp::Session& session, UiProbe& probe);
    void draw_step(mlp::Session& session, UiProbe& probe);

    double bound_ = 10.0;           // the target sliders' symmetric range, widened as needed
    uint64_t structure_seen_ = 0;   // a new document fits the range again
    bool touch_ = false;
    // The last Step: the loss before and after it, shown while the document is what it left.
    double loss_before_ = 0;
    uint64_t step_revision_ = 0;
    mlp::FieldMessage typed_message_;  // a target or learning rate typed and refused
};

}  // namespace app
