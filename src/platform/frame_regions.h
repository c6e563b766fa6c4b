// A frame's regions (app/frame_damage.h), read from Dear ImGui after ImGui::Render: the diagram
// (its GL drawing and ImGui's background list, where the diagram writes its labels), each docked
// panel (a root window and its child windows) and each tooltip or popup, each with a fingerprint
// of its draw lists;
// and the draw data cut down to the regions a frame draws again. (Reads imgui_internal.h's
// state of ImGui 1.86.)
#pragma once

#include <cstdint>
#include <vector>

#include <imgui.h>

#include "app/frame_damage.h"
#include "app/layout.h"

namespace platform {

struct FrameRegions {
    std::vector<app::FrameRegion> regions;  // the diagram's first
    std::vector<unsigned> windows;          // each region's ImGui window (0: the diagram)
    std::vector<int> list_region;           // each of the draw data's lists: its region
    bool outside = false;  // something drawn outside the regions (a modal's dimming, the foreground
                           // list) or a canvas at a fractional scale: draw everything
    uint64_t picture = 0;  // a fingerprint of the whole picture: equal when nothing changed
};

// `diagram`: the diagram's area in CSS px; `texture_uploads`: app/rgba_texture.h's count (a panel
// showing one of those textures changes with its pixels).
FrameRegions frame_regions(const ImDrawData& draw_data, const app::Rect& diagram, int fb_w, int fb_h,
                           uint64_t texture_uploads);

// Clips every draw command to its region, in every frame, so that a region drawn alone leaves the
// pixels a frame drawing them all would (a window's border would otherwise antialias over its
// neighbour's edge).
void clip_to_regions(ImDrawData& draw_data, const FrameRegions& frame);

// The draw data of the regions `redraw` names, in their order; `lists` holds its list.
ImDrawData regions_only(const ImDrawData& draw_data, const FrameRegions& frame, const app::Redraw& redraw,
                        std::vector<ImDrawList*>* lists);

// What changes every region's picture: the canvas's size and scale, the colours under the panels.
uint64_t canvas_key(int fb_w, int fb_h, float scale, const ImVec4& background, const ImVec4& panel_background);

// Whether frames may keep regions (on unless a test or the bench turns it off: then every frame
// draws everything, as before the drawing buffer was kept), and how many they have kept.
void set_partial_redraw(bool on);
bool partial_redraw();
void count_kept_regions(int regions);
double kept_regions();

}  // namespace platform
