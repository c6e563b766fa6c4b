#include "app/network_panel.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/keyboard_nav.h"
#include "app/palette.h"
#include "app/theme.h"
#include "app/top_bar.h"
#include "app/typed_field.h"
#include "app/value_slider.h"
#include "app/widgets.h"
#include "app/worksheet_text.h"
#include "core/document/document_edit.h"
#include "core/document/presets.h"
#include "core/formats/typed_number.h"
#include "core/limits.h"
#include "core/text/notation.h"

namespace app {

namespace notation = mlp::notation;
namespace {

// Puts the next item beside the last one when `width` more fits on the line, else below it:
// the same rows wrap on a phone instead of running off the panel.
void flow_beside(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

// "Nodes", "Samples 2": a muted caption on the baseline of the buttons after it.
void caption(const char* text) {
    ImGui::AlignTextToFramePadding();
    muted_text(text);
}

// A button that is a tab stop, explains itself on hover, and is recorded for ui() as
// "button:<name>".
bool tool_button(const char* label, const char* name, UiProbe& probe, const char* tip) {
    const bool pressed = ImGui::Button(label);
    keyboard_tab_stop([&] { return describe_control(ControlRole::Button, name, false, tip ? tip : ""); });
    probe.add_last_item(std::string("button:") + name);
    if (tip && item_hovered_for_tooltip()) ImGui::SetTooltip("%s", tip);
    return pressed;
}

// "inputs x", "hidden", "output y": what a layer is.
std::string layer_role(int layer, int layers) {
    if (layer == 0) return "inputs x";
    if (layer == layers - 1) return "output y";
    return "hidden";
}

}  // namespace

void draw_activation_picker(int l, mlp::Session& session, UiProbe& probe, const char* probe_name) {
    const mlp::Activation current = session.network().activations[l];
    char id[32];
    std::snprintf(id, sizeof id, "##act%d", l + 1);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize("leaky ReLU").x + ImGui::GetFrameHeight() + style.FramePadding.x * 2;
    // Recorded by hand: once the list is open, ImGui's "last item" is the list, not the box.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 size(width, ImGui::GetFrameHeight());
    if (ImGui::IsRectVisible(size)) probe.add(probe_name, at.x, at.y, size.x, size.y);
    ImGui::SetNextItemWidth(width);
    const unsigned combo = ImGui::GetID(id);
    ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);  // a tab stop, wherever it is drawn
    const bool open = ImGui::BeginCombo(id, activation_label(current));
    keyboard_tab_stop(
        [&] {
            return combo_description("Activation of layer " + std::to_string(l + 1), activation_label(current), open,
                                     "what layer " + std::to_string(l + 1) + " applies to z");
        },
        combo);
    if (keyboard_has_focus(combo)) probe.note_focused(probe_name);
    if (open) {
        for (int k = 0; k < mlp::kActivationCount; ++k) {
            const auto act = static_cast<mlp::Activation>(k);
            if (ImGui::Selectable(activation_label(act), act == current)) session.set_activation(l, act);
            keyboard_tab_stop([&] { return option_description(activation_label(act), act == current); });
            probe.add_last_item(std::string("option:") + activation_label(act), act == current);
            if (act == current) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    ImGui::PopItemFlag();
}

bool NetworkPanel::edit(mlp::Session& session, mlp::FunctionRef<std::string(mlp::Document*)> change) {
    if (mlp::edit_document(&session, change)) {
        message_.clear();
        return true;
    }
    message_ = session.error();
    return false;
}

void NetworkPanel::refuse(mlp::Session& session, std::string message, std::string note) {
    field_message_.refuse(&session, std::move(message), std::move(note));
    message_ = session.error();
}

void NetworkPanel::draw(mlp::Session& session, ViewState& view, UiProbe& probe, bool touch) {
    const mlp::Network& net = session.network();
    const int layers = static_cast<int>(net.shape.size());
    // The layer of what was picked in the diagram (a line: the layer it leads into).
    if (view.selected != selection_seen_) {
        selection_seen_ = view.selected;
        if (view.selected.kind == Selection::Kind::Node) layer_ = view.selected.layer;
        if (view.selected.kind == Selection::Kind::Edge) layer_ = view.selected.layer + 1;
    }
    layer_ = std::clamp(layer_, 0, layers - 1);
    if (!message_.empty() && session.error() != message_) message_.clear();  // dismissed in the page

    char label[96];
    std::snprintf(label, sizeof label, "Network   %d layers %s %lld weights###network", layers, notation::kDot,
                  static_cast<long long>(net.weight_count()));
    ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);  // a tab stop
    const bool open = ImGui::CollapsingHeader(label, touch ? 0 : ImGuiTreeNodeFlags_DefaultOpen);
    ImGui::PopItemFlag();
    keyboard_tab_stop([&] {
        return describe_control(ControlRole::Disclosure, "Network section: " + std::to_string(layers) + " layers, " +
                                std::to_string(net.weight_count()) + " weights", open,
                                "layers, nodes, activations, samples and biases");
    });
    probe.add_last_item("section:network");
    if (!open) return;
    ImGui::PushID("network");
    // Tab reaches every button here, as it reaches the sliders (1.86: tab stops are inputable).
    ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);
    draw_chips(session, probe);
    draw_layer_tools(session, probe);
    ImGui::Spacing();
    draw_new_weights(session, probe);
    draw_samples(session, view, probe);
    bool show = view.show_biases;
    if (ImGui::Checkbox("Show biases", &show)) view.show_biases = show;
    keyboard_tab_stop([&] {
        return describe_control(ControlRole::Checkbox, "Show biases", view.show_biases,
                                "a bias slider per node, the biases in the diagram and the worksheet");
    });
    probe.add_last_item("check:Show biases", view.show_biases);
    if (item_hovered_for_tooltip()) {
        ImGui::SetTooltip("A bias slider b per node (z = W%sa + b), the biases in the diagram and the worksheet.\n"
                          "Shown by itself when a network has biases that are not 0.",
                          notation::kDot);
    }
    ImGui::PopItemFlag();
    if (!message_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::vec4(palette::kClipped));
        text_wrapped(message_.c_str());
        ImGui::PopStyleColor();
        probe.add_last_item("text:network message");
    }
    ImGui::PopID();
    ImGui::Spacing();
}

