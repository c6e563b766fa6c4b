// The page's toolbar (web/page.js: undo, redo, presets and Reset, the title and note, JSON export
// and import, the picture) seen from C++: the functions its buttons call are exported in
// editor_api.cpp, and this keeps what the page shows (Undo and Redo disabled when there is nothing
// to undo or redo, what Reset goes back to, the document's title and note) current.
#pragma once

namespace mlp {
class Session;
}

namespace platform {

// Every frame: tells the page when what its toolbar (or the title and note) shows has changed.
void sync_toolbar(const mlp::Session& session);

}  // namespace platform
