// The explorer's header: the title, the sample selector (which sample the diagram shows; the
// worksheet shows them all) and the sliders' step mode (whole numbers, or fine). On a laptop
// it heads the sliders panel, so the keyboard reaches it with the sliders; on a phone it is a
// slim bar above the diagram.
#pragma once

#include "app/ui_probe.h"
#include "app/view_state.h"
#include "core/document/session.h"

namespace app {

// Samples up to this many get a button each; more get a drop-down list.
constexpr int kMaxSampleButtons = 6;

// The mark, then "MLP Explorer" when `with_name`.
void draw_title(bool with_name = true);
// The width draw_title takes.
float title_width(bool with_name);
// The least width draw_sample_selector needs: a drop-down list (none with a single sample).
float sample_selector_min_width(const mlp::Session& session);
// Draws nothing with a single sample. compact: no "Sample" caption (narrow screens). The buttons
// become a drop-down list when they would be wider than `max_width`.
void draw_sample_selector(const mlp::Session& session, ViewState& view, UiProbe& probe, bool compact,
                          float max_width = 1e9f);
// The width draw_step_mode takes.
float step_mode_width(bool compact);
void draw_step_mode(ViewState& view, UiProbe& probe, bool compact);

// The diagram's view (ViewState::gradient_view): "Values | Gradients", drawn only when the document
// has targets (no targets, no gradients: the page looks as before). The width it takes (0 when
// not drawn), and the row itself; compact: no "View" caption.
float view_switch_width(const mlp::Session& session, bool compact);
void draw_view_switch(const mlp::Session& session, ViewState& view, UiProbe& probe, bool compact);

// A row of buttons where one is on ("x1 | x2", "Integer | Fine"). The buttons are tab stops,
// so Tab reaches them as it reaches the sliders; Space or Enter presses the focused one. `group`
// names the row for screen readers ("Sample": the button "Sample x2"); `hint` says what it does.
// Returns the index clicked this frame, or -1.
int segmented_buttons(const char* const* labels, int count, int current, UiProbe& probe, const char* group,
                      const char* hint = "");

}  // namespace app
