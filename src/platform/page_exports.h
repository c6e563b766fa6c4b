// Every function web/page.js calls in the wasm is exported from page_exports.cpp, and only there:
// window.mlpExplorer (docs/design.md, "JSON, and the page's script API"), the toolbar and its
// menus, the accessible mirror, and the diagnostics the tests and the bench read. (Every call the
// other way, from C++ into page.js, is in web_page.cpp.) tests/browser/bridge.test.js checks that
// every name page.js calls is exported.
#pragma once

namespace app {
class App;
}

namespace platform {

// The App the exported functions act on; null before main sets it (they then do nothing).
void set_page_target(app::App* app);
app::App* page_target();

}  // namespace platform
