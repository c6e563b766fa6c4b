// window.mlpExplorer's C side (docs/design.md, "JSON, and the page's script API"): functions exported from the
// wasm and wrapped in web/page.js.
#pragma once

namespace app {
class App;
}

namespace platform {

void set_script_api_target(app::App* app);
// The App the exported functions act on (editor_api.cpp's too); null before main sets it.
app::App* script_api_target();

}  // namespace platform
