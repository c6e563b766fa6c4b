// The UI font (DejaVu Sans, subset at build time and embedded in the wasm), rasterized for the
// screen's device pixel ratio so text stays sharp on high-DPI screens.
#pragma once

namespace app {

constexpr float kBaseFontSize = 15.0f;  // in CSS pixels

// (Re)builds ImGui's font atlas for `pixel_ratio` (device pixels per CSS pixel). Returns true
// when the atlas changed, so the renderer must upload a new font texture.
bool update_fonts_for_pixel_ratio(float pixel_ratio);

}  // namespace app
