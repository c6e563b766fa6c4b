// The look of the UI: a light theme that matches the page (web/style.css, #f7f7f5), with larger
// widgets on touch-sized layouts so a finger can hold a slider.
#pragma once

namespace app {

// Sets ImGui's style. touch: phone-sized layout, widgets sized for fingers. Cheap to call every
// frame; it rebuilds the style only when `touch` changes.
void apply_theme(bool touch);

// The colours of a button that is on (the sample shown, the step mode, the layer picked): ink
// ground, white text, also when hovered or pressed. Pop after the button.
void push_on_button_colours();
void pop_on_button_colours();

// Text in palette::kMuted: one line, or wrapped to the window.
void muted_text(const char* text);
void muted_text_wrapped(const char* text);

}  // namespace app
