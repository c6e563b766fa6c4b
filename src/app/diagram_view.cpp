#include "app/diagram_view.h"

namespace app {

void DiagramView::draw(mlp::Session&, ViewState&, const Rect& area, UiProbe& probe) {
    area_ = area;
    probe.add("panel:diagram", area.x, area.y, area.w, area.h);
}

void DiagramView::render_gl(const mlp::Session&, const ViewState&, float) {}

}  // namespace app
