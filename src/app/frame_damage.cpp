#include "app/frame_damage.h"

#include <algorithm>
#include <cmath>

namespace app {

PixelRect pixel_rect(float x, float y, float w, float h, float scale, int canvas_w, int canvas_h) {
    PixelRect r;
    r.x0 = std::clamp(static_cast<int>(std::floor(x * scale)), 0, canvas_w);
    r.y0 = std::clamp(static_cast<int>(std::floor(y * scale)), 0, canvas_h);
    r.x1 = std::clamp(static_cast<int>(std::ceil((x + w) * scale)), 0, canvas_w);
    r.y1 = std::clamp(static_cast<int>(std::ceil((y + h) * scale)), 0, canvas_h);
    return r;
}

int Redraw::kept() const {
    if (all) return 0;
    return static_cast<int>(std::count(regions.begin(), regions.end(), false));
}

Redraw FrameDamage::next(const std::vector<FrameRegion>& regions, uint64_t canvas_key, bool redraw_all,
                         double now_ms) {
    Redraw out;
    bool all = redraw_all || !known_ || canvas_key != canvas_key_ || regions.size() != shown_.size();
    for (size_t i = 0; i < regions.size() && !all; ++i) {
        all = regions[i].id != shown_[i].region.id || !(regions[i].rect == shown_[i].region.rect);
    }
    if (!all) {
        out.all = false;
        out.regions.resize(regions.size());
        for (size_t i = 0; i < regions.size(); ++i) {
            const bool changed = regions[i].fingerprint != shown_[i].region.fingerprint;
            const bool waits = now_ms - shown_[i].drawn_ms < regions[i].min_interval_ms;
            out.regions[i] = regions[i].always || (changed && !waits);
        }
        // A region that shares a pixel with one drawn again is drawn again too (its pixels there
        // are cleared), and so on: a tooltip over a panel, a panel a rounded edge into the diagram.
        for (bool grew = true; grew;) {
            grew = false;
            for (size_t i = 0; i < regions.size(); ++i) {
                if (out.regions[i]) continue;
                for (size_t j = 0; j < regions.size() && !out.regions[i]; ++j) {
                    if (out.regions[j] && regions[i].rect.overlaps(regions[j].rect)) out.regions[i] = grew = true;
                }
            }
        }
    }
    known_ = true;
    canvas_key_ = canvas_key;
    shown_.resize(regions.size());
    for (size_t i = 0; i < regions.size(); ++i) {
        if (all || out.regions[i]) shown_[i] = {regions[i], now_ms};  // a kept one shows what it drew then
    }
    return out;
}

}  // namespace app
