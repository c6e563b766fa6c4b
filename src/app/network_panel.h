// The "Network" section at the head of the sliders panel: the shape as a row of layer chips
// (3 → 5 → 2 → …), and for the chip picked (or the layer of the node picked in the diagram) its
// node count (− / typed / +), inserting a layer before or after it (or an identity layer after
// it, which keeps the function), deleting it, its activation;
// then how new weights are filled (zeros, or seeded random whole or real numbers), the samples
// (add a copy of the one shown or zeros, remove the one shown) and the "Show biases" switch.
//
// Every change goes through core/document/document_edit.h, so it is one undo step, and a change the
// limits refuse leaves the network as it was and says which limit, here and in the page's banner.
//
// ui() names (ui_probe.h): "section:network", "chip:3" (layer 3; 0 = the inputs),
// "button:Remove node", "input:nodes", "button:Add node", "button:Delete layer",
// "button:Insert before", "button:Insert after", "button:Insert identity", "button:Zeros", "button:Random",
// "check:Whole numbers", "input:seed", "button:Copy sample", "button:Zero sample",
// "button:Remove sample", "check:Show biases", "combo:activation" (the picked layer's; see
// draw_activation_picker), "text:network message" (the last refusal).
#pragma once

#include <string>

#include "app/ui_probe.h"
#include "app/view_state.h"
#include "core/document/architecture.h"
#include "core/document/session.h"
#include "core/formats/typed_number.h"
#include "core/function_ref.h"

namespace app {

class NetworkPanel {
public:
    // Draws the section into the current window (the sliders panel's scroll region). It starts
    // open on a laptop and folded on a phone (touch), where it would push the sliders off screen.
    void draw(mlp::Session& session, ViewState& view, UiProbe& probe, bool touch);

private:
    void draw_chips(const mlp::Session& session, UiProbe& probe);
    void draw_layer_tools(mlp::Session& session, UiProbe& probe);
    void draw_new_weights(mlp::Session& session, UiProbe& probe);
    void draw_samples(mlp::Session& session, ViewState& view, UiProbe& probe);
    // Applies a shape change as one undo step; on refusal keeps its message to show here.
    bool edit(mlp::Session& session, mlp::FunctionRef<std::string(mlp::Document*)> change);
    // A typed node count or seed that cannot be used: said here and in the page's banner.
    void refuse(mlp::Session& session, std::string message, std::string note);

    int layer_ = 1;           // the layer the tools act on (0 = inputs)
    Selection selection_seen_;
    mlp::NewWeights fill_;    // how new weights are filled
    std::string message_;     // the last refusal, shown until the next change or its dismissal
    mlp::FieldMessage field_message_;  // a typed count or seed refused, in the page's banner
};

// The activation of weight layer l: a drop-down of the five, each choice one undo step. Used in
// the Network section ("combo:activation") and at the head of each weight layer's sliders
// ("combo:act.W3"); its list's entries are "option:ReLU", "option:sigmoid"...
void draw_activation_picker(int l, mlp::Session& session, UiProbe& probe, const char* probe_name);

}  // namespace app
