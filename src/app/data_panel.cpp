#include "app/data_panel.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>
#include <utility>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/keyboard_nav.h"
#include "app/palette.h"
#include "app/point_coverage.h"
#include "app/sample_marker.h"
#include "app/theme.h"
#include "app/training_text.h"
#include "app/widgets.h"
#include "core/limits.h"
#include "core/model/loss.h"
#include "core/text/number_format.h"
#include "core/training/data_set.h"
#include "core/training/data_settings.h"

namespace app {

namespace {

// [SECTION] Choices and helpers

// The learning rates and regularization rates offered, as in TensorFlow Playground.
constexpr double kLearningRates[] = {0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};
constexpr double kRegularizationRates[] = {0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};
// The data sets offered in the list (a custom set appears when the document has one).
constexpr mlp::DataKind kOfferedKinds[] = {mlp::DataKind::None,   mlp::DataKind::Circle, mlp::DataKind::Xor,
                                           mlp::DataKind::Gauss,  mlp::DataKind::Spiral, mlp::DataKind::Plane,
                                           mlp::DataKind::MultiGauss, mlp::DataKind::Custom};
const char* const kOptimizerLabels[mlp::kOptimizerCount] = {"SGD", "Momentum", "Adam"};
const char* const kRegularizationLabels[mlp::kRegularizationCount] = {"None", "L1", "L2"};

std::string number_text(double v) { return mlp::format_value(v); }

// A caption on the line of the control after it, at a fixed column so the controls line up.
void label(const char* text, float column) {
    ImGui::AlignTextToFramePadding();
    muted_text(text);
    ImGui::SameLine(column);
}

// A combo box of `count` choices that is a tab stop named `name`; returns the choice made, or -1.
int choice(const char* id, const char* name, const char* const* labels, int count, int current, UiProbe& probe,
           const char* hint) {
    const unsigned combo = ImGui::GetID(id);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 size(ImGui::CalcItemWidth(), ImGui::GetFrameHeight());
    probe.add(std::string("combo:") + name, at.x, at.y, size.x, size.y, false, labels[current]);
    int chosen = -1;
    const bool open = ImGui::BeginCombo(id, labels[current]);
    keyboard_tab_stop([&] { return combo_description(name, labels[current], open, hint); }, combo);
    if (keyboard_has_focus(combo)) probe.note_focused(std::string("combo:") + name);
    if (open) {
        for (int k = 0; k < count; ++k) {
            if (ImGui::Selectable(labels[k], k == current)) chosen = k;
            keyboard_tab_stop([&] { return option_description(labels[k], k == current); });
            probe.add_last_item(std::string("option:") + labels[k], k == current);
            if (k == current) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    return chosen;
}

// The index of the value in `values` nearest to v.
template <size_t N>
int nearest(const double (&values)[N], double v) {
    int best = 0;
    for (int k = 1; k < static_cast<int>(N); ++k)
        if (std::fabs(values[k] - v) < std::fabs(values[best] - v)) best = k;
    return best;
}

// A choice among the numbers `values`, showing the one nearest to `current`.
template <size_t N>
int number_choice(const char* id, const char* name, const double (&values)[N], double current, UiProbe& probe,
                  const char* hint) {
    std::string texts[N];
    const char* labels[N];
    for (size_t k = 0; k < N; ++k) {
        texts[k] = number_text(values[k]);
        labels[k] = texts[k].c_str();
    }
    return choice(id, name, labels, static_cast<int>(N), nearest(values, current), probe, hint);
}

// A slider that is a tab stop and says its value to a screen reader.
bool slider_float(const char* id, const char* name, float* v, float lo, float hi, const char* format, UiProbe& probe) {
    const bool changed = ImGui::SliderFloat(id, v, lo, hi, format, ImGuiSliderFlags_AlwaysClamp);
    keyboard_tab_stop([&] {
        ControlDescription d = describe_control(ControlRole::Slider, name, false, kSliderHint);
        d.number = *v;
        d.min = lo;
        d.max = hi;
        char buf[32];
        std::snprintf(buf, sizeof buf, format, *v);
        d.value = buf;
        return d;
    });
    probe.add_last_item(std::string("slider:") + name);
    return changed;
}

// A captioned slider of a share from 0 to `max` in hundredths (noise, the test share): the link
// writes the value as set, so the slider's float steps are rounded off.
bool hundredths_slider(const char* id, const char* name, double* v, double max, float column, float width,
                       UiProbe& probe) {
    float f = static_cast<float>(*v);
    label(name, column);
    ImGui::SetNextItemWidth(width);
    if (!slider_float(id, name, &f, 0.0f, static_cast<float>(max), "%.2f", probe)) return false;
    *v = std::round(f * 100.0) / 100.0;
    return true;
}

bool slider_int(const char* id, const char* name, int* v, int lo, int hi, UiProbe& probe, ImGuiSliderFlags flags = 0) {
    const bool changed = ImGui::SliderInt(id, v, lo, hi, "%d", flags | ImGuiSliderFlags_AlwaysClamp);
    keyboard_tab_stop([&] {
        ControlDescription d = describe_control(ControlRole::Slider, name, false, kSliderHint);
        d.number = *v;
        d.min = lo;
        d.max = hi;
        d.value = std::to_string(*v);
        return d;
    });
    probe.add_last_item(std::string("slider:") + name);
    return changed;
}

// The worksheet's sample on the plot (sample_marker.h): a ring with a diagonal cross in ink, each
// stroke on a white edge, so it reads over both classes' colours and the pale prediction without
// colour vision; the keyboard's cross-hair is an upright cross open in the middle, told apart.
void draw_sample_marker(ImDrawList* draw, const SampleMarker& marker, ImVec2 p0, float scale, UiProbe& probe) {
    if (!marker.shown) return;
    const ImVec2 c(p0.x + static_cast<float>((marker.x1 + kPlaneExtent) * scale),
                   p0.y + static_cast<float>((kPlaneExtent - marker.x2) * scale));
    const float radius = 8.0f, arm = radius * 0.62f;
    for (const auto& [colour, width] : {std::pair{palette::u32(palette::kWhite), 4.5f},
                                        std::pair{palette::u32(palette::kInk), 2.0f}}) {
        draw->AddCircle(c, radius, colour, 24, width);
        draw->AddLine(ImVec2(c.x - arm, c.y - arm), ImVec2(c.x + arm, c.y + arm), colour, width);
        draw->AddLine(ImVec2(c.x - arm, c.y + arm), ImVec2(c.x + arm, c.y - arm), colour, width);
    }
    probe.add("marker:sample", c.x - radius, c.y - radius, 2 * radius, 2 * radius, false, sample_marker_label(marker));
}

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

// [SECTION] Running

void DataPanel::start_run(mlp::Session& session) {
    if (running_ || !session.data_set()) return;
    session.begin_training_run();
    running_ = true;
    run_revision_ = session.revision();
    pace_.reset();
    message_.clear();
    // The figures shown until the run's first are computed: those of the network as it starts.
    evaluation_.cancel();
    run_metrics_ = *session.training_metrics();
    run_metrics_revision_ = run_revision_;
    run_metrics_epoch_ = session.document().training.epoch;
    has_run_metrics_ = true;
}

void DataPanel::stop_run(mlp::Session& session) {
    if (!running_) return;
    // Pause finishes the epoch the run is in: the weights are then those of whole epochs.
    const std::string why = session.end_training_run();
    if (!why.empty()) message_ = "Training stopped: " + why;
    running_ = false;
    has_run_metrics_ = false;
}

void DataPanel::train_frame(mlp::Session& session, double now_ms, double reserved_ms) {
    if (!running_) return;
    // Something else changed the document since the last frame (an edit, undo, a link): the
    // run is over, and its undo step stays as it was.
    if (session.revision() != run_revision_ || !session.data_set()) {
        stop_run(session);
        return;
    }
    const int points = pace_.points_this_frame(reserved_ms + metrics_reserved_ms(now_ms));
    const auto t0 = std::chrono::steady_clock::now();
    const std::string why = session.train_points(points);
    pace_.record(points, ms_since(t0));
    run_revision_ = session.revision();
    if (!why.empty()) {
        message_ = "Training stopped: " + why;
        stop_run(session);
        return;
    }
    update_run_metrics(session, now_ms);
}

void DataPanel::update_run_metrics(const mlp::Session& session, double now_ms) {
    // A point's multiply-adds through the network: one per weight.
    const double weights = static_cast<double>(session.network().weight_count());
    if (!evaluation_.pending()) {
        if (metrics_schedule_.current(run_revision_) || !metrics_schedule_.due(now_ms, true)) return;
        evaluation_.begin(session.document());
        evaluation_revision_ = run_revision_;
        evaluation_epoch_ = session.document().training.epoch;
        evaluation_started_ms_ = now_ms;
        evaluation_ms_ = 0.0;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const mlp::DataSet& data = *session.data_set();
    const bool done = evaluation_.advance(data, metrics_schedule_.cells_within(kPictureSliceMs, weights), &run_metrics_);
    evaluation_ms_ += ms_since(t0);
    if (!done) return;
    run_metrics_revision_ = evaluation_revision_;
    run_metrics_epoch_ = evaluation_epoch_;
    const double points = static_cast<double>(data.train_rows.size() + data.test_rows.size());
    metrics_schedule_.record(evaluation_revision_, evaluation_started_ms_, evaluation_ms_, weights * points, evaluation_ms_);
}

double DataPanel::metrics_reserved_ms(double now_ms) const {
    if (!evaluation_.pending() && !metrics_schedule_.due(now_ms, true)) return 0.0;
    return std::min(metrics_schedule_.ms_per_picture(), kPictureSliceMs);
}

const mlp::TrainingMetrics* DataPanel::shown_metrics(const mlp::Session& session) const {
    return running_ && has_run_metrics_ ? &run_metrics_ : session.training_metrics();
}

// [SECTION] The panel

void DataPanel::set_data(mlp::Session& session, const mlp::DataSettings& data) {
    const std::string why = session.set_data(data);
    message_ = why;
}

void DataPanel::draw(mlp::Session& session, int sample, PlanePictures& pictures, UiProbe& probe, bool touch) {
    ImGui::PushID("data");
    plot_text_.clear();  // said again by the plot while it has the focus
    // Every control here is a tab stop (1.86: only the inputable items are).
    const TabStops tab_stops;
    draw_data_choice(session, probe);
    const mlp::DataSet* data = session.data_set();
    if (!data) {
        muted_text_wrapped("Choose a data set to train the network on hundreds of points, and watch it learn.");
        if (!message_.empty()) bar_text(message_, palette::kWrong, "data message", probe, true);
        ImGui::PopID();
        return;
    }
    // Run first, above the plot: on a phone it stays in view with the plot under it.
    draw_run_controls(session, probe);
    if (!message_.empty()) bar_text(message_, palette::kWrong, "data message", probe, true);
    // The plot as wide as the panel, and short enough that the click modes and the loss and
    // accuracy under it are in view too (a phone's panel is short), but never tiny.
    const ImVec2 room = ImGui::GetContentRegionAvail();
    const float below = 3.0f * ImGui::GetFrameHeightWithSpacing();
    const float side = std::floor(std::min({room.x, touch ? 340.0f : 320.0f, std::max(200.0f, room.y - below)}));
    draw_plot(session, sample, pictures, probe, side);
    draw_metrics(session, probe);
    draw_chart(side, 70.0f);
    ImGui::Separator();
    draw_data_settings(session, probe);
    ImGui::Separator();
    draw_training_settings(session, probe);
    ImGui::PopID();
}

void DataPanel::draw_data_choice(mlp::Session& session, UiProbe& probe) {
    const mlp::DataSettings& current = session.document().data;
    const char* labels[std::size(kOfferedKinds)];
    int count = 0, at = 0;
    for (mlp::DataKind kind : kOfferedKinds) {
        if (kind == mlp::DataKind::Custom && current.kind != kind) continue;
        if (kind == current.kind) at = count;
        labels[count++] = mlp::data_kind_name(kind).data();
    }
    label("Data set", 0);
    ImGui::SetNextItemWidth(std::min(200.0f, ImGui::GetContentRegionAvail().x));
    const int chosen = choice("##dataset", "Data set", labels, count, at, probe,
                              "the points the network trains on; the input and output layers follow");
    if (chosen >= 0 && chosen != at) {
        stop_run(session);
        mlp::DataSettings data = current;
        mlp::parse_data_kind(labels[chosen], &data.kind);
        data.custom.clear();
        if (!data.has_data()) data = mlp::DataSettings();
        set_data(session, data);
    }
    // The page opens its file picker in this frame, while the click or key still counts as the
    // user's (browsers open a picker only then); what is read comes back through the page.
    const char* import_label = "Import points\xE2\x80\xA6";
    flow(button_width(import_label));
    if (bar_button(import_label, "Import points", probe, true, "Import points from a CSV or JSON file")) {
        stop_run(session);
        message_.clear();
        points_file_request_ = true;
    }
}

void DataPanel::draw_plot(mlp::Session& session, int sample, PlanePictures& pictures, UiProbe& probe, float side) {
    const mlp::DataSet& data = *session.data_set();
    pictures.update(session);
    const unsigned texture = pictures.plot_texture();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1(p0.x + side, p0.y + side);
    // The plot is one button for the mouse and a tab stop for the keyboard, which moves a
    // cross-hair in it (plot_keys). Enter and Space press it as for a button: plot_keys handles
    // them, so the button's own press is the mouse's only.
    ImGui::InvisibleButton("##plane", ImVec2(side, side));
    const unsigned plot_id = ImGui::GetItemID();
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    // A click gives the plot the focus too; the cross-hair shows once keys are used (the focus
    // ring's rule: ImGui hides it after the mouse).
    const bool focused = keyboard_tab_stop(plot_id);
    if (focused) plot_keys(session, sample);
    const bool cross_hair = focused && !GImGui->NavDisableHighlight;
    if (focused) {
        if (cross_hair) plot_text_ = plot_cursor_text(session, cursor_x1_, cursor_x2_);
        ControlDescription d = describe_control(ControlRole::Button, "Plot of the data", false,
                                                "Arrows move the cross-hair (Shift: finer); Enter does there what a "
                                                "click does, Shift+Enter with the other class; Delete removes the "
                                                "nearest point");
        d.value = cross_hair ? plot_text_ : sample_marker_text(session, sample);
        describe_focused_control(std::move(d));
        probe.note_focused("plot:plane");
    }
    probe.add("plot:plane", p0.x, p0.y, side, side, false,
              std::to_string(data.size()) + " points");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture)), p0, p1);
    draw->AddRect(p0, p1, palette::u32(palette::kMuted, 0.6f));
    // Axes through the origin, faint.
    const ImVec2 mid((p0.x + p1.x) * 0.5f, (p0.y + p1.y) * 0.5f);
    draw->AddLine(ImVec2(p0.x, mid.y), ImVec2(p1.x, mid.y), palette::u32(palette::kInk, 0.15f));
    draw->AddLine(ImVec2(mid.x, p0.y), ImVec2(mid.x, p1.y), palette::u32(palette::kInk, 0.15f));
    // The points: train points filled, test points as rings (told apart without colour).
    const float scale = side / static_cast<float>(2 * kPlaneExtent);
    const float r = side >= kLargePlotSide ? kPointRadiusLarge : kPointRadius;
    draw->PushClipRect(p0, p1, true);
    plot_points_.draw(draw, data, p0, side);
    draw_sample_marker(draw, sample_marker(session, sample), p0, scale, probe);
    if (cross_hair) {
        // The cross-hair, in ink with a white edge so it shows on both classes' colours, open in
        // the middle so the point under it shows.
        const ImVec2 c(p0.x + static_cast<float>((cursor_x1_ + kPlaneExtent) * scale),
                       p0.y + static_cast<float>((kPlaneExtent - cursor_x2_) * scale));
        const float gap = r + 2.5f, arm = gap + 8.0f;
        for (const auto& [colour, width] : {std::pair{palette::u32(palette::kWhite), 4.0f},
                                            std::pair{palette::u32(palette::kInk), 2.0f}}) {
            for (const float s : {-1.0f, 1.0f}) {
                draw->AddLine(ImVec2(c.x + s * gap, c.y), ImVec2(c.x + s * arm, c.y), colour, width);
                draw->AddLine(ImVec2(c.x, c.y + s * gap), ImVec2(c.x, c.y + s * arm), colour, width);
            }
        }
    }
    draw->PopClipRect();
    if (clicked) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        const double x1 = -kPlaneExtent + (m.x - p0.x) / scale;
        const double x2 = kPlaneExtent - (m.y - p0.y) / scale;
        click_plot(session, sample, x1, x2, ImGui::GetIO().KeyShift);
    }
    // What a click does: a class toggle (a phone has no Shift key), and the worksheet's sample.
    const char* modes[] = {"Add class 1", "Add class 0", "Remove", "Use as sample"};
    if (!data.classification) {
        modes[0] = "Add +1";
        modes[1] = "Add 0";
    }
    ImGui::AlignTextToFramePadding();
    muted_text("Click:");
    for (int k = 0; k < 4; ++k) {
        flow(button_width(modes[k]));
        if (toggle_button(modes[k], click_mode_ == k, std::string("button:") + modes[k], probe,
                          std::string("A click in the plot: ") + modes[k]))
            click_mode_ = k;
    }
}

void DataPanel::plot_keys(mlp::Session& session, int sample) {
    // The arrows move the cross-hair, not the focus to the next control (1.86's navigation).
    const ImGuiIO& io = ImGui::GetIO();
    const double step = io.KeyShift ? 0.1 : 0.5;
    const double dx = (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) ? step : 0) -
                      (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) ? step : 0);
    const double dy = (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) ? step : 0) -
                      (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) ? step : 0);
    ImGuiContext& g = *GImGui;
    if (g.NavMoveSubmitted && !(g.NavMoveFlags & ImGuiNavMoveFlags_Tabbing)) ImGui::NavMoveRequestCancel();
    if (dx != 0 || dy != 0) g.NavDisableHighlight = false;  // keys in use: the cross-hair shows
    // Steps of 0.1 from 0 stay on the tenths (no 0.30000000000000004 in the file or link).
    auto move = [](double v, double d) { return std::clamp(std::round((v + d) * 10.0) / 10.0, -kPlaneExtent, kPlaneExtent); };
    cursor_x1_ = move(cursor_x1_, dx);
    cursor_x2_ = move(cursor_x2_, dy);
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false);
    if (enter) click_plot(session, sample, cursor_x1_, cursor_x2_, io.KeyShift);
    // Delete while the cross-hair is hidden (after a click) shows it first: what it would remove.
    const bool del = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false) ||
                     ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), false);
    if (del && std::exchange(g.NavDisableHighlight, false)) return;
    if (del) {
        const int mode = std::exchange(click_mode_, 2);
        click_plot(session, sample, cursor_x1_, cursor_x2_, false);
        click_mode_ = mode;
    }
}

