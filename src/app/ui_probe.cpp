#include "app/ui_probe.h"

#include <imgui.h>

#include "app/view_state.h"
#include "core/formats/json_writer.h"
#include "core/text/notation.h"

namespace app {

void UiProbe::begin_frame() {
    items_.clear();
    focused_.clear();
}

void UiProbe::add(std::string name, float x, float y, float w, float h, bool highlighted, std::string text) {
    items_.push_back({std::move(name), x, y, w, h, highlighted, std::move(text)});
}

void UiProbe::add_last_item(std::string name, bool highlighted, std::string text) {
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    // Only what is actually on screen: a clipped widget cannot be clicked.
    ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
    ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
    if (max.x <= clip_min.x || max.y <= clip_min.y || min.x >= clip_max.x || min.y >= clip_max.y) return;
    if (ImGui::IsItemFocused()) focused_ = name;
    add(std::move(name), min.x, min.y, max.x - min.x, max.y - min.y, highlighted, std::move(text));
    // Cut off at the top or bottom only: a wide card's side scrolls sideways, its cells are clicked.
    items_.back().clipped = min.y < clip_min.y - 0.5f || max.y > clip_max.y + 0.5f;
}

std::string probe_name(const Selection& s) {
    switch (s.kind) {
        case Selection::Kind::Node: return "node:" + std::to_string(s.layer) + "." + std::to_string(s.row + 1);
        case Selection::Kind::Edge:
            return "edge:" + mlp::notation::weight(s.layer, s.row, s.col);
        case Selection::Kind::None: break;
    }
    return "";
}

std::string UiProbe::json(const ViewState& view) const {
    std::string out;
    mlp::JsonWriter w(&out);
    w.begin_object();
    w.key("items");
    w.begin_array();
    for (const ProbeRect& r : items_) {
        w.begin_object();
        w.key("name");
        w.string(r.name);
        w.key("x");
        w.number(r.x);
        w.key("y");
        w.number(r.y);
        w.key("w");
        w.number(r.w);
        w.key("h");
        w.number(r.h);
        w.key("highlighted");
        w.raw(r.highlighted ? "true" : "false");
        if (!r.text.empty()) {
            w.key("text");
            w.string(r.text);
        }
        if (r.clipped) {
            w.key("clipped");
            w.raw("true");
        }
        w.end_object();
    }
    w.end_array();
    w.key("tooltip");
    w.string(view.tooltip);
    w.key("hovered");
    w.string(probe_name(view.hovered));
    w.key("selected");
    w.string(probe_name(view.selected));
    w.key("focused");
    w.string(focused_);
    w.key("typing");  // a text field has the keyboard: what is typed goes into it
    w.raw(ImGui::GetIO().WantTextInput ? "true" : "false");
    w.key("sample");
    w.integer(view.sample);
    w.key("integerSteps");
    w.raw(view.integer_steps ? "true" : "false");
    w.key("lines");
    w.begin_object();
    w.key("parts");
    w.integer(line_parts_);
    w.key("builds");
    w.integer(line_builds_);
    w.end_object();
    w.end_object();
    return out;
}

}  // namespace app
