// The control that has the keyboard focus, described for assistive technology: what it is (a
// slider, a button...), its name, its value and its state, as the page's accessible mirror of
// the canvas shows them (web/page.js gives a DOM element these roles and ARIA attributes and the
// browser's focus, so a screen reader says "W1[1,1], slider, 0" and then "1" after a key).
//
// No ImGui here: the panels fill a description for their focused control (keyboard_nav.h), and
// this turns it into the JSON the page reads.
#pragma once

#include <string>

namespace app {

enum class ControlRole {
    None,          // nothing in the app has the keyboard focus
    Button,        // presses once
    ToggleButton,  // on or off (aria-pressed): a sample, a step mode, Exercise
    Checkbox,      // checked or not (aria-checked)
    Disclosure,    // opens or folds a section (aria-expanded): Network, Inputs, W3, Worksheet
    Slider,        // a number between min and max: a weight, a bias, an input value
    TextField,     // text being typed: a slider's typed value, an answer, the node count
    ComboBox,      // opens a list of choices (its value: the choice made)
    Tab,           // one of a set of panels (selected or not)
    Option,        // a choice in an open list (selected or not)
};

// The JSON name of a role ("slider", "toggle"...): web/page.js maps each to ARIA.
const char* role_name(ControlRole role);

struct ControlDescription {
    unsigned id = 0;        // the UI's own id of the control: another id is another control
    ControlRole role = ControlRole::None;
    std::string name;       // "W1[1,1]", "Sample x2", "Network"
    std::string value;      // the value as shown ("−5", "ReLU", what is typed), "" for none
    double number = 0.0;    // Slider: the value, and its range
    double min = 0.0, max = 0.0;
    bool state = false;     // pressed, checked, expanded or selected, by role
    bool disabled = false;  // shown but inert (a Reveal with nothing left to reveal)
    std::string hint;       // what it does or how to use it (the page's aria-describedby)

    bool operator==(const ControlDescription& o) const;
    bool operator!=(const ControlDescription& o) const { return !(*this == o); }
};

// A description of a control of `role` called `name`; state: pressed, checked, expanded or
// selected, by role.
ControlDescription describe_control(ControlRole role, std::string name, bool state = false, std::string hint = {});
// A drop-down list's box: its name, the choice it shows, whether its list is open.
ControlDescription combo_description(std::string name, std::string value, bool open, std::string hint = {});
// A choice in an open list.
ControlDescription option_description(std::string name, bool selected);

// {"id":…, "role":"slider", "name":"W1[1,1]", "value":"0", "number":0, "min":-10, "max":10,
//  "state":false, "disabled":false, "hint":"…"}; {"role":"none", …} when nothing is focused.
std::string control_json(const ControlDescription& d);

// The hint a slider's mirror gives: how the keys change it.
extern const char* const kSliderHint;
// The hint of a text field being typed in.
extern const char* const kTypingHint;

}  // namespace app