void NetworkPanel::draw_chips(const mlp::Session& session, UiProbe& probe) {
    const std::vector<int>& shape = session.network().shape;
    const int layers = static_cast<int>(shape.size());
    const char* arrow = notation::kArrow;
    const float arrow_w = ImGui::CalcTextSize(arrow).x;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(4, ImGui::GetStyle().ItemSpacing.y));
    for (int c = 0; c < layers; ++c) {
        char text[32];
        std::snprintf(text, sizeof text, "%d##chip%d", shape[c], c);
        if (c > 0) {
            flow_beside(arrow_w + 4 + button_width(text));
            ImGui::AlignTextToFramePadding();
            muted_text(arrow);
            ImGui::SameLine();
        }
        const bool on = c == layer_;
        if (on) push_on_button_colours();
        if (ImGui::Button(text)) layer_ = c;
        keyboard_tab_stop([&] {
            return describe_control(ControlRole::ToggleButton,
                                    "Layer " + std::to_string(c) + " (" + layer_role(c, layers) + "): " +
                                        std::to_string(shape[c]) + (shape[c] == 1 ? " node" : " nodes"),
                                    on, "picks the layer the tools below change");
        });
        if (on) pop_on_button_colours();
        probe.add_last_item("chip:" + std::to_string(c), on);
        if (item_hovered_for_tooltip()) {
            ImGui::SetTooltip("layer %d (%s): %d node%s\nclick to change it", c, layer_role(c, layers).c_str(), shape[c],
                              shape[c] == 1 ? "" : "s");
        }
    }
    ImGui::PopStyleVar();
}

