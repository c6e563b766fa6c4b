// The sliders panel (controls_panel.h): the inputs, then every weight layer's sliders.
//
// [SECTION] Helpers: what a selection covers, section headers, a layer's summary line
// [SECTION] Sliders: their ranges, the selection followed, a weight, a bias, an input
// [SECTION] The panel: the inputs, then each weight layer (its matrix, or one node's weights)

#include "app/controls_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/keyboard_nav.h"
#include "app/network_panel.h"
#include "core/text/number_format.h"
#include "app/slider_scale.h"
#include "app/theme.h"
#include "app/typed_field.h"
#include "app/widgets.h"
#include "app/value_mask.h"
#include "app/value_slider.h"
#include "app/worksheet_text.h"
#include "core/formats/typed_number.h"
#include "core/text/notation.h"

namespace app {

namespace notation = mlp::notation;
// [SECTION] Helpers: what a selection covers, section headers, a layer's summary line
namespace {

// Whether the selection covers weight (l, i, j): the edge itself, or the node it leads into.
bool selects_weight(const Selection& sel, int l, int i, int j) {
    if (sel.kind == Selection::Kind::Edge) return sel.layer == l && sel.row == i && sel.col == j;
    if (sel.kind == Selection::Kind::Node) return sel.layer == l + 1 && sel.row == i;
    return false;
}
// Whether the selection covers input j (of every sample): the input node j.
bool selects_input(const Selection& sel, int j) {
    return sel.kind == Selection::Kind::Node && sel.layer == 0 && sel.row == j;
}
// The section (0 = inputs, l + 1 = weight layer l) that holds the selection's sliders, or -1.
int section_of(const Selection& sel) {
    if (sel.kind == Selection::Kind::Edge) return sel.layer + 1;
    if (sel.kind == Selection::Kind::Node) return sel.layer;
    return -1;
}

// Scrolls the current window so the last item sits a third of the way down.
void scroll_to_last_item() {
    const float y = ImGui::GetItemRectMin().y - ImGui::GetWindowPos().y;
    ImGui::SetScrollFromPosY(y, 0.3f);
}

// Column (or row) header: a centred 1-based index in muted text.
void index_header(int index) {
    char text[16];
    std::snprintf(text, sizeof text, "%d", index + 1);
    const float w = ImGui::CalcTextSize(text).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (ImGui::GetContentRegionAvail().x - w) * 0.5f));
    muted_text(text);
}

// "z = 9, −5, 16  →  a = 9, 0, 16" for one sample: what this layer's sliders feed, in one line
// ("?" for a value exercise mode hides).
std::string layer_summary(const mlp::Session& session, const ValueMask& mask, int l, int sample) {
    const mlp::Matrix& z = session.pass().z[l];
    const mlp::Matrix& a = session.pass().a[l];
    const int shown = std::min(z.cols, 8);
    std::string zs, as;
    for (int i = 0; i < shown; ++i) {
        if (i) { zs += ", "; as += ", "; }
        zs += shown_value(mask.hides_z(l, sample, i), z.at(sample, i));
        as += shown_value(mask.hides_a(l, sample, i), a.at(sample, i));
    }
    if (shown < z.cols) {
        zs += std::string(", ") + notation::kEllipsis;
        as += std::string(", ") + notation::kEllipsis;
    }
    char head[64];
    std::snprintf(head, sizeof head, "x%d:  z%d = ", sample + 1, l + 1);
    char mid[32];
    std::snprintf(mid, sizeof mid, "  %s  a%d = ", notation::kArrow, l + 1);
    return head + zs + mid + as;
}

}  // namespace

// [SECTION] Sliders: their ranges, the selection followed, a weight, a bias, an input
bool ControlsPanel::slider(const char* name, double* v, const ValueSliderOptions& o, mlp::Session& session) {
    const double before = *v;
    std::string refused;
    const bool changed = value_slider(name, v, o, &refused);
    if (!refused.empty())
        typed_message_.refuse(&session, std::string(name) + ": " + refused, mlp::kept_value_note(name, before));
    else if (changed)
        typed_message_.accepted(&session);
    return changed;
}

double ControlsPanel::bound_for(int section, double v) {
    double& b = bounds_[section];
    if (std::fabs(v) > b) b = slider_bound_for(std::fabs(v));
    return b;
}

