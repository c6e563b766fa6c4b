// Keeps what the user looks at valid for the document shown. After a new document or a change
// of shape (a preset, an opened link or file, a layer or sample added or removed, an undo of one):
// the sample shown stays within the samples, a selection that points nowhere is dropped, and the
// biases are shown when the document has any that are not zero (the exercise has none, so they
// stay out of the way until they matter; the user's own choice is kept otherwise). The sliders'
// step mode follows the network too (core/document/step_mode.h: fine steps for a network with fractions).
#pragma once

#include <cstdint>

#include "app/view_state.h"
#include "core/document/session.h"
#include "core/document/step_mode.h"

namespace app {

class ViewSync {
public:
    // Once per frame, before anything reads the view.
    void follow(const mlp::Session& session, ViewState& view);

private:
    uint64_t structure_seen_ = 0;
    mlp::StepModeFollower step_mode_;
};

// True when some bias of the network is not zero.
bool has_nonzero_bias(const mlp::Network& net);

}  // namespace app
