// The session mirrored into the page around the canvas (web/page.js): the address bar's link
// (issue 4, docs/design.md "The link"), opened at start and on hashchange and kept current while
// the user edits; the session's error and warnings in the page's banners; Undo, Redo and Reset
// in its toolbar; the document's title and note above the diagram. The decisions live in the
// core (document_loader.h, link_throttle.h); this file only connects them to the browser through
// web_page.h.
#pragma once

#include <string>
#include <string_view>

namespace mlp {
class Session;
}

namespace platform {

// Before the first frame: opens the address bar's link, if there is one, so the first frame
// already shows it. A link that cannot be used leaves the exercise and shows why.
void open_start_link(mlp::Session& session);

// hashchange (a pasted link, back or forward): opens `fragment`; the address bar already shows
// it, so it is not written back.
void open_address_bar_link(mlp::Session& session, std::string_view fragment);

// Every frame: writes the current link into the address bar when due (at most every 250 ms while
// edits go on, once more after they stop; while a run trains, only while writes are cheap), and
// shows what changed in the banners and toolbar.
void sync_page(const mlp::Session& session, bool running = false);

// The tail of every command the page sends (page_exports.cpp): the banners and the toolbar are
// brought up to date at once, not at the next frame, so a script (or a fast second click) sees the
// page as it is. Only what changed since last shown is sent to the page.
void show_session(const mlp::Session& session);

// Milliseconds until sync_page would write the link of the last edit (0: now), or -1 when the
// address bar already shows it: an idle page wakes then (frame_scheduler.h).
double link_write_due_in_ms(const mlp::Session& session);

// Copy link: writes the current link into the address bar now, and returns it with its '#'.
std::string share_link(const mlp::Session& session);

}  // namespace platform
