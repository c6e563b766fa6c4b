// The look of the UI: a light theme that matches the page (web/style.css, #f7f7f5), with larger
// widgets on touch-sized layouts so a finger can hold a slider.
#pragma once

#include <string>

struct ImGuiStyle;

namespace app {

// Sets ImGui's style. touch: phone-sized layout, widgets sized for fingers. Cheap to call every
// frame; it rebuilds the style only when `touch` changes.
void apply_theme(bool touch);
// The style apply_theme sets (for a context of its own: a picture, app/picture.h).
ImGuiStyle theme_style(bool touch);

// The colours of a button that is on (the sample shown, the step mode, the layer picked): ink
// ground, white text, also when hovered or pressed. Pop after the button.
void push_on_button_colours();
void pop_on_button_colours();

// Text wrapped to the window at spaces only (core/text/text_wrap.h: never inside a number, as
// ImGui::TextWrapped would after a '.'), as one item. Returns the lines drawn, joined by '\n'.
std::string text_wrapped(const char* text);
// `text` with line breaks where it wraps within `width` (for tooltips and bars).
std::string wrap_to_width(const char* text, float width);
// Text in palette::kMuted: one line, or wrapped to the window.
void muted_text(const char* text);
std::string muted_text_wrapped(const char* text);
// Muted text on the rest of the line when it fits there whole; false (and nothing drawn) if not.
bool muted_text_if_fits(const char* text);

}  // namespace app
