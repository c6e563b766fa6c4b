// The page's toolbar (web/page.js: undo, redo, presets and Reset, JSON export and import) seen
// from C++: the functions its buttons call are exported in editor_api.cpp, and this keeps the
// buttons' state (Undo and Redo disabled when there is nothing to undo or redo, what Reset goes
// back to) current.
#pragma once

namespace mlp {
class Session;
}

namespace platform {

// Every frame: tells the page when what its toolbar shows has changed.
void sync_toolbar(const mlp::Session& session);

}  // namespace platform
