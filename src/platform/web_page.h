// The page around the canvas (web/page.js), seen from C++: the only place besides main_web.cpp
// that talks to JavaScript.
#pragma once

#include <string>
#include <vector>

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
// Replaces the address bar's fragment (history.replaceState: no new history entry, no
// hashchange). "" removes it.
void set_address_bar_fragment(const std::string& fragment);
// Shows the session's error (a dismissible alert; "" hides it) with its note (what is shown
// instead) and warnings (a quieter notice) in the page, as text. The same error again is
// announced again.
void show_messages(const std::string& error, const std::string& note, const std::vector<std::string>& warnings);
// Milliseconds from a fixed start (performance.now()).
double now_ms();

}  // namespace platform