void NetworkPanel::draw_layer_tools(mlp::Session& session, UiProbe& probe) {
    const mlp::Network& net = session.network();
    const int layers = static_cast<int>(net.shape.size());
    const int nodes = net.shape[layer_];
    char line[96];
    std::snprintf(line, sizeof line, "Layer %d %s %s %s %d node%s", layer_, notation::kDot,
                  layer_role(layer_, layers).c_str(), notation::kDot, nodes, nodes == 1 ? "" : "s");
    ImGui::TextUnformatted(line);

    // Nodes: − [count] +. The count is applied when typing ends, not at every digit (typing
    // 1024 must not pass through a layer of 1 node and lose its weights).
    caption("Nodes");
    ImGui::SameLine();
    const int layer = layer_;
    const mlp::NewWeights fill = fill_;
    if (tool_button((std::string(notation::kMinus) + "##node").c_str(), "Remove node", probe, "one node less (its weights go)"))
        edit(session, [=](mlp::Document* d) { return mlp::resize_layer(d, layer, nodes - 1, fill); });
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("00000").x + ImGui::GetStyle().FramePadding.x * 2);
    std::string typed, now;
    const bool ended = typed_field("##nodes", std::to_string(nodes), &typed, &now);
    keyboard_tab_stop([&] {
        ControlDescription d = describe_control(ControlRole::TextField, "Nodes in layer " + std::to_string(layer), false,
                                                "type a count; Enter applies it");
        d.value = now;
        return d;
    });
    probe.add_last_item("input:nodes");
    if (ended) {
        const mlp::TypedNumber count = mlp::read_typed_count(typed, "a node count", 1, mlp::kMaxNodesPerLayer);
        const int want = static_cast<int>(count.value);
        if (!count.ok())
            refuse(session, "nodes of layer " + std::to_string(layer) + ": " + count.error, mlp::kUnchangedNote);
        else if (want != nodes)
            edit(session, [=](mlp::Document* d) { return mlp::resize_layer(d, layer, want, fill); });
    }
    ImGui::SameLine();
    if (tool_button("+##node", "Add node", probe, "one node more (new weights: see New weights)"))
        edit(session, [=](mlp::Document* d) { return mlp::resize_layer(d, layer, nodes + 1, fill); });
    const char* remove_label = "Delete layer";
    flow_beside(button_width(remove_label));
    if (tool_button(remove_label, "Delete layer", probe,
                    "remove this layer; the weights around it are joined where they fit")) {
        edit(session, [=](mlp::Document* d) { return mlp::remove_layer(d, layer); });
    }

    // Insert a layer of the same size before or after this one.
    std::snprintf(line, sizeof line, "Insert %d node%s", nodes, nodes == 1 ? "" : "s");
    caption(line);
    flow_beside(button_width("Before") + button_width("After") + ImGui::GetStyle().ItemSpacing.x);
    if (tool_button("Before", "Insert before", probe, "a new layer before this one (a new input layer before x)")) {
        if (edit(session, [=](mlp::Document* d) { return mlp::insert_layer(d, layer, nodes, fill); })) layer_ = layer;
    }
    ImGui::SameLine();
    if (tool_button("After", "Insert after", probe, "a new layer after this one (a new output layer after y)")) {
        if (edit(session, [=](mlp::Document* d) { return mlp::insert_layer(d, layer + 1, nodes, fill); }))
            layer_ = layer + 1;
    }
    // New depth that keeps the function (core/document/architecture.h insert_identity_layer).
    const char* identity = "Identity after";
    flow_beside(button_width(identity));
    if (tool_button(identity, "Insert identity", probe,
                    "a new layer after this one that passes its values on unchanged: identity weights, no bias,\n"
                    "ReLU when the values are never negative (after a ReLU or sigmoid layer), else linear.\n"
                    "The outputs stay the same; change its weights from there.")) {
        if (edit(session, [=](mlp::Document* d) { return mlp::insert_identity_layer(d, layer); })) layer_ = layer + 1;
    }

    if (layer_ > 0) {
        caption("Activation");
        ImGui::SameLine();
        draw_activation_picker(layer_ - 1, session, probe, "combo:activation");
    }
}