void ControlsPanel::sync_with(const mlp::Session& session, const ViewState& view) {
    const mlp::Network& net = session.network();
    if (structure_seen_ != session.structure_revision() || bounds_.size() != net.weights.size() + 1) {
        // Another document: fit the ranges to its values, once (O(weights), not per frame).
        structure_seen_ = session.structure_revision();
        bounds_.assign(net.weights.size() + 1, kDefaultSliderBound);
        picked_.assign(net.weights.size(), 0);
        double m = 0;
        for (double v : session.document().inputs.values) m = std::max(m, std::fabs(v));
        bounds_[0] = slider_bound_for(m);
        for (size_t l = 0; l < net.weights.size(); ++l) {
            m = 0;
            for (double v : net.weights[l].values) m = std::max(m, std::fabs(v));
            for (double v : net.biases[l]) m = std::max(m, std::fabs(v));  // biases share the range
            bounds_[l + 1] = slider_bound_for(m);
        }
    }
    // A new selection in the diagram picks the node a large layer shows.
    if (view.selected != selection_seen_) {
        selection_seen_ = view.selected;
        const int section = section_of(view.selected);
        if (section >= 1 && section <= static_cast<int>(picked_.size()) &&
            view.selected.row < net.shape[section]) {
            picked_[section - 1] = view.selected.row;
        }
    }
}

void ControlsPanel::weight_slider(int l, int i, int j, float width, mlp::Session& session, ViewState& view,
                                  UiProbe& probe) {
    const std::string label = notation::weight(l, i, j);
    const char* name = label.c_str();
    double v = session.network().weights[l].at(i, j);
    ValueSliderOptions o;
    o.max = bound_for(l + 1, v);
    o.min = -o.max;
    o.integer_steps = view.integer_steps;
    o.touch = touch_;
    o.highlighted = selects_weight(view.selected, l, i, j);
    ImGui::SetNextItemWidth(width);
    if (slider(name, &v, o, session)) {
        session.set_weight(l, i, j, v);
        bound_for(l + 1, v);
    }
    // What the slider is, before how the keys move it (the page's screen reader mirror).
    if (ControlDescription* d = focused_description()) {
        d->hint = "weight into node " + std::to_string(i + 1) + " of layer " + std::to_string(l + 1) + ", from node " +
                  std::to_string(j + 1) + " of layer " + std::to_string(l) + ". " + d->hint;
    }
    if (!touch_ && item_hovered_for_tooltip()) {  // a finger leaves the pointer where it lifted
        ImGui::SetTooltip("%s = %s\ninto node %d of layer %d, from node %d of layer %d", name,
                          mlp::format_value(session.network().weights[l].at(i, j)).c_str(), i + 1, l + 1, j + 1, l);
    }
    probe.add_last_item(std::string("slider:") + name, o.highlighted, mlp::format_value(v));
    if (o.highlighted && view.scroll_to_selected) {
        scroll_to_last_item();
        view.scroll_to_selected = false;
    }
}

void ControlsPanel::bias_slider(int l, int i, float width, mlp::Session& session, ViewState& view, UiProbe& probe) {
    const std::string label = notation::bias(l, i);
    const char* name = label.c_str();
    double v = session.network().biases[l][i];
    ValueSliderOptions o;
    o.max = bound_for(l + 1, v);
    o.min = -o.max;
    o.integer_steps = view.integer_steps;
    o.touch = touch_;
    o.highlighted = view.selected == Selection::node(l + 1, i);
    ImGui::SetNextItemWidth(width);
    if (slider(name, &v, o, session)) {
        session.set_bias(l, i, v);
        bound_for(l + 1, v);
    }
    if (ControlDescription* d = focused_description())
        d->hint = "bias of node " + std::to_string(i + 1) + " of layer " + std::to_string(l + 1) + ". " + d->hint;
    if (!touch_ && item_hovered_for_tooltip()) {
        ImGui::SetTooltip("%s = %s\nbias of node %d of layer %d: z = W%sa + b", name,
                          mlp::format_value(session.network().biases[l][i]).c_str(), i + 1, l + 1, notation::kDot);
    }
    probe.add_last_item(std::string("slider:") + name, o.highlighted, mlp::format_value(v));
}

