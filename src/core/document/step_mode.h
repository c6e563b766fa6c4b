// The sliders' step mode follows the network. Integer steps suit the exercise, whose values are
// whole numbers; on a network with fractions (a random preset of real weights, an imported file,
// a link) a slider's drag in whole steps turns −0.27 into 0 at the first pixel. So:
//  - a network opened (a link, a file, a preset, or such an opening undone or redone) chooses
//    the mode: Integer when every weight, bias and input is a whole number, else Fine;
//  - an edit of the shape that brings fractions into a network of whole numbers (new layers or
//    nodes of random real weights) switches to Fine;
//  - otherwise the mode is the user's: typing 0.5 into a slider, or choosing a mode, is left
//    alone.
#pragma once

#include <cstdint>

#include "core/document/document.h"
#include "core/document/session.h"

namespace mlp {

// Whether every weight, bias and input of doc is a whole number.
bool has_only_whole_values(const Document& doc);

class StepModeFollower {
public:
    // Once per frame, before the sliders read the mode: sets *integer_steps when the network
    // chooses it (see above). Returns true when it set it.
    bool follow(const Session& session, bool* integer_steps);

private:
    uint64_t start_seen_ = 0;      // the session's start_revision() last seen
    uint64_t revision_seen_ = 0;   // its revision()
    uint64_t structure_seen_ = 0;  // its structure_revision()
    bool whole_ = true;            // the document had only whole values (as far as followed)
};

}  // namespace mlp
