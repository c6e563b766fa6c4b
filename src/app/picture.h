// A picture of the diagram and the whole worksheet, for slides and handouts (the page's File ▸
// Save a picture). The page's canvas is not read back for it: it shows only the part of the
// worksheet its panel has room for, at the screen's scale, with the screen's hover and focus.
// Instead the picture is drawn when asked, between two frames, into a framebuffer of its own,
// and read at once: no frame of the page is slowed or changed for it, and it needs no frame (the
// page may be idle). It has its own ImGui context (sharing the fonts), so the screen's focus,
// scroll and hover stay as they are.
//
// Its layout: a fixed width (kPictureWidth CSS px, for slides as for a laptop's screen), the
// diagram as tall as it can use (within limits), then every card of the worksheet wrapped in rows
// (a card of a large layer shows its first rows, as on screen). The page adds the title and note.
#pragma once

#include <string>
#include <vector>

#include "app/view_state.h"
#include "core/document/session.h"

struct ImDrawData;

namespace app {

constexpr float kPictureWidth = 1280.0f;  // CSS px

struct Picture {
    int width = 0, height = 0;        // pixels
    float scale = 1;                  // pixels per CSS px
    std::vector<unsigned char> rgba;  // (height, width, 4), the bottom row first, as GL reads it
    std::string error;                // why there is none
};

// Draws the picture of `session` as `view` shows it (its sample, exercise mode; not what is
// hovered or selected) at `scale` pixels per CSS pixel (less when the GPU cannot hold that many).
// `render` draws ImGui draw data into the bound framebuffer (the page's renderer backend). Call
// between frames, with the page's ImGui context current and its GL objects made.
Picture make_picture(const mlp::Session& session, const ViewState& view, float scale, void (*render)(ImDrawData*));

}  // namespace app