void ControlsPanel::input_slider(int s, int j, float width, mlp::Session& session, ViewState& view, UiProbe& probe) {
    const std::string label = notation::input(s, j);
    const char* name = label.c_str();
    double v = session.document().inputs.at(s, j);
    ValueSliderOptions o;
    o.max = bound_for(0, v);
    o.min = -o.max;
    o.integer_steps = view.integer_steps;
    o.touch = touch_;
    o.highlighted = selects_input(view.selected, j);
    ImGui::SetNextItemWidth(width);
    if (slider(name, &v, o, session)) {
        session.set_input(s, j, v);
        bound_for(0, v);
    }
    if (ControlDescription* d = focused_description())
        d->hint = "input " + std::to_string(j + 1) + " of sample x" + std::to_string(s + 1) + ". " + d->hint;
    if (!touch_ && item_hovered_for_tooltip()) {  // a finger leaves the pointer where it lifted
        ImGui::SetTooltip("%s = %s\ninput %d of sample x%d", name,
                          mlp::format_value(session.document().inputs.at(s, j)).c_str(), j + 1, s + 1);
    }
    probe.add_last_item(std::string("slider:") + name, o.highlighted, mlp::format_value(v));
    if (o.highlighted && view.scroll_to_selected) {
        scroll_to_last_item();
        view.scroll_to_selected = false;
    }
}

// [SECTION] The panel: the inputs, then each weight layer (its matrix, or one node's weights)
void ControlsPanel::draw(mlp::Session& session, ViewState& view, UiProbe& probe, bool touch) {
    touch_ = touch;
    network_.draw(session, view, probe, touch);  // first: a shape change there is what the sliders show
    sync_with(session, view);
    const mlp::Network& net = session.network();
    // A selection that points nowhere (a stale one after loading a smaller network) asks nothing.
    const int target = section_of(view.selected);
    if (view.scroll_to_selected && (target < 0 || target > net.weight_layers() ||
                                    view.selected.row >= net.shape[target] ||
                                    (view.selected.kind == Selection::Kind::Edge && view.selected.col >= net.shape[target - 1]))) {
        view.scroll_to_selected = false;
    }
    draw_inputs(session, view, probe);
    learning_.draw(session, view, probe, touch);  // the targets, beside the inputs (when there are any)
    for (int l = 0; l < net.weight_layers(); ++l) draw_layer(l, session, view, probe);
}

void ControlsPanel::draw_inputs(mlp::Session& session, ViewState& view, UiProbe& probe) {
    const int samples = session.sample_count();
    const int n = session.network().shape[0];
    const bool matrix = static_cast<long long>(samples) * n <= kMaxMatrixSliders;
    if (view.scroll_to_selected && section_of(view.selected) == 0) ImGui::SetNextItemOpen(true);
    char label[64];
    std::snprintf(label, sizeof label, "Inputs   %d sample%s %s %d###inputs", samples, samples == 1 ? "" : "s",
                  notation::kTimes, n);
    const bool open = section_header(
        label, matrix,
        [&] { return "Inputs: " + std::to_string(samples) + (samples == 1 ? " sample" : " samples") + " of " + std::to_string(n); },
        !session.document().has_targets());
    probe.add_last_item("section:inputs");
    // Without targets, "Add targets" sits at the end of this header's line: the panel keeps its
    // layout (the Targets section appears under the inputs once there are targets).
    learning_.draw_add_targets(session, probe);
    if (!open) return;

    if (matrix) {
        // Rows: samples x1, x2...; columns: the input nodes.
        if (ImGui::BeginTable("inputs", n + 1, ImGuiTableFlags_SizingStretchSame)) {
            ImGui::TableSetupColumn("##sample", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("x00").x);
            for (int j = 0; j < n; ++j) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            for (int j = 0; j < n; ++j) {
                ImGui::TableNextColumn();
                index_header(j);
            }
            for (int s = 0; s < samples; ++s) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                ImGui::Text("x%d", s + 1);
                for (int j = 0; j < n; ++j) {
                    ImGui::TableNextColumn();
                    ImGui::PushID(s * n + j);
                    input_slider(s, j, -FLT_MIN, session, view, probe);
                    ImGui::PopID();
                }
            }
            ImGui::EndTable();
        }
        return;
    }
    // Too many for a matrix: the inputs of the sample picked in the sample selector.
    const int s = std::clamp(view.sample, 0, samples - 1);
    char line[64];
    std::snprintf(line, sizeof line, "Sample x%d (pick another with the sample selector)", s + 1);
    muted_text(line);
    // The list scrolls with the panel (one scroll region: nested ones trap a finger), and only
    // its visible rows are built.
    const int want = view.scroll_to_selected && section_of(view.selected) == 0 ? view.selected.row : -1;
    ImGuiListClipper clipper;
    clipper.Begin(n, ImGui::GetFrameHeightWithSpacing());
    if (want >= 0) clipper.ForceDisplayRangeByIndices(want, want + 1);
    while (clipper.Step()) {
        for (int j = clipper.DisplayStart; j < clipper.DisplayEnd; ++j) {
            ImGui::PushID(j);
            input_slider(s, j, -FLT_MIN, session, view, probe);
            ImGui::PopID();
        }
    }
}

