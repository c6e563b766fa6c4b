// A slider for one number of the network (an input value or a weight), built from ImGui's own
// slider behaviour plus what the explorer needs and ImGui 1.86's SliderScalar does not do:
//
//  - Ctrl+click, double-click or Enter opens a text field to type an exact value (1.86 opens
//    it on Ctrl+click only; the double-click's first click, which moved the slider, is undone).
//    What is typed applies when typing ends (Enter, Tab, a click elsewhere), read as the link
//    reads numbers (core/formats/typed_number.h); text that is not such a number, or a value beyond the
//    limits, is refused with the reason and the value stays. Escape leaves the value as it was.
//    (ImGui's own field filters characters and applies each key: "3,5" became 35, "1e7" 1.)
//  - Left/Right arrows step the focused slider by one step (1, or 0.1 in fine mode; Shift: x10),
//    like an HTML range input. Up/Down, Tab and Shift+Tab move the focus. In 1.86 arrows
//    would only move the focus, and Tab would open the text field (and go forward only from an
//    open one: see keyboard_nav.h); here Tab just focuses, and Enter opens the text field.
//    Space still starts ImGui's own "tweak" mode (arrows change the value until Space again).
//  - The value is always shown exactly (up to 4 significant digits), whatever the step mode;
//    the mode only decides what a drag rounds to (whole numbers, or hundredths).
//  - A bar from zero to the value in the sign colour (palette.h), and a highlighted frame for
//    the selected weight; the name ("W3[2,1]") drawn inside the frame when there is room.
//  - Touch-sized layouts (options.touch): a press waits for the gesture. Sideways, it drags
//    the slider; up or down, it scrolls the panel (a phone's panel is mostly sliders, and ImGui
//    scrolls only by wheel or scrollbar); lifted without moving, it sets the value there.
#pragma once

#include <string>

namespace app {

struct ValueSliderOptions {
    double min = -10.0;
    double max = 10.0;
    bool integer_steps = true;  // a drag rounds to whole numbers (else to hundredths)
    bool highlighted = false;   // the selected weight: drawn with the highlight frame
    bool show_name = true;      // draw the name inside the frame when it fits
    bool touch = false;         // a press waits to see whether it drags or scrolls (see above)
};

// `name` ("W3[2,1]", "x2[1]") is the slider's ID within the current ID scope and its label.
// Uses the width of ImGui::SetNextItemWidth/PushItemWidth. Returns true when *value changed
// (drag, keys or typed text); the caller applies it through the session. When typed text was
// refused, *refused (if given) gets why, e.g. "\"3,5\" has a comma; ...", for the caller to show.
bool value_slider(const char* name, double* value, const ValueSliderOptions& options, std::string* refused = nullptr);

// Once per frame, before the panels: follows a touch press on a slider and decides, from how
// the finger moves, whether it drags the slider or scrolls the panel under it.
void update_touch_press();

// True when the last item has been hovered (not dragged) long enough to explain itself in a
// tooltip: tooltips that pop up at once would flicker over a matrix of sliders.
bool item_hovered_for_tooltip();
// How long that is. The main loop, idle while the pointer rests, wakes at this time to show it.
constexpr float kTooltipDelaySeconds = 0.45f;

}  // namespace app
