// The colours of MLP Explorer, the one place they are written: the diagram's shaders get them as
// uniforms, the panels and overlays through ImGui. The sign pair is Okabe-Ito's colour-blind-safe
// orange and blue, used everywhere a sign is shown (edges, node fills, negative numbers).
#pragma once

#include <cstdint>

#include <imgui.h>

namespace app {

struct Colour {
    uint8_t r, g, b, a = 255;

    constexpr ImU32 u32() const { return IM_COL32(r, g, b, a); }
    constexpr Colour with_alpha(uint8_t alpha) const { return {r, g, b, alpha}; }
    ImVec4 vec4() const { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a / 255.0f); }
};

namespace palette {

constexpr Colour kPositive{0x00, 0x72, 0xB2};     // Okabe-Ito blue: positive weights and values
constexpr Colour kNegative{0xE6, 0x9F, 0x00};     // Okabe-Ito orange: negative weights and values
constexpr Colour kNegativeText{0xB0, 0x5A, 0x00}; // the orange darkened for text (4.5:1 on white)
constexpr Colour kClipped{0xD5, 0x5E, 0x00};      // Okabe-Ito vermillion: a ReLU clip, crossed out
constexpr Colour kZeroEdge{0x9A, 0xA1, 0xA9};     // a weight of exactly 0: dotted grey
constexpr Colour kInk{0x1F, 0x23, 0x28};          // text, node outlines, selection
constexpr Colour kMuted{0x65, 0x6D, 0x76};        // secondary text: headings, W labels
constexpr Colour kBackground{0xF7, 0xF7, 0xF5};   // the page (web/style.css) and the canvas
constexpr Colour kNodeFill{0xFF, 0xFF, 0xFF};     // a node whose value is 0
constexpr Colour kHighlight{0xF0, 0xE4, 0x42};    // Okabe-Ito yellow: what the user selected
constexpr Colour kWhite{0xFF, 0xFF, 0xFF};        // text on an ink button
// Exercise mode's marks, each with its own shape too (✓, ✗) so they read without colour.
constexpr Colour kRight = kPositive;              // a right answer: ✓ in blue
constexpr Colour kWrong = kClipped;               // a wrong answer: ✗ in vermillion

inline ImVec4 vec4(Colour c, float alpha = 1.0f) { return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha); }
inline ImU32 u32(Colour c, float alpha = 1.0f) { return ImGui::ColorConvertFloat4ToU32(vec4(c, alpha)); }

// The sign colour of a value (zero counts as positive: it draws nothing anyway).
inline Colour sign_colour(double v) { return v < 0 ? kNegative : kPositive; }

}  // namespace palette

}  // namespace app
