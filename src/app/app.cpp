#include "app/app.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/breakdown_panel.h"
#include "app/edit_gestures.h"
#include "app/exercise_panel.h"
#include "app/keyboard_nav.h"
#include "app/theme.h"
#include "app/top_bar.h"
#include "app/value_slider.h"
#include "core/diagram/diagram_geometry.h"
#include "core/text/notation.h"

namespace app {

namespace notation = mlp::notation;
namespace {

// Docked panels: placed by the layout every frame, never moved, resized or saved by ImGui.
constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

// The panel's background is painted by render_gl (panel_backgrounds.h): its rectangle goes into
// *backgrounds.
bool begin_panel(const char* name, const Rect& r, std::vector<PanelBackground>* backgrounds,
                 ImGuiWindowFlags extra = 0) {
    ImGui::SetNextWindowPos(r.min());
    ImGui::SetNextWindowSize(r.size());
    // A transparent WindowBg, not ImGuiWindowFlags_NoBackground, which would drop the border too.
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
    const bool open = ImGui::Begin(name, nullptr, kPanelFlags | extra);
    ImGui::PopStyleColor();
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (!window->Hidden) {
        backgrounds->push_back({window->Pos, ImVec2(window->Pos.x + window->Size.x, window->Pos.y + window->Size.y), window->ID});
    }
    return open;
}

// Scrolling by dragging the empty parts of a panel (gaps, headers, the worksheet's numbers):
// ImGui scrolls with the wheel and the scrollbar only, and a phone has neither.
void drag_to_scroll() {
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiID id = ImGui::GetID("##drag_scroll");
    ImGuiStorage* storage = ImGui::GetStateStorage();
    if (ImGui::IsMouseClicked(0)) {
        const bool start = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && !ImGui::IsAnyItemHovered() &&
                           !ImGui::IsAnyItemActive();
        storage->SetBool(id, start);
    }
    if (!io.MouseDown[0]) storage->SetBool(id, false);
    if (storage->GetBool(id) && ImGui::IsMouseDragging(0, 4.0f)) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        ImGui::SetScrollX(ImGui::GetScrollX() - io.MouseDelta.x);
    }
}

void draw_sliders_child(ControlsPanel& controls, mlp::Session& session, ViewState& view, UiProbe& probe,
                        bool touch) {
    // NavFlattened: arrows and Tab go on from the header's buttons into the sliders.
    if (ImGui::BeginChild("sliders", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened)) {
        controls.draw(session, view, probe, touch);
        drag_to_scroll();
    }
    ImGui::EndChild();
}

void draw_sheet_child(const mlp::Session& session, ViewState& view, UiProbe& probe, bool one_row) {
    // NavFlattened: Tab goes on from the header's buttons into the answer fields.
    if (ImGui::BeginChild("sheet", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NavFlattened)) {
        draw_breakdown(session, view, probe, one_row);
        drag_to_scroll();
    }
    ImGui::EndChild();
}

// A tab of the phone's panel, as a tab stop the page's mirror calls by its name.
void tab_stop_of_tab(const char* name, bool selected) {
    keyboard_tab_stop([&] { return describe_control(ControlRole::Tab, std::string(name) + " panel", selected); });
}

void add_window_probe(UiProbe& probe, const char* name) {
    const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    probe.add(name, p.x, p.y, s.x, s.y);
}

}  // namespace

App::App() = default;