void NetworkPanel::draw_new_weights(mlp::Session& session, UiProbe& probe) {
    caption("New weights");
    ImGui::SameLine();
    static const char* const kFill[] = {"Zeros", "Random"};
    const int clicked = segmented_buttons(kFill, 2, fill_.random ? 1 : 0, probe, "New weights",
                                          "what weights of added nodes and layers start as");
    if (clicked >= 0) fill_.random = clicked == 1;
    if (item_hovered_for_tooltip()) {
        ImGui::SetTooltip("What new weights start as when nodes or layers are added: zeros, or seeded random numbers.\n"
                          "A node of zeros changes nothing; a layer of zeros gives every node after it 0\n"
                          "(Identity after adds a layer that changes nothing).");
    }
    if (!fill_.random) return;
    const char* whole = "Whole numbers";
    flow_beside(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(whole).x);
    ImGui::Checkbox(whole, &fill_.integers);
    keyboard_tab_stop([&] { return describe_control(ControlRole::Checkbox, "Whole-number new weights", fill_.integers); });
    probe.add_last_item("check:Whole numbers", fill_.integers);
    const float seed_w = ImGui::CalcTextSize("0000000000").x + ImGui::GetStyle().FramePadding.x * 2;
    flow_beside(ImGui::CalcTextSize("seed").x + ImGui::GetStyle().ItemSpacing.x + seed_w);
    caption("seed");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(seed_w);
    std::string typed, now;
    const bool ended = typed_field("##seed", std::to_string(fill_.seed), &typed, &now);
    keyboard_tab_stop([&] {
        ControlDescription d = describe_control(ControlRole::TextField, "Seed of new random weights", false,
                                                "the same seed gives the same weights");
        d.value = now;
        return d;
    });
    probe.add_last_item("input:seed");
    if (!ended) return;
    uint64_t seed = 1;
    if (const std::string err = mlp::parse_seed(typed, &seed); !err.empty()) {
        refuse(session, err, "New weights keep seed " + std::to_string(fill_.seed) + ".");
    } else {
        fill_.seed = seed;
        message_.clear();
        field_message_.accepted(&session);
    }
}

void NetworkPanel::draw_samples(mlp::Session& session, ViewState& view, UiProbe& probe) {
    const int samples = session.sample_count();
    const int shown = std::clamp(view.sample, 0, samples - 1);
    char text[48];
    std::snprintf(text, sizeof text, "Samples %d", samples);
    caption(text);
    char copy[32], remove[32];
    std::snprintf(copy, sizeof copy, "+ copy of x%d", shown + 1);
    std::snprintf(remove, sizeof remove, "%s remove x%d", notation::kMinus, shown + 1);
    flow_beside(button_width(copy));
    if (tool_button(copy, "Copy sample", probe, "a new sample with the values of the one shown")) {
        if (edit(session, [=](mlp::Document* d) { return mlp::add_sample(d, shown); })) view.sample = samples;
    }
    flow_beside(button_width("+ zeros"));
    if (tool_button("+ zeros", "Zero sample", probe, "a new sample of zeros")) {
        if (edit(session, [](mlp::Document* d) { return mlp::add_sample(d, -1); })) view.sample = samples;
    }
    flow_beside(button_width(remove));
    if (tool_button(remove, "Remove sample", probe, "remove the sample shown")) {
        if (edit(session, [=](mlp::Document* d) { return mlp::remove_sample(d, shown); }))
            view.sample = std::max(0, shown - 1);
    }
}

}  // namespace app
