// The page around the canvas (web/page.js), seen from C++: every call from C++ into page.js is
// in web_page.cpp (and every call the other way in page_exports.cpp). Texts cross as UTF-8 and
// are put into the page with DOM calls (textContent, setAttribute), never parsed as HTML.
#pragma once

#include <string>
#include <vector>

namespace app {
class App;
}

namespace platform {

// The first frame is drawn: hide the loading indicator, mark the page ready for scripts.
void page_ready();
// The app cannot run (no WebGL2, say): show `message` in the page instead of the canvas.
void page_fail(const std::string& message);
// Mirrors `text` (the diagram's tooltip, say) into the page's visually hidden aria-live region,
// so screen readers announce what sighted users see; "" empties it. Set as text, never as HTML.
void announce(const std::string& text);
// Device pixels per CSS pixel (window.devicePixelRatio).
float device_pixel_ratio();

// The address bar's fragment (location.hash, with its '#'; "" when there is none).
std::string address_bar_fragment();
// Chromium opens an address of at most 2 MiB (url::kMaxURLChars): 2,097,152 characters, origin,
// path and fragment together, as measured in Debian's Chromium (one character more and the
// navigation is aborted; history.replaceState takes a longer one without a word, and a reload
// then drops its fragment). docs/link-format.md says so for people.
constexpr double kMaxAddressChars = 2.0 * 1024 * 1024;

// Shows `fragment` (the link, without '#') in the address bar (history.replaceState: no new
// history entry, no hashchange) when the whole address stays within kMaxAddressChars. A longer
// one cannot be opened from an address: the address bar then shows the page without a fragment,
// the link is kept in the tab's sessionStorage so a reload brings the network back (kept_link),
// and the page says so, offering JSON export.
void set_address_bar_link(const std::string& fragment);
// The link set_address_bar_link kept because it was too long for an address, when this page
// load is a reload (or back and forward) of the tab that kept it; else "" (and it is forgotten).
std::string kept_link();
void forget_kept_link();
// Shows the session's error (a dismissible alert; "" hides it) with its note (what is shown
// instead) and warnings (a quieter notice) in the page, as text. The same error again is
// announced again.
void show_messages(const std::string& error, const std::string& note, const std::vector<std::string>& warnings);
// Milliseconds from a fixed start (performance.now()).
double now_ms();

// The toolbar: Undo and Redo enabled or not, the name of what Reset goes back to.
void show_toolbar_state(bool can_undo, bool can_redo, const std::string& start_name);
// The document's title and note, shown above the diagram and in the tab's title.
void show_document_text(const std::string& title, const std::string& note);

// Connects the app's accessible mirror (App::PageMirror) to the page: the focused control, a Tab
// that leaves the app, the outputs and status, and the worksheet as tables go to the page's DOM.
void connect_page_mirror(app::App& app);

// The device pixel ratio changes without a resize when the window moves to another screen: the
// page then wakes the app (mlp_request_frames), which takes the new ratio.
void watch_pixel_ratio();

}  // namespace platform
