// The explorer's UI: one App per page, drawing the session with Dear ImGui each frame.
// Platform-free apart from ImGui and GL: the window, events and the page live in src/platform/.
#pragma once

#include <string>

#include "app/control_description.h"
#include "app/controls_panel.h"
#include "app/data_panel.h"
#include "app/diagram_view.h"
#include "app/layout.h"
#include "app/panel_backgrounds.h"
#include "app/picture.h"
#include "app/text_alternative.h"
#include "app/ui_probe.h"
#include "app/view_state.h"
#include "app/view_sync.h"
#include "core/document/session.h"

namespace app {

// During a run, the worksheet on a laptop is drawn again at most this often (panel_that_may_wait).
constexpr double kRunSheetIntervalMs = 100.0;

class App {
public:
    App();

    // Starts what the GPU can do while the UI is laid out (the diagram's shaders compile). Call
    // before draw; optional (render_gl makes whatever was not started).
    void begin_gl() { diagram_.begin_gl(); }
    // Builds this frame's UI. Call between ImGui::NewFrame and ImGui::Render.
    void draw();
    // Paints the panels' backgrounds and draws the diagram with GL. Call after ImGui::Render,
    // before rendering ImGui's draw data. panels: the ImGui windows whose backgrounds to paint
    // (a frame that keeps the others' pixels, frame_damage.h); nullptr: every panel's.
    void render_gl(float fb_scale, const std::vector<unsigned>* panels = nullptr);
    // Where the diagram is this frame (CSS px): its GL drawing and ImGui's background list.
    const Rect& diagram_area() const { return diagram_area_; }
    // The panel whose changes may wait up to kRunSheetIntervalMs (frame_damage.h): on a laptop
    // during a run, the worksheet (its window's ImGui ID; 0: none). Its numbers change every frame
    // of a run, faster than they can be read, while the diagram, the plot and the loss chart are
    // what a run is watched for. On a phone the worksheet is a tab of the panel the plot is in.
    unsigned panel_that_may_wait() const { return data_.running() ? worksheet_window_ : 0; }
    // A picture of the diagram and the worksheet as shown (app/picture.h). Call between frames.
    Picture picture(float scale, void (*render)(ImDrawData*)) const { return make_picture(session_, view_, scale, render); }

    // For a lost WebGL context: lets go of every GL object the app made (gone with the context);
    // the next render_gl makes them again. The session and the view are kept.
    void release_gl_objects();

    // Whether the page must keep running frames on its own: a training run is on (data_panel.h).
    bool animating() const { return data_.running(); }

    mlp::Session& session() { return session_; }
    const mlp::Session& session() const { return session_; }
    const ViewState& view() const { return view_; }
    // window.mlpExplorer.ui(): where things are on screen this frame, and what is hovered.
    std::string ui_json() const { return probe_.json(view_); }

    // The height the page's title and note take (CSS px; 0: none), left free under the toolbar.
    void set_caption_height(float height) { layout_options_.caption_height = height; }

    // Receives the tooltip text whenever it changes ("" when it goes away), so the platform can
    // mirror it into the page for screen readers. Set by the platform; none by default.
    using TextListener = void (*)(const std::string& text);
    void set_tooltip_listener(TextListener listener) { tooltip_listener_ = listener; }

    // What the page's accessible mirror of the canvas is told, from the frame in which it changed
    // (never on a timer: frames run only when something happens). Set by the platform.
    struct PageMirror {
        TextListener focus = nullptr;          // the focused control, as control_json()
        void (*left)(int direction) = nullptr;  // Tab ran off the app's last (+1) or first (-1) control
        TextListener status = nullptr;         // the network, outputs, loss, exercise: status_json()
        void (*sheet_changed)() = nullptr;     // the worksheet's values: the page reads sheet_json()
        void (*pick_points_file)() = nullptr;  // the Data panel's Import points: the page's file picker
    };
    void set_page_mirror(const PageMirror& mirror) { mirror_ = mirror; }
    // The page's mirror showed something else meanwhile (the browser's focus went out of the app
    // and came back): the focused control is told again on the next frame, changed or not.
    void retell_focus() { retell_focus_ = true; }
    // The worksheet as tables, for the page (text_alternative.h).
    std::string sheet_json() const { return app::sheet_json(session_, view_); }

private:
    void draw_laptop(const Layout& layout);
    void draw_phone(const Layout& layout);
    void draw_worksheet_header(bool narrow);
    void draw_data_child(bool touch);
    void update_page_mirror();

    mlp::Session session_;
    ViewState view_;
    ViewSync view_sync_;
    DiagramView diagram_;
    ControlsPanel controls_;
    DataPanel data_;
    PlanePictures pictures_;  // the plot's and the diagram's node pictures (plane_pictures.h)
    std::vector<PanelBackground> panel_backgrounds_;  // this frame's panels, painted by render_gl
    Rect diagram_area_;
    unsigned worksheet_window_ = 0;  // this frame's laptop worksheet panel, else 0
    LayoutOptions layout_options_;
    UiProbe probe_;
    TextListener tooltip_listener_ = nullptr;
    std::string announced_tooltip_;
    PageMirror mirror_;
    ControlDescription mirrored_focus_;
    bool retell_focus_ = false;
    // Phone: Use as sample in the Data tab brings the Worksheet tab forward (asked for), then the
    // keyboard's focus goes to that tab (due), where the plot that had it is no longer drawn.
    bool sheet_tab_asked_ = false, sheet_tab_focus_due_ = false;
    std::string mirrored_status_;
    SheetKey mirrored_sheet_;
};

}  // namespace app
