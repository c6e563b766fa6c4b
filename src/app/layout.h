// Where the diagram and the panels go for a given window size.
//
// Laptop (>= 720 CSS px wide): the sliders panel on the left, full height, headed by the title,
// sample selector and step mode; on the right the page's toolbar strip, the diagram, and the
// worksheet docked below it (collapsible to its header line). The sliders panel has two tabs under
// its head: Sliders and Data (data set, plot, Run, loss), so the diagram and the worksheet keep
// their room while the network trains.
// Phone (< 720 px): a slim top bar (a second row with targets: the diagram's view switch), the
// toolbar strip, the diagram, and below it one panel with tabs (Sliders, Worksheet, Data) that can
// be folded down to its tab bar to give the diagram the screen. What another tab shows brings it
// forward (app.cpp): a click in the diagram the Sliders (its sliders), an answer field to type in
// or the Data tab's Use as sample the Worksheet.
//
// A document with a title or a note gets a strip under the toolbar for them (the page's HTML,
// web/page.js), as tall as the page measured them.
//
// Heights follow what the diagram can use: when its tallest layer is spread as far as it goes
// in less height than its share (a tablet in portrait, a small network), the rest goes to the
// worksheet (laptop) or the panel (phone), not to empty space around the nodes.
//
// The toolbar strip is left empty by the app: the page's own buttons (web/page.js: undo, redo,
// presets, export, import, copy link) are placed there, so they never cover the diagram.
#pragma once

#include <imgui.h>

namespace app {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    ImVec2 min() const { return ImVec2(x, y); }
    ImVec2 max() const { return ImVec2(x + w, y + h); }
    ImVec2 size() const { return ImVec2(w, h); }
    bool contains(ImVec2 p) const { return p.x >= x && p.y >= y && p.x < x + w && p.y < y + h; }
};

constexpr float kNarrowWidth = 720.0f;  // below this, the phone layout

// What the user folded away (kept by the App between frames).
struct LayoutOptions {
    bool worksheet_open = true;  // laptop: the worksheet under the diagram
    bool panels_open = true;     // phone: the tabbed panel under the diagram
    int worksheet_bar_lines = 0; // laptop: lines of a bar under the worksheet's header (exercise mode)
    float caption_height = 0;    // the page's title and note (0: none)
    int top_bar_rows = 1;        // phone: rows of the top bar (a second holds the diagram's view switch)
};

struct Layout {
    bool narrow = false;  // phone-sized: panels stack under the diagram, widgets sized for touch
    Rect top_bar;         // phone: title, sample selector, step mode; empty on a laptop
    Rect toolbar;         // the page's toolbar (HTML buttons over an empty strip)
    Rect caption;         // the document's title and note (HTML over an empty strip); h = 0 without
    Rect diagram;         // the network diagram (drawn with the project's own shaders)
    Rect controls;        // laptop: the sliders panel; phone: the tabbed panel (same as breakdown)
    Rect breakdown;       // laptop: the worksheet (its header line only when folded); phone: = controls
    Rect data;            // the Data panel: a tab beside the sliders (laptop) or of the panel (phone): = controls
};

// Height of the toolbar strip: one row of the page's buttons (touch-sized on a phone).
float toolbar_height(bool narrow);

// Height of a folded panel: its header line (laptop) or its tab bar (phone).
float folded_panel_height(bool narrow);

// display: the window size in CSS pixels (ImGui's DisplaySize). diagram_wanted(width): the height
// the diagram can use at that width (core/diagram/diagram_geometry.h); without it, fixed shares.
using DiagramHeightFn = float (*)(float width, const void* context);
Layout compute_layout(ImVec2 display, const LayoutOptions& options = {}, DiagramHeightFn diagram_wanted = nullptr,
                      const void* context = nullptr);

}  // namespace app
