// Small ImGui widgets the panels share: buttons that are tab stops described for screen readers
// and recorded in the UI probe, a line of text in the probe, and placing items in a row that
// wraps on a narrow screen.
#pragma once

#include <string>

#include "app/palette.h"
#include "app/ui_probe.h"
#include "core/function_ref.h"

namespace app {

// The width of a button labelled `label` (text up to "##", and the frame's padding).
float button_width(const char* label);
// Places the next item of width w on this line, `spacing` after the previous one (-1: the
// style's), when it fits; else at the start of the next line. Call after the previous item.
void flow(float w, float spacing = -1.0f);
// A button; greyed out and inert when disabled. The probe names it "button:<probe>"; `name` is
// what a screen reader calls it (the probe name when none).
bool bar_button(const char* label, const char* probe_name, UiProbe& probe, bool enabled = true,
                const char* name = nullptr);
// An on/off button in the style of the segmented buttons (top_bar.h): ink when on. `name` is what
// a screen reader calls it.
bool toggle_button(const char* label, bool on, const std::string& probe_name, UiProbe& probe, const std::string& name);
// A section's header (Inputs, W3, Targets), folding it: a tab stop, named for the page by name().
// overlap: a button may sit on the header's line (drawn after it with SameLine).
bool section_header(const char* label, bool open_at_first, mlp::FunctionRef<std::string()> name,
                    bool overlap = false);
// A line of text (wrapped to the window when `wrap`), recorded in the probe as "text:<name>".
void bar_text(const std::string& text, Colour colour, const char* probe_name, UiProbe& probe, bool wrap = false);

}  // namespace app
