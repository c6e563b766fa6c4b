// The app's accessible mirror in the page (web/page.js), seen from C++: the focused control, a
// Tab that leaves the app, the outputs and the worksheet as text go to the page; the page says
// when the browser's focus comes into the app or leaves it.
#pragma once

namespace app {
class App;
}

namespace platform {

// Connects the app's mirror (App::PageMirror) to the page.
void connect_page_mirror(app::App& app);

}  // namespace platform
