// The Targets section (learning_panel.h): target sliders, the loss, the reduction, the learning
// rate and Step.
//
// [SECTION] Helpers
// [SECTION] The section: no targets, or the targets and how the network learns from them

#include "app/learning_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/keyboard_nav.h"
#include "app/slider_scale.h"
#include "app/theme.h"
#include "app/top_bar.h"
#include "app/typed_field.h"
#include "app/value_slider.h"
#include "app/widgets.h"
#include "core/document/document_edit.h"
#include "core/formats/decode_result.h"
#include "core/formats/number_text.h"
#include "core/model/loss.h"
#include "core/text/notation.h"
#include "core/text/number_format.h"

namespace app {

namespace notation = mlp::notation;
// [SECTION] Helpers
namespace {

// "y1[2]": the target of sample x1 for output node 2.
std::string target_name(int s, int i) { return "y" + std::to_string(s + 1) + notation::index(i); }

// A button that is a tab stop, named for screen readers, explained on hover, "button:<name>".
bool learning_button(const char* label, const char* name, UiProbe& probe, const char* tip) {
    const bool pressed = ImGui::Button(label);
    keyboard_tab_stop([&] { return describe_control(ControlRole::Button, name, false, tip); });
    probe.add_last_item(std::string("button:") + name);
    if (item_hovered_for_tooltip()) ImGui::SetTooltip("%s", tip);
    return pressed;
}

// A number written exactly, as the link writes it ("0.0001"): the learning rate's field.
std::string exact(double v) {
    std::string text;
    mlp::append_number(&text, v);
    return text;
}

void caption(const char* text) {
    ImGui::AlignTextToFramePadding();
    muted_text(text);
}

// "L 1.104 → 0.873" right after a step, else "L 1.104".
std::string loss_line(double loss, bool after_step, double before) {
    if (!after_step) return "L " + mlp::format_value(loss);
    return "L " + mlp::format_value(before) + " " + notation::kArrow + " " + mlp::format_value(loss);
}

}  // namespace

// [SECTION] The section: no targets, or the targets and how the network learns from them
void LearningPanel::draw(mlp::Session& session, ViewState& view, UiProbe& probe, bool touch) {
    touch_ = touch;
    const mlp::Document& doc = session.document();
    const int samples = session.sample_count();
    const int m = session.network().shape.back();
    if (structure_seen_ != session.structure_revision()) {  // another document: fit the range to it
        structure_seen_ = session.structure_revision();
        double most = 0;
        for (double v : doc.targets.values) most = std::max(most, std::fabs(v));
        bound_ = slider_bound_for(most);
    }
    if (!doc.has_targets()) return;  // "Add targets" sits on the Inputs header (draw_add_targets)
    char label[96];
    std::snprintf(label, sizeof label, "Targets   %s %s %s###targets", std::string(mlp::loss_name(doc.loss)).c_str(),
                  notation::kDot, std::string(mlp::reduction_name(doc.reduction)).c_str());
    const bool open = section_header(label, true, [&] {
        return "Targets: " + std::to_string(samples) + " samples of " + std::to_string(m) + ", loss " +
               std::string(mlp::loss_name(doc.loss));
    });
    probe.add_last_item("section:targets");
    if (!open) return;
    ImGui::PushID("targets");
    ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);  // Tab reaches the buttons too
    draw_targets(session, view, probe);
    draw_settings(session, probe);
    draw_step(session, probe);
    if (learning_button("Remove targets", "Remove targets", probe, "no targets: no loss, no backward worksheet")) {
        mlp::edit_document(&session, [](mlp::Document* d) {
            d->targets = mlp::Matrix();
            mlp::drop_backward(&d->hidden);  // no backward pass left to hide values of
            return std::string();
        });
    }
    ImGui::PopItemFlag();
    ImGui::PopID();
    ImGui::Spacing();
}

void LearningPanel::draw_add_targets(mlp::Session& session, UiProbe& probe) {
    if (session.document().has_targets()) return;
    const char* label = "+ targets##add";
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - button_width(label) - ImGui::GetStyle().FramePadding.x);
    ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);  // a tab stop
    const int samples = session.sample_count(), m = session.network().shape.back();
    if (learning_button(label, "Add targets", probe,
                        "targets (what each output should be): 0 for every sample and output node, to set with their "
                        "sliders; then the loss, every gradient and Step")) {
        mlp::edit_document(&session, [&](mlp::Document* d) {
            d->targets = mlp::Matrix(samples, m);
            return std::string();
        });
    }
    ImGui::PopItemFlag();
}

