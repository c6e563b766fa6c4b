// The colours that carry meaning, in one place: the sign of a value (a colour-blind-safe pair
// from the Okabe-Ito palette: orange for negative, blue for positive) and the highlight of what
// is selected. The diagram, the sliders and the worksheet all take them from here.
#pragma once

#include <cstdint>

#include <imgui.h>

namespace app {
namespace palette {

// 0xRRGGBB
constexpr uint32_t kNegative = 0xE69F00;        // Okabe-Ito orange: negative weights and values
constexpr uint32_t kNegativeStrong = 0xD55E00;  // Okabe-Ito vermillion: lines on light ground (strike-through)
constexpr uint32_t kPositive = 0x0072B2;        // Okabe-Ito blue: positive weights and values
constexpr uint32_t kHighlight = 0xF0E442;       // Okabe-Ito yellow: what the user selected
constexpr uint32_t kInk = 0x1F2328;             // text, and the frame around a highlighted item

inline ImVec4 vec4(uint32_t rgb, float alpha = 1.0f) {
    return ImVec4(((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f, (rgb & 0xFF) / 255.0f, alpha);
}
inline ImU32 u32(uint32_t rgb, float alpha = 1.0f) { return ImGui::ColorConvertFloat4ToU32(vec4(rgb, alpha)); }

// The sign colour of a value (zero counts as positive: it draws nothing anyway).
inline uint32_t sign_colour(double v) { return v < 0 ? kNegative : kPositive; }

}  // namespace palette
}  // namespace app
