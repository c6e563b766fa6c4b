// ImGui's built-in font (ProggyClean, 12 kB of base85 in imgui_draw.cpp) left out of the page.
//
// ImFontAtlas::Build() adds it when no font was added, so it was linked although the page never
// shows it: update_fonts_for_pixel_ratio (fonts.cpp) adds DejaVu Sans before every build. The page's
// link passes -Wl,--wrap for ImFontAtlas::AddFontDefault (cmake/web_app.cmake), which makes every
// call to it, Build()'s included, call this function instead; the original and its font data are
// then unreferenced and dropped. Returning no font is what AddFontDefault does when it fails.
#include <imgui.h>

extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas* atlas,
                                                                           const ImFontConfig* config) {
    (void)atlas;
    (void)config;
    return nullptr;
}