void ControlsPanel::draw_layer(int l, mlp::Session& session, ViewState& view, UiProbe& probe) {
    const mlp::Network& net = session.network();
    const mlp::Matrix& w = net.weights[l];
    const bool matrix = static_cast<long long>(w.rows) * w.cols <= kMaxMatrixSliders;
    if (view.scroll_to_selected && section_of(view.selected) == l + 1) ImGui::SetNextItemOpen(true);
    // "W3   layer 2 → 3 · ReLU   3×2"
    char label[128];
    std::snprintf(label, sizeof label, "W%d   layer %d %s %d %s %s   %d%s%d###W%d", l + 1, l, notation::kArrow, l + 1,
                  notation::kDot, activation_label(net.activations[l]), w.rows, notation::kTimes, w.cols, l + 1);
    const bool open = section_header(label, matrix, [&] {
        return notation::weights(l) + ": weights of layer " + std::to_string(l) + " to " + std::to_string(l + 1) +
               ", " + activation_label(net.activations[l]) + ", " + std::to_string(w.rows) + " by " +
               std::to_string(w.cols);
    });
    char probe_label[32];
    std::snprintf(probe_label, sizeof probe_label, "section:W%d", l + 1);
    probe.add_last_item(probe_label);
    if (!open) return;
    ImGui::PushID(l);
    ImGui::AlignTextToFramePadding();
    muted_text("Activation");
    ImGui::SameLine();
    char act_probe[32];
    std::snprintf(act_probe, sizeof act_probe, "combo:act.W%d", l + 1);
    draw_activation_picker(l, session, probe, act_probe);
    if (matrix) {
        draw_weight_matrix(l, session, view, probe);
    } else {
        draw_node_weights(l, session, view, probe);
    }
    ImGui::PopID();
    if (matrix) {
        const int sample = std::clamp(view.sample, 0, session.sample_count() - 1);
        const std::string summary = layer_summary(session, ValueMask(session, view), l, sample);
        // ui(): the lines as drawn, joined by '\n'.
        probe.add_last_item("text:summary W" + std::to_string(l + 1), false, muted_text_wrapped(summary.c_str()));
    }
    ImGui::Spacing();
}

void ControlsPanel::draw_weight_matrix(int l, mlp::Session& session, ViewState& view, UiProbe& probe) {
    const mlp::Matrix& w = session.network().weights[l];
    const bool biases = view.show_biases;  // a last column b: the bias of each row's node
    if (!ImGui::BeginTable("W", w.cols + 1 + (biases ? 1 : 0), ImGuiTableFlags_SizingStretchSame)) return;
    ImGui::TableSetupColumn("##into", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("00").x);
    for (int j = 0; j < w.cols + (biases ? 1 : 0); ++j) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch);
    // Header row: the nodes of the layer before (columns j).
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    for (int j = 0; j < w.cols; ++j) {
        ImGui::TableNextColumn();
        index_header(j);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("column %d: weights from node %d of layer %d", j + 1, j + 1, l);
    }
    if (biases) {
        ImGui::TableNextColumn();
        const float bw = ImGui::CalcTextSize("b").x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (ImGui::GetContentRegionAvail().x - bw) * 0.5f));
        muted_text("b");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("biases of the nodes of layer %d: z = W%sa + b", l + 1, notation::kDot);
    }
    for (int i = 0; i < w.rows; ++i) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        index_header(i);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("row %d: weights into node %d of layer %d", i + 1, i + 1, l + 1);
        for (int j = 0; j < w.cols; ++j) {
            ImGui::TableNextColumn();
            ImGui::PushID(i * w.cols + j);
            weight_slider(l, i, j, -FLT_MIN, session, view, probe);
            ImGui::PopID();
        }
        if (biases) {
            ImGui::TableNextColumn();
            bias_slider(l, i, -FLT_MIN, session, view, probe);
        }
    }
    ImGui::EndTable();
}

