// A change of the whole document made in the editor (architecture.h: a layer added or removed,
// a layer resized, a sample added or removed) applied to the session as one undoable step.
#pragma once

#include <string>

#include "core/document/document.h"
#include "core/document/session.h"
#include "core/function_ref.h"

namespace mlp {

// Said under a refused edit's message in the page.
constexpr const char* kUnchangedNote = "The network is unchanged.";

// Runs `edit` on a copy of the session's document. When it succeeds the copy replaces the
// document (an undo step, the start point unchanged). When it refuses, the document stays as it
// was and the session's error says why: the limit reached, in the edit's own words, so the page
// shows it. Returns true when the document changed.
bool edit_document(Session* session, FunctionRef<std::string(Document*)> edit);

}  // namespace mlp
