// The worksheet's notation, the one place it is written: how values are named (W3[2,1], b3[2],
// x1[3], z3[2].x2) and the glyphs the page writes (→, ·, −, …). The sliders, the worksheet, the
// diagram's tooltips, exercise mode, the screen reader's text and the UI probe (whose item names
// the browser tests look up: "cell:W3[2,1]", "answer:z3[2].x2") all name things through it.
//
// Indices in are 0-based, as the code counts (weight layer l, node i, sample s); names out are
// 1-based, as on paper: weight layer l is W(l+1), whose rows are the nodes of layer l+1.
#pragma once

#include <string>

#include "core/exercise/hidden_value.h"

namespace mlp::notation {

// [SECTION] Glyphs, UTF-8. The page's font carries each (MLP_FONT_RANGES, cmake/web_app.cmake).
inline constexpr const char* kArrow = "\u2192";          // → a value becomes the next: z → ReLU → a
inline constexpr const char* kLeftArrow = "\u2190";      // ← the arrow keys, in hints
inline constexpr const char* kDot = "\u00B7";            // · a product (W·a), and a separator in lines
inline constexpr const char* kTimes = "\u00D7";          // × a matrix's size: 5×3
inline constexpr const char* kMinus = "\u2212";          // − the minus sign, on buttons and numbers
inline constexpr const char* kEllipsis = "\u2026";       // … a list cut short
inline constexpr const char* kEnDash = "\u2013";         // – a range: rows 1–4
inline constexpr const char* kOpenSection = "\u25BC";    // ▼ a section that is open
inline constexpr const char* kClosedSection = "\u25B6";  // ▶ a section that is closed
inline constexpr const char* kFoldUp = "\u25B2";         // ▲ a panel folded away, to unfold
inline constexpr const char* kRight = "\u2713";          // ✓ a right answer
inline constexpr const char* kWrong = "\u2717";          // ✗ a wrong answer
// The backward pass's glyphs: ∂L/∂w, δ (∂L/∂z of a node), Σ over samples, Wᵀ, f′(z).
inline constexpr const char* kPartial = "\u2202";        // ∂ a gradient: ∂L/∂z3
inline constexpr const char* kDelta = "\u03B4";          // δ the error signal ∂L/∂z
inline constexpr const char* kSum = "\u2211";            // ∑
inline constexpr const char* kTranspose = "\u1D40";      // ᵀ a transposed matrix: W3ᵀ
inline constexpr const char* kPrime = "\u2032";          // ′ a derivative: f′(z3)

// [SECTION] Names of values
// "[2]": node (or entry) i.
std::string index(int i);
// "x2": sample s.
std::string sample(int s);
// "x1[3]": input j of sample s.
std::string input(int s, int j);
// "W3": the matrix of weight layer l.
std::string weights(int l);
// "W3[2,1]": the weight of weight layer l into node `row` from node `col`.
std::string weight(int l, int row, int col);
// "b3[2]": the bias of node `row` of weight layer l.
std::string bias(int l, int row);
// "z" or "a"; for a backward value its name in the sheet's cells: "dz", "dw", "db", "newW", "newb".
const char* quantity(HiddenValue::Quantity q);
// "z3[2]": z or a of node `node` of weight layer l, of no sample in particular.
std::string node_value(HiddenValue::Quantity q, int l, int node);
// "z3[2].x2": one value of the forward pass, as the UI probe and the browser tests name it; a
// backward one as the backward sheet's cells are named: "dz3[2].x2", "dw3[2,1]", "db3[2]",
// "newW3[2,1]", "newb3[2]".
std::string value(const HiddenValue& h);
// How a person reads a hidden value's name (no sample): "z3[2]", "∂L/∂z3[2]", "∂L/∂W3[2,1]",
// "∂L/∂b3[2]", "new W3[2,1]", "new b3[2]".
std::string person_value(const HiddenValue& h);

}  // namespace mlp::notation