void ControlsPanel::draw_node_weights(int l, mlp::Session& session, ViewState& view, UiProbe& probe) {
    const mlp::Matrix& w = session.network().weights[l];
    int& picked = picked_[l];
    picked = std::clamp(picked, 0, w.rows - 1);
    // The node picker: which node's incoming weights to show (the diagram's selection sets it).
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Weights into node");
    ImGui::SameLine();
    // − [node] +: a step either way, or a typed node number (applied when typing ends).
    const ImVec2 spacing(2.0f, ImGui::GetStyle().ItemSpacing.y);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, spacing);
    ImGui::PushID(l);
    if (ImGui::Button((std::string(notation::kMinus) + "##prev").c_str())) picked = std::max(0, picked - 1);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("00000").x + ImGui::GetStyle().FramePadding.x * 2);
    std::string typed, now;
    const bool ended = typed_field("##node", std::to_string(picked + 1), &typed, &now);
    keyboard_tab_stop([&] {
        ControlDescription d = describe_control(ControlRole::TextField, "Weights into node, of " + std::to_string(w.rows),
                                                false, "the node of layer " + std::to_string(l + 1) + " whose weights are shown");
        d.value = now;
        return d;
    });
    if (ended) {
        const std::string layer_nodes = "a node of layer " + std::to_string(l + 1);
        const mlp::TypedNumber node = mlp::read_typed_count(typed, layer_nodes.c_str(), 1, w.rows);
        if (node.ok()) {
            picked = static_cast<int>(node.value) - 1;
            typed_message_.accepted(&session);
        } else {
            typed_message_.refuse(&session, notation::weights(l) + ", weights into node: " + node.error,
                                  notation::weights(l) + " still shows node " + std::to_string(picked + 1) + ".");
        }
    }
    char probe_label[32];
    std::snprintf(probe_label, sizeof probe_label, "input:node.W%d", l + 1);
    probe.add_last_item(probe_label);
    ImGui::SameLine();
    if (ImGui::Button("+##next")) picked = std::min(w.rows - 1, picked + 1);
    ImGui::PopID();
    ImGui::PopStyleVar();
    ImGui::SameLine();
    char of[32];
    std::snprintf(of, sizeof of, "of %d", w.rows);
    muted_text(of);
    // What these weights make of the picked node, for the sample the diagram shows.
    const int sample = std::clamp(view.sample, 0, session.sample_count() - 1);
    const double z = session.pass().z[l].at(sample, picked), a = session.pass().a[l].at(sample, picked);
    char line[160];
    const ValueMask mask(session, view);
    std::snprintf(line, sizeof line, "x%d:  z%d[%d] = %s  %s  a%d[%d] = %s", sample + 1, l + 1, picked + 1,
                  shown_value(mask.hides_z(l, sample, picked), z).c_str(), notation::kArrow, l + 1, picked + 1,
                  shown_value(mask.hides_a(l, sample, picked), a).c_str());
    muted_text(line);
    probe.add_last_item("text:node W" + std::to_string(l + 1), false, line);
    if (view.show_biases) bias_slider(l, picked, -FLT_MIN, session, view, probe);

    // The weights into the picked node: one scroll region with the panel, visible rows only.
    const bool scrolling = view.scroll_to_selected && section_of(view.selected) == l + 1;
    if (scrolling && view.selected.kind == Selection::Kind::Node) {
        scroll_to_last_item();  // the picker, with the node's weights under it
        view.scroll_to_selected = false;
    }
    ImGuiListClipper clipper;
    clipper.Begin(w.cols, ImGui::GetFrameHeightWithSpacing());
    if (scrolling && view.selected.kind == Selection::Kind::Edge) {
        clipper.ForceDisplayRangeByIndices(view.selected.col, view.selected.col + 1);  // scrolls to it when drawn
    }
    while (clipper.Step()) {
        for (int j = clipper.DisplayStart; j < clipper.DisplayEnd; ++j) {
            ImGui::PushID(j);
            weight_slider(l, picked, j, -FLT_MIN, session, view, probe);
            ImGui::PopID();
        }
    }
}

}  // namespace app