void App::draw() {
    keyboard_nav_begin_frame();
    probe_.begin_frame();
    panel_backgrounds_.clear();
    worksheet_window_ = 0;
    view_.tooltip.clear();
    update_exercise(session_, view_);
    layout_options_.worksheet_bar_lines = exercise_bar_lines(view_);
    layout_options_.top_bar_rows = view_switch_width(session_, true) > 0 ? 2 : 1;  // the view switch's row
    // The height the diagram can use at a width, for the layout to give the rest to the panels.
    const DiagramHeightFn diagram_wanted = [](float width, const void* shape) {
        return mlp::diagram_wanted_height(*static_cast<const std::vector<int>*>(shape), width, 1e5f);
    };
    const Layout layout = compute_layout(ImGui::GetIO().DisplaySize, layout_options_, diagram_wanted,
                                         &session_.network().shape);
    apply_theme(layout.narrow);
    // A run's epochs for this frame, before anything shows the network, less the time the
    // frame's picture takes when it is due (picture_schedule.h).
    const double now_ms = 1000.0 * ImGui::GetTime();
    pictures_.begin_frame(data_.running(), now_ms);
    data_.train_frame(session_, now_ms, pictures_.reserved_ms());
    view_.training = data_.running();
    gestures_begin_frame(session_);
    view_sync_.follow(session_, view_);  // a document opened or undone since the last frame
    update_touch_press();
    // The diagram's input first (a drag on an edge edits a weight the sliders then show), its
    // labels last (so they show every edit of this frame, a slider's included).
    diagram_.handle_input(session_, view_, layout.diagram);
    diagram_area_ = layout.diagram;
    if (layout.narrow) {
        draw_phone(layout);
    } else {
        draw_laptop(layout);
    }
    apply_exercise_requests(session_, view_);
    if (view_.exercise.show_sheet) {  // an answer field to type in: unfold the worksheet
        layout_options_.worksheet_open = true;
        layout_options_.panels_open = true;
        view_.exercise.show_sheet = false;
    }
    diagram_.draw(session_, view_, probe_, &pictures_);
    probe_.add("panel:toolbar", layout.toolbar.x, layout.toolbar.y, layout.toolbar.w, layout.toolbar.h);
    if (layout.caption.h > 0) probe_.add("panel:caption", layout.caption.x, layout.caption.y, layout.caption.w, layout.caption.h);
    gestures_end_frame(session_);
    keyboard_nav_end_frame();
    if (tooltip_listener_ && view_.tooltip != announced_tooltip_) {
        announced_tooltip_ = view_.tooltip;
        tooltip_listener_(announced_tooltip_);
    }
    update_page_mirror();
}

void App::update_page_mirror() {
    // (While Tab enters a panel, nothing has the focus for a frame: not worth saying.)
    if (mirror_.focus && !keyboard_entering() && (retell_focus_ || focused_control() != mirrored_focus_)) {
        retell_focus_ = false;
        mirrored_focus_ = focused_control();
        mirror_.focus(control_json(mirrored_focus_));
    }
    if (mirror_.left && keyboard_left() != 0) mirror_.left(keyboard_left());
    if (mirror_.status) {
        std::string status = status_json(session_, view_, exercise_status(session_, view_), data_.plot_text(),
                                         data_.shown_metrics(session_));
        if (status != mirrored_status_) {
            mirrored_status_ = std::move(status);
            mirror_.status(mirrored_status_);
        }
    }
    if (mirror_.sheet_changed && sheet_key(session_, view_) != mirrored_sheet_) {
        mirrored_sheet_ = sheet_key(session_, view_);
        mirror_.sheet_changed();
    }
}

