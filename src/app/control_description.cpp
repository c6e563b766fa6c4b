#include "app/control_description.h"

#include "core/formats/json_writer.h"

namespace app {

const char* const kSliderHint =
    "Left and Right arrows change it (with Shift, 10 steps); Enter types a value; Up and Down move to the "
    "slider above or below.";
const char* const kTypingHint = "Enter applies the value, Escape cancels.";

const char* role_name(ControlRole role) {
    switch (role) {
        case ControlRole::None: return "none";
        case ControlRole::Button: return "button";
        case ControlRole::ToggleButton: return "toggle";
        case ControlRole::Checkbox: return "checkbox";
        case ControlRole::Disclosure: return "disclosure";
        case ControlRole::Slider: return "slider";
        case ControlRole::TextField: return "textbox";
        case ControlRole::ComboBox: return "combobox";
        case ControlRole::Tab: return "tab";
        case ControlRole::Option: return "option";
    }
    return "none";
}

bool ControlDescription::operator==(const ControlDescription& o) const {
    return id == o.id && role == o.role && name == o.name && value == o.value && number == o.number && min == o.min &&
           max == o.max && state == o.state && disabled == o.disabled && hint == o.hint;
}

ControlDescription describe_control(ControlRole role, std::string name, bool state, std::string hint) {
    ControlDescription d;
    d.role = role;
    d.name = std::move(name);
    d.state = state;
    d.hint = std::move(hint);
    return d;
}

ControlDescription combo_description(std::string name, std::string value, bool open, std::string hint) {
    ControlDescription d = describe_control(ControlRole::ComboBox, std::move(name), open, std::move(hint));
    d.value = std::move(value);
    return d;
}

ControlDescription option_description(std::string name, bool selected) {
    return describe_control(ControlRole::Option, std::move(name), selected);
}

std::string control_json(const ControlDescription& d) {
    std::string out;
    mlp::JsonWriter w(&out);
    w.begin_object();
    w.key("id");
    w.integer(d.id);
    w.key("role");
    w.string(role_name(d.role));
    w.key("name");
    w.string(d.name);
    w.key("value");
    w.string(d.value);
    w.key("number");
    w.number(d.number);
    w.key("min");
    w.number(d.min);
    w.key("max");
    w.number(d.max);
    w.key("state");
    w.raw(d.state ? "true" : "false");
    w.key("disabled");
    w.raw(d.disabled ? "true" : "false");
    w.key("hint");
    w.string(d.hint);
    w.end_object();
    return out;
}

}  // namespace app
