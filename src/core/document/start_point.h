// Where Reset goes back to: the document a session started from (a preset, an opened link or
// file), with a name for the Reset button ("the exercise", "XOR", "the opened link").
#pragma once

#include <memory>
#include <string>

#include "core/document/document.h"

namespace mlp {

struct StartPoint {
    std::string name;
    Document document;
};

// Shared and immutable: the session and the undo steps that cross a change of start point hold
// the same one, so keeping it costs a pointer per step.
using StartPointRef = std::shared_ptr<const StartPoint>;

}  // namespace mlp