void App::draw_laptop(const Layout& layout) {
    if (begin_panel("Sliders", layout.controls, &panel_backgrounds_, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
        add_window_probe(probe_, "panel:controls");
        draw_title();
        // Captions ("Sample", "Steps") only when the row has room for them.
        const bool compact = ImGui::GetContentRegionAvail().x < 340.0f;
        const float spacing = ImGui::GetStyle().ItemSpacing.x * 3;
        draw_sample_selector(session_, view_, probe_, compact,
                             ImGui::GetContentRegionAvail().x - step_mode_width(compact) - spacing);
        if (session_.sample_count() > 1) ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 3);
        draw_step_mode(view_, probe_, compact);
        draw_view_switch(session_, view_, probe_, compact);  // on its own line, with targets only
        const std::string hint = std::string("Drag ") + notation::kDot + " double-click to type " + notation::kDot + " " +
                                 notation::kLeftArrow + " " + notation::kArrow + " to step";
        muted_text_wrapped(hint.c_str());
        // Two tabs: the sliders, and training on a data set (data_panel.h). As on a phone, each
        // tab's controls follow it in the Tab order: the Data tab is the panel's last control.
        if (ImGui::BeginTabBar("tabs", ImGuiTabBarFlags_NoTooltip)) {
            ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);  // tab stops
            const bool sliders = ImGui::BeginTabItem("Sliders");
            ImGui::PopItemFlag();
            tab_stop_of_tab("Sliders", sliders);
            probe_.add_last_item("tab:Sliders", sliders);
            if (sliders) {
                draw_sliders_child(controls_, session_, view_, probe_, false);
                ImGui::EndTabItem();
            }
            ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);
            const bool data = ImGui::BeginTabItem("Data");
            ImGui::PopItemFlag();
            tab_stop_of_tab("Data", data);
            probe_.add_last_item("tab:Data", data);
            if (data) {
                draw_data_child(false);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();

    const bool sheet_open = begin_panel("Worksheet", layout.breakdown, &panel_backgrounds_,
                                        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    worksheet_window_ = ImGui::GetCurrentWindow()->ID;
    if (sheet_open) {
        add_window_probe(probe_, "panel:breakdown");
        draw_worksheet_header(false);
        if (layout_options_.worksheet_open) draw_sheet_child(session_, view_, probe_, true);
    }
    ImGui::End();
}

void App::draw_data_child(bool touch) {
    // NavFlattened: Tab goes on from the tabs into the panel's controls.
    if (ImGui::BeginChild("data", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened)) {
        add_window_probe(probe_, "panel:data");
        data_.draw(session_, view_.sample, pictures_, probe_, touch);
        if (data_.take_points_file_request() && mirror_.pick_points_file) mirror_.pick_points_file();
        // On a phone the sample's column is on the Worksheet tab: show it (a laptop shows both).
        if (data_.take_sample_used() && touch) sheet_tab_asked_ = true;
        drag_to_scroll();
    }
    ImGui::EndChild();
}

void App::draw_worksheet_header(bool narrow) {
    bool& open = layout_options_.worksheet_open;
    const TabStops tab_stops;  // its buttons
    if (!narrow) {
        // ▼ / ▶ Worksheet: folds the worksheet to this line, giving the diagram the height.
        const std::string label = std::string(open ? notation::kOpenSection : notation::kClosedSection) + "  Worksheet###worksheet";
        if (ImGui::Button(label.c_str())) open = !open;
        keyboard_tab_stop([&] { return describe_control(ControlRole::Disclosure, "Worksheet", open); });
        probe_.add_last_item("button:Worksheet", open);
        ImGui::SameLine();
    }
    draw_exercise_toggle(session_, view_, probe_);
    if (view_.exercise.on && narrow) {  // a phone's bar goes on from the toggle
        draw_exercise_bar(session_, view_, probe_, true);
        return;
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (view_.exercise.on) {
        muted_text_if_fits(exercise_hint(view_));
        if (open) draw_exercise_bar(session_, view_, probe_, false);
        return;
    }
    // The longest of these that fits the rest of the line (none on the narrowest screens).
    const std::string wa = std::string("z = W") + notation::kDot + "a";
    const std::string hints[] = {
        wa + " (+ b), a = activation(z), every sample a column. Click a number to find its slider.",
        wa + " (+ b), a = activation(z), every sample a column.",
        wa + ", then the activation; every sample a column",
        wa + " (+ b)",
    };
    for (const std::string& hint : hints)
        if (muted_text_if_fits(hint.c_str())) break;
}

void App::draw_phone(const Layout& layout) {
    if (begin_panel("Top bar", layout.top_bar, &panel_backgrounds_, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
        add_window_probe(probe_, "panel:topbar");
        const float spacing = ImGui::GetStyle().ItemSpacing.x * 2;
        // The title's name only when the sample list and the step mode still fit beside it (not
        // on a 360-pixel phone): the mark alone says where this is.
        const float controls = sample_selector_min_width(session_) + step_mode_width(true) + 2 * spacing;
        draw_title(title_width(true) + controls <= ImGui::GetContentRegionAvail().x);
        ImGui::SameLine(0, spacing);
        // Sample buttons while they fit beside the step mode (XOR's four do not), else a list.
        draw_sample_selector(session_, view_, probe_, true, ImGui::GetContentRegionAvail().x - step_mode_width(true) - spacing);
        if (session_.sample_count() > 1) ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 2);
        draw_step_mode(view_, probe_, true);
        draw_view_switch(session_, view_, probe_, false);  // its own row (top_bar_rows), with targets only
    }
    ImGui::End();

    const bool reveal = view_.scroll_to_selected;  // a click in the diagram asks for its sliders
    if (reveal) layout_options_.panels_open = true;
    if (begin_panel("Panels", layout.controls, &panel_backgrounds_, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
        if (ImGui::BeginTabBar("tabs", ImGuiTabBarFlags_NoTooltip)) {
            bool& open = layout_options_.panels_open;
            // The tabs and the fold button are tab stops (what the tabs hold says for itself).
            ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);
            const bool sliders = ImGui::BeginTabItem("Sliders", nullptr, reveal ? ImGuiTabItemFlags_SetSelected : 0);
            ImGui::PopItemFlag();
            if (ImGui::IsItemClicked()) open = true;
            tab_stop_of_tab("Sliders", sliders);
            probe_.add_last_item("tab:Sliders", sliders);
            if (sliders) {
                add_window_probe(probe_, "panel:controls");
                if (open) draw_sliders_child(controls_, session_, view_, probe_, true);
                ImGui::EndTabItem();
            }
            // An answer field to type in (exercise mode) or a point used as the sample (the Data
            // tab's Use as sample) brings the worksheet's tab forward.
            const bool show_sheet = view_.exercise.show_sheet || std::exchange(sheet_tab_asked_, false);
            if (show_sheet && !view_.exercise.show_sheet) sheet_tab_focus_due_ = true;
            ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);
            const bool sheet = ImGui::BeginTabItem("Worksheet", nullptr, show_sheet ? ImGuiTabItemFlags_SetSelected : 0);
            ImGui::PopItemFlag();
            if (ImGui::IsItemClicked()) open = true;
            // The focus was in the plot, which is gone with the Data tab: it moves to this tab, from
            // where Tab goes on into the worksheet (the ring shows only if keys were in use).
            if (sheet && std::exchange(sheet_tab_focus_due_, false)) ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
            tab_stop_of_tab("Worksheet", sheet);
            probe_.add_last_item("tab:Worksheet", sheet);
            if (sheet) {
                add_window_probe(probe_, "panel:breakdown");
                if (open) {
                    draw_worksheet_header(true);
                    draw_sheet_child(session_, view_, probe_, false);
                }
                ImGui::EndTabItem();
            }
            // Training on a data set (data_panel.h).
            ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);
            const bool data = ImGui::BeginTabItem("Data");
            ImGui::PopItemFlag();
            if (ImGui::IsItemClicked()) open = true;
            tab_stop_of_tab("Data", data);
            probe_.add_last_item("tab:Data", data);
            if (data) {
                if (open) draw_data_child(true);
                ImGui::EndTabItem();
            }
            // Folds the panel down to this tab bar, or opens it again.
            ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);
            const std::string fold = std::string(open ? notation::kOpenSection : notation::kFoldUp) + "###fold";
            if (ImGui::TabItemButton(fold.c_str(), ImGuiTabItemFlags_Trailing)) {
                open = !open;
            }
            ImGui::PopItemFlag();
            keyboard_tab_stop([&] { return describe_control(ControlRole::Disclosure, "Panel", open); });
            probe_.add_last_item("button:Fold panels", open);
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
}

void App::render_gl(float fb_scale, const std::vector<unsigned>* panels) {
    std::vector<PanelBackground> some;  // only when a frame keeps panels: a full one copies nothing
    if (panels) {
        std::copy_if(panel_backgrounds_.begin(), panel_backgrounds_.end(), std::back_inserter(some),
                     [panels](const PanelBackground& b) {
                         return std::find(panels->begin(), panels->end(), b.window) != panels->end();
                     });
    }
    paint_panel_backgrounds(panels ? some : panel_backgrounds_, ImGui::GetStyle().Colors[ImGuiCol_WindowBg],
                            ImGui::GetIO().DisplaySize.y, fb_scale);
    diagram_.render_gl(session_, view_, fb_scale);
}

void App::release_gl_objects() {
    diagram_.release_gl_objects();
    pictures_.release_gl_objects();
    data_.release_gl_objects();
}

}  // namespace app