void DataPanel::click_plot(mlp::Session& session, int sample, double x1, double x2, bool other_class) {
    stop_run(session);
    const mlp::DataSet* data = session.data_set();
    if (click_mode_ == 3) {
        const int k = mlp::nearest_point(*data, x1, x2, kPointReach);
        message_ = k < 0 ? "No point there: click on a point to use it as the worksheet's sample."
                         : session.use_point_as_sample(k, sample);
        sample_used_ = k >= 0 && message_.empty();
        return;
    }
    if (click_mode_ == 2) {
        // The nearest point within a few pixels' reach is removed; a generated set becomes
        // custom with the rest of its points.
        const int best = mlp::nearest_point(*data, x1, x2, kPointReach);
        if (best < 0) return;
        mlp::DataSettings settings = session.document().data;
        if (settings.kind != mlp::DataKind::Custom) {
            if (data->size() - 1 > mlp::kMaxCustomPoints) {
                message_ = "A point can be removed from at most " + std::to_string(mlp::kMaxCustomPoints + 1) +
                           " points; this set has " + std::to_string(data->size());
                return;
            }
            settings.custom = data->points;
            settings.kind = mlp::DataKind::Custom;
        }
        settings.custom.erase(settings.custom.begin() + best);
        set_data(session, settings);
        return;
    }
    const bool first = (click_mode_ == 0) != other_class;
    message_ = session.add_point(x1, x2, first ? 1.0 : 0.0);
}

