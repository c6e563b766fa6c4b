// The controls panel: sliders for every input value of every sample and every weight.
#pragma once

#include "app/layout.h"
#include "app/ui_probe.h"
#include "app/view_state.h"
#include "core/session.h"

namespace app {

void draw_controls_panel(mlp::Session& session, ViewState& view, const Rect& area, UiProbe& probe);

}  // namespace app