void LearningPanel::draw_targets(mlp::Session& session, ViewState& view, UiProbe& probe) {
    const int samples = session.sample_count();
    const int m = session.network().shape.back();
    auto target_slider = [&](int s, int i) {
        const std::string name = target_name(s, i);
        double v = session.document().targets.at(s, i);
        if (std::fabs(v) > bound_) bound_ = slider_bound_for(std::fabs(v));
        ValueSliderOptions o;
        o.max = bound_;
        o.min = -bound_;
        o.integer_steps = view.integer_steps;
        o.touch = touch_;
        ImGui::SetNextItemWidth(-FLT_MIN);
        const double before = v;
        std::string refused;
        if (value_slider(name.c_str(), &v, o, &refused)) {
            session.set_target(s, i, v);
            typed_message_.accepted(&session);
        }
        if (!refused.empty()) typed_message_.refuse(&session, name + ": " + refused, mlp::kept_value_note(name, before));
        if (ControlDescription* d = focused_description())
            d->hint = "target of output node " + std::to_string(i + 1) + " for sample x" + std::to_string(s + 1) + ". " + d->hint;
        if (!touch_ && item_hovered_for_tooltip()) {
            ImGui::SetTooltip("%s = %s\nwhat output node %d should be for sample x%d", name.c_str(),
                              mlp::format_value(session.document().targets.at(s, i)).c_str(), i + 1, s + 1);
        }
        probe.add_last_item("slider:" + name, false, mlp::format_value(session.document().targets.at(s, i)));
    };
    if (static_cast<long long>(samples) * m > 64) {
        // Too many for a matrix: the targets of the sample shown, visible rows only.
        const int s = std::clamp(view.sample, 0, samples - 1);
        char line[64];
        std::snprintf(line, sizeof line, "Sample x%d (pick another with the sample selector)", s + 1);
        muted_text(line);
        ImGuiListClipper clipper;
        clipper.Begin(m, ImGui::GetFrameHeightWithSpacing());
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                ImGui::PushID(i);
                target_slider(s, i);
                ImGui::PopID();
            }
        }
        return;
    }
    // Rows: samples; columns: the output nodes (as the inputs are laid out).
    if (!ImGui::BeginTable("y", m + 1, ImGuiTableFlags_SizingStretchSame)) return;
    ImGui::TableSetupColumn("##sample", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("y00").x);
    for (int i = 0; i < m; ++i) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch);
    for (int s = 0; s < samples; ++s) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::Text("y%d", s + 1);
        for (int i = 0; i < m; ++i) {
            ImGui::TableNextColumn();
            ImGui::PushID(s * m + i);
            target_slider(s, i);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void LearningPanel::draw_settings(mlp::Session& session, UiProbe& probe) {
    const mlp::Document& doc = session.document();
    caption("Loss");
    ImGui::SameLine();
    static const char* const kLosses[] = {"mse", "ce", "bce"};
    const int loss = segmented_buttons(kLosses, mlp::kLossCount, static_cast<int>(doc.loss), probe, "Loss",
                                       "mse: squared error, halved; ce: softmax cross-entropy; bce: sigmoid and binary "
                                       "cross-entropy per output");
    if (item_hovered_for_tooltip())
        ImGui::SetTooltip("mse: squared error, halved\nce: softmax cross-entropy\nbce: a sigmoid and binary cross-entropy per output");
    if (loss >= 0) session.set_loss(static_cast<mlp::Loss>(loss));
    static const char* const kReductions[] = {"mean", "sum"};
    flow(button_width("mean") + button_width("sum") + 2);
    const int reduction = segmented_buttons(kReductions, mlp::kReductionCount, static_cast<int>(session.document().reduction),
                                            probe, "Reduction", "mean: the samples' losses averaged; sum: added up");
    if (reduction >= 0) session.set_reduction(static_cast<mlp::Reduction>(reduction));

    // The learning rate, typed: read as the link reads lr (above 0, at most the limit).
    caption("lr");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("0.000000").x + ImGui::GetStyle().FramePadding.x * 2);
    const double lr = session.document().learning_rate;
    std::string typed, now;
    const bool ended = typed_field("##lr", exact(lr), &typed, &now);
    keyboard_tab_stop([&] {
        ControlDescription d = describe_control(ControlRole::TextField, "Learning rate", false,
                                                "the step size of gradient descent; type a number, Enter applies it");
        d.value = now;
        return d;
    });
    probe.add_last_item("input:lr", false, exact(lr));
    if (item_hovered_for_tooltip()) ImGui::SetTooltip("learning rate lr: Step moves each W by %s lr %s %sL/%sW",
                                                      notation::kMinus, notation::kDot, "\u2202", "\u2202");
    if (ended) {
        const mlp::TypedNumber v = mlp::read_typed_number(typed);
        if (!v.ok()) {
            typed_message_.refuse(&session, "learning rate: " + v.error, "The learning rate stays " + exact(lr) + ".");
        } else if (!mlp::is_allowed_learning_rate(v.value)) {
            typed_message_.refuse(&session,
                                  "learning rate: " + exact(v.value) + " is not a learning rate; expected " +
                                      mlp::kLearningRateRange,
                                  "The learning rate stays " + exact(lr) + ".");
        } else {
            session.set_learning_rate(v.value);
            typed_message_.accepted(&session);
        }
    }
}

void LearningPanel::draw_step(mlp::Session& session, UiProbe& probe) {
    const mlp::BackwardPass* grad = session.gradients();
    if (learning_button("Step", "Step", probe, "one step of gradient descent: every W and b moves by -lr times its gradient")) {
        const double before = grad ? grad->loss : 0.0;
        const std::string why = session.step(1);
        if (!why.empty()) {
            session.set_error(why, "The network is unchanged.");
        } else {
            loss_before_ = before;
            step_revision_ = session.revision();
        }
    }
    grad = session.gradients();
    if (!grad) return;
    ImGui::SameLine();
    const bool after_step = step_revision_ == session.revision();
    const std::string line = loss_line(grad->loss, after_step, loss_before_);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(line.c_str());
    probe.add_last_item("text:loss", false, line);
    if (item_hovered_for_tooltip()) {
        ImGui::SetTooltip(after_step ? "the loss before the last step, and after it" : "the loss L of the targets");
    }
}

}  // namespace app
