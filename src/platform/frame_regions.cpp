#include "platform/frame_regions.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

#include <imgui_internal.h>

namespace platform {
namespace {

// FNV-1a over 64-bit words: a change detector, not a defence against crafted input.
struct Fingerprint {
    uint64_t h = 0xcbf29ce484222325ull;
    void add(const void* data, size_t bytes) {
        const unsigned char* p = static_cast<const unsigned char*>(data);
        uint64_t word = 0;
        for (; bytes >= 8; bytes -= 8, p += 8) {
            std::memcpy(&word, p, 8);
            h = (h ^ word) * 0x100000001b3ull;
        }
        word = 0;
        if (bytes) std::memcpy(&word, p, bytes);
        h = (h ^ word ^ bytes) * 0x100000001b3ull;
    }
    template <typename T>
    void add(const T& value) { add(&value, sizeof value); }
};

// Everything a list draws: vertices, indices, commands, and the uploads of the app's textures
// when it shows one (the font's never changes without a new canvas key).
uint64_t list_fingerprint(const ImDrawList& list, ImTextureID font, uint64_t texture_uploads) {
    Fingerprint f;
    f.add(list.VtxBuffer.Data, size_t(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    f.add(list.IdxBuffer.Data, size_t(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        f.add(cmd.ClipRect);
        f.add(cmd.TextureId);
        f.add(cmd.VtxOffset);
        f.add(cmd.IdxOffset);
        f.add(cmd.ElemCount);
        if (cmd.TextureId != font) f.add(texture_uploads);
    }
    return f.h;
}

// A modal window dims everything under it from its own draw list, outside its rectangle: while
// one is open, every frame draws everything. (Tooltips and popups are regions of their own.)
constexpr ImGuiWindowFlags kDimsTheRest = ImGuiWindowFlags_Modal;

bool g_partial_redraw = true;
double g_kept_regions = 0;

}  // namespace

FrameRegions frame_regions(const ImDrawData& draw_data, const app::Rect& diagram, int fb_w, int fb_h,
                           uint64_t texture_uploads) {
    const ImGuiContext& g = *GImGui;
    FrameRegions out;
    const float scale = draw_data.FramebufferScale.x;
    // At a scale of a fraction (browser zoom 125 %), a rectangle's edge in CSS px falls inside a
    // device pixel that ImGui's scissor (truncated) and GL's targets round apart: a region drawn
    // alone could spill a pixel onto a neighbour left as it was. Such canvases draw everything.
    out.outside = scale != std::floor(scale) || draw_data.FramebufferScale.y != scale || g.NavWindowingTarget;

    // The diagram: GL draws only inside its area (diagram_renderer.cpp scissors to it), and the
    // background list holds only its labels.
    app::FrameRegion diagram_region;
    diagram_region.rect = app::pixel_rect(diagram.x, diagram.y, diagram.w, diagram.h, scale, fb_w, fb_h);
    diagram_region.always = true;
    out.regions.push_back(diagram_region);
    out.windows.push_back(0);

    // Each panel, tooltip and popup, in the order Render adds them; which region each window's
    // list belongs to.
    std::vector<std::pair<const ImDrawList*, int>> owner;
    const ImGuiViewportP* viewport = g.Viewports[0];
    if (viewport->DrawLists[0]) owner.emplace_back(viewport->DrawLists[0], 0);
    for (const ImGuiWindow* w : g.Windows) {
        if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_ChildWindow)) continue;
        if (w->Flags & kDimsTheRest) out.outside = true;
        app::FrameRegion region;
        region.id = w->ID;
        region.rect = app::pixel_rect(w->Pos.x, w->Pos.y, w->Size.x, w->Size.y, scale, fb_w, fb_h);
        out.regions.push_back(region);
        out.windows.push_back(w->ID);
    }
    for (const ImGuiWindow* w : g.Windows) {
        if (!w->Active || w->Hidden) continue;
        const auto root = std::find(out.windows.begin() + 1, out.windows.end(), w->RootWindow->ID);
        if (root != out.windows.end()) owner.emplace_back(w->DrawList, static_cast<int>(root - out.windows.begin()));
    }

    const ImTextureID font = ImGui::GetIO().Fonts->TexID;
    std::vector<Fingerprint> region_prints(out.regions.size());
    Fingerprint picture;
    picture.add(draw_data.DisplayPos);
    picture.add(draw_data.DisplaySize);
    picture.add(draw_data.FramebufferScale);
    for (int n = 0; n < draw_data.CmdListsCount; ++n) {
        const ImDrawList* list = draw_data.CmdLists[n];
        const auto found = std::find_if(owner.begin(), owner.end(), [list](const auto& o) { return o.first == list; });
        const int region = found == owner.end() ? -1 : found->second;
        out.list_region.push_back(region);
        if (region < 0) out.outside = true;  // the foreground list
        const uint64_t print = list_fingerprint(*list, font, texture_uploads);
        picture.add(print);
        if (region >= 0) region_prints[region].add(print);
    }
    for (size_t k = 0; k < out.regions.size(); ++k) out.regions[k].fingerprint = region_prints[k].h;
    out.picture = picture.h;
    return out;
}

void clip_to_regions(ImDrawData& draw_data, const FrameRegions& frame) {
    const float scale = draw_data.FramebufferScale.x;
    const ImVec2 at = draw_data.DisplayPos;
    for (int n = 0; n < draw_data.CmdListsCount; ++n) {
        const int region = frame.list_region[n];
        if (region < 0) continue;
        const app::PixelRect& r = frame.regions[region].rect;
        const ImVec4 box(at.x + r.x0 / scale, at.y + r.y0 / scale, at.x + r.x1 / scale, at.y + r.y1 / scale);
        for (ImDrawCmd& cmd : draw_data.CmdLists[n]->CmdBuffer) {
            cmd.ClipRect = ImVec4(std::max(cmd.ClipRect.x, box.x), std::max(cmd.ClipRect.y, box.y),
                                  std::min(cmd.ClipRect.z, box.z), std::min(cmd.ClipRect.w, box.w));
        }
    }
}

ImDrawData regions_only(const ImDrawData& draw_data, const FrameRegions& frame, const app::Redraw& redraw,
                        std::vector<ImDrawList*>* lists) {
    ImDrawData out = draw_data;
    lists->clear();
    out.TotalVtxCount = out.TotalIdxCount = 0;
    for (int n = 0; n < draw_data.CmdListsCount; ++n) {
        const int region = frame.list_region[n];
        if (!redraw.all && (region < 0 || !redraw.regions[region])) continue;
        ImDrawList* list = draw_data.CmdLists[n];
        lists->push_back(list);
        out.TotalVtxCount += list->VtxBuffer.Size;
        out.TotalIdxCount += list->IdxBuffer.Size;
    }
    out.CmdLists = lists->data();
    out.CmdListsCount = static_cast<int>(lists->size());
    return out;
}

uint64_t canvas_key(int fb_w, int fb_h, float scale, const ImVec4& background, const ImVec4& panel_background) {
    Fingerprint f;
    f.add(fb_w);
    f.add(fb_h);
    f.add(scale);
    f.add(background);
    f.add(panel_background);
    return f.h;
}

void set_partial_redraw(bool on) { g_partial_redraw = on; }
bool partial_redraw() { return g_partial_redraw; }
void count_kept_regions(int regions) { g_kept_regions += regions; }
double kept_regions() { return g_kept_regions; }

}  // namespace platform