void DataPanel::draw_run_controls(mlp::Session& session, UiProbe& probe) {
    const mlp::Document& doc = session.document();
    if (bar_button(running_ ? "Pause###run" : "Run###run", running_ ? "Pause" : "Run", probe, true,
                   running_ ? "Pause training" : "Run training")) {
        if (running_)
            stop_run(session);
        else
            start_run(session);
    }
    ImGui::SameLine();
    if (bar_button("Step epoch", "Step epoch", probe, !running_, "Step one epoch")) {
        message_ = session.train(1);
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    const std::string epoch = "Epoch " + std::to_string(doc.training.epoch);
    bar_text(epoch, palette::kInk, "epoch", probe);
}

void DataPanel::draw_metrics(const mlp::Session& session, UiProbe& probe) {
    const mlp::TrainingMetrics* m = shown_metrics(session);
    if (!m) return;
    const std::string loss = "Loss      train " + metric_loss_text(m->train_loss) + "   test " + metric_loss_text(m->test_loss);
    bar_text(loss, palette::kInk, "loss", probe);
    if (m->classification) {
        const std::string acc = "Accuracy  train " + percent_text(m->train_accuracy) + "   test " +
                                percent_text(m->test_accuracy);
        bar_text(acc, palette::kInk, "accuracy", probe);
    }
    // The history follows the document: every change adds its state (an earlier epoch starts over);
    // during a run, every time the figures shown are computed again.
    const bool of_run = running_ && has_run_metrics_;
    const uint64_t revision = of_run ? run_metrics_revision_ : session.revision();
    if (history_revision_ != revision) {
        history_revision_ = revision;
        history_.add({of_run ? run_metrics_epoch_ : session.document().training.epoch, m->train_loss, m->test_loss,
                      m->train_accuracy, m->test_accuracy});
    }
}

void DataPanel::draw_chart(float width, float height) {
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1(p0.x + width, p0.y + height);
    ImGui::Dummy(ImVec2(width, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p0, p1, palette::u32(palette::kWhite));
    draw->AddRect(p0, p1, palette::u32(palette::kMuted, 0.5f));
    const std::vector<LossEntry>& e = history_.entries();
    const double top = history_.max_loss();
    if (e.size() < 2 || !(top > 0)) {
        draw->AddText(ImVec2(p0.x + 6, p0.y + 4), palette::u32(palette::kMuted), "Loss over the epochs");
        return;
    }
    const double first = static_cast<double>(e.front().epoch), span = std::max(1.0, double(e.back().epoch) - first);
    auto at = [&](int64_t epoch, double loss) {
        return ImVec2(p0.x + 2 + static_cast<float>((epoch - first) / span) * (width - 4),
                      p1.y - 2 - static_cast<float>(std::min(1.0, loss / top)) * (height - 4));
    };
    // Test dashed-looking (thinner, orange-dark), train solid ink: told apart without colour too.
    for (size_t k = 1; k < e.size(); ++k) {
        if (std::isfinite(e[k - 1].test_loss) && std::isfinite(e[k].test_loss))
            draw->AddLine(at(e[k - 1].epoch, e[k - 1].test_loss), at(e[k].epoch, e[k].test_loss),
                          palette::u32(palette::kNegativeText), 1.2f);
        draw->AddLine(at(e[k - 1].epoch, e[k - 1].train_loss), at(e[k].epoch, e[k].train_loss),
                      palette::u32(palette::kInk), 2.0f);
    }
    const std::string legend = "train (thick)  test (thin)   max " + metric_loss_text(top);
    draw->AddText(ImVec2(p0.x + 6, p0.y + 2), palette::u32(palette::kMuted), legend.c_str());
}

void DataPanel::draw_data_settings(mlp::Session& session, UiProbe& probe) {
    mlp::DataSettings data = session.document().data;
    const float column = ImGui::CalcTextSize("Regularization").x + ImGui::GetStyle().ItemSpacing.x * 2;
    const float w = std::max(80.0f, ImGui::GetContentRegionAvail().x - column);
    const bool generated = data.kind != mlp::DataKind::Custom;
    if (generated) {
        if (hundredths_slider("##noise", "Noise", &data.noise, mlp::kMaxNoise, column, w, probe)) set_data(session, data);
        int points = data.points;
        label("Points", column);
        ImGui::SetNextItemWidth(w);
        if (slider_int("##points", "Points", &points, 10, 2000, probe, ImGuiSliderFlags_Logarithmic)) {
            data.points = points;
            set_data(session, data);
        }
    }
    if (hundredths_slider("##test", "Test share", &data.test, mlp::kMaxTestShare, column, w, probe)) set_data(session, data);
    label("Seed", column);
    std::string seed = std::to_string(data.seed);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(seed.c_str());
    ImGui::SameLine();
    if (bar_button("New points", "New points", probe, true, "New points: the next seed")) {
        data.seed = data.seed >= 0xFFFFFFFFu ? 1u : data.seed + 1;
        set_data(session, data);
    }
    // The features: one checkbox each, flowing onto more lines on a narrow panel.
    label("Features", column);
    const float start_x = ImGui::GetCursorPosX();
    for (int k = 0; k < mlp::kFeatureCount; ++k) {
        const uint32_t bit = 1u << k;
        bool on = (data.features & bit) != 0;
        const float item_w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                             ImGui::CalcTextSize(feature_label(k)).x;
        if (k > 0) {
            const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
            if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + item_w <= right) {
                ImGui::SameLine();
            } else {
                ImGui::SetCursorPosX(start_x);
            }
        }
        char id[32];
        std::snprintf(id, sizeof id, "%s##feature%d", feature_label(k), k);
        const bool changed = ImGui::Checkbox(id, &on);
        keyboard_tab_stop([&] {
            return describe_control(ControlRole::Checkbox, std::string("Feature ") + feature_label(k), on,
                                    "an input node for this feature");
        });
        probe.add_last_item(std::string("checkbox:") + std::string(mlp::feature_name(k)), on);
        if (changed) {
            const uint32_t features = on ? (data.features | bit) : (data.features & ~bit);
            if (features == 0) {
                message_ = "At least one feature is needed.";
            } else {
                stop_run(session);
                data.features = features;
                set_data(session, data);
            }
        }
    }
}

void DataPanel::draw_training_settings(mlp::Session& session, UiProbe& probe) {
    const mlp::Document& doc = session.document();
    const float column = ImGui::CalcTextSize("Regularization").x + ImGui::GetStyle().ItemSpacing.x * 2;
    const float w = std::max(80.0f, ImGui::GetContentRegionAvail().x - column);
    const int train_points = session.data_set() ? static_cast<int>(session.data_set()->train_rows.size()) : 1;
    int batch = doc.training.batch;
    label("Batch", column);
    ImGui::SetNextItemWidth(w);
    if (slider_int("##batch", "Batch", &batch, 1, std::max(1, std::min(mlp::kMaxBatch, train_points)), probe,
                   ImGuiSliderFlags_Logarithmic))
        session.set_batch(batch);

    label("Learning rate", column);
    ImGui::SetNextItemWidth(w);
    const int lr = number_choice("##lr", "Learning rate", kLearningRates, doc.learning_rate, probe,
                                 "the size of each step");
    if (lr >= 0) session.set_learning_rate(kLearningRates[lr]);

    label("Optimizer", column);
    ImGui::SetNextItemWidth(w);
    const int opt = choice("##opt", "Optimizer", kOptimizerLabels, mlp::kOptimizerCount,
                           static_cast<int>(doc.training.optimizer), probe, "how a step uses the gradient");
    if (opt >= 0) session.set_optimizer(static_cast<mlp::Optimizer>(opt));

    label("Regularization", column);
    ImGui::SetNextItemWidth(w);
    const int reg = choice("##reg", "Regularization", kRegularizationLabels, mlp::kRegularizationCount,
                           static_cast<int>(doc.training.regularization), probe, "a pull of every weight towards 0");
    if (reg >= 0) session.set_regularization(static_cast<mlp::Regularization>(reg));

    label("Reg. rate", column);
    ImGui::SetNextItemWidth(w);
    const int rr = number_choice("##regrate", "Regularization rate", kRegularizationRates,
                                 doc.training.regularization_rate, probe, "how strong the pull towards 0 is");
    if (rr >= 0) session.set_regularization_rate(kRegularizationRates[rr]);
}

}  // namespace app
