// The page's link (issue 4, PRODUCT.md "The link"): the address bar's fragment opened at start
// and on hashchange, kept current while the user edits, and the session's messages mirrored into
// the page's banners. The decisions live in the core (document_loader.h, link_throttle.h); this
// file only connects them to the browser through web_page.h.
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
// edits go on, once more after they stop), and shows changed messages in the page.
void sync_page(const mlp::Session& session);

// Milliseconds until sync_page would write the link of the last edit (0: now), or -1 when the
// address bar already shows it: an idle page wakes then (frame_scheduler.h).
double link_write_due_in_ms(const mlp::Session& session);

// Copy link: writes the current link into the address bar now, and returns it with its '#'.
std::string share_link(const mlp::Session& session);

// Shows the session's error and warnings in the page if they changed since last shown.
void show_session_messages(const mlp::Session& session);

}  // namespace platform
