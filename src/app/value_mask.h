// What exercise mode hides from view this frame: a value of the document's hidden set, unless
// Reveal has shown it or the teacher is editing the sheet. Every place that shows a value of the
// forward or backward pass asks here first: the worksheet's cells (backward_sheet.h for the
// backward cards), the diagram's node labels, fills and tooltips (and so the page's aria-live
// mirror), the gradient view's, the sliders panel's summaries.
#pragma once

#include <string>
#include <vector>

#include "app/view_state.h"
#include "core/document/session.h"
#include "core/exercise/hidden_value.h"

namespace app {

// What a hidden value shows instead of its number.
constexpr const char* kMaskedText = "?";

class ValueMask {
public:
    // rights_known: values the learner has answered right (marked ✓) count as shown, as in the
    // computation Reveal writes out (the learner has them on their sheet).
    ValueMask(const mlp::Session& session, const ViewState& view, bool rights_known = false);

    // Whether a value of the hidden set (forward or backward) is hidden from view. O(log hidden).
    bool hides(const mlp::HiddenValue& h) const;
    // Whether z or a of (weight layer l, sample, node) is hidden from view.
    bool hides(mlp::HiddenValue::Quantity q, int l, int sample, int node) const { return hides({q, l, sample, node}); }
    // ∂L/∂z of (weight layer l, sample, node): what the gradient view's node shows.
    bool hides_dz(int l, int sample, int node) const { return hides(mlp::HiddenValue::Quantity::Dz, l, sample, node); }
    // ∂L/∂W[row, col] of weight layer l (or the new weight, which gives it away).
    bool hides_dw(int l, int row, int col) const;
    bool hides_z(int l, int sample, int node) const { return hides(mlp::HiddenValue::Quantity::Z, l, sample, node); }
    bool hides_a(int l, int sample, int node) const { return hides(mlp::HiddenValue::Quantity::A, l, sample, node); }
    // z or a of the node: its fill, its clip mark and its label all tell something about both.
    bool hides_node(int l, int sample, int node) const { return hides_z(l, sample, node) || hides_a(l, sample, node); }
    // Value j of what feeds weight layer l: an input (never hidden) for l = 0, else a of l - 1.
    bool hides_input(int l, int sample, int j) const { return l > 0 && hides_a(l - 1, sample, j); }
    // Whether anything is hidden from view at all (cheap checks can skip the rest).
    bool any() const { return active_; }

private:
    const std::vector<mlp::HiddenValue>& hidden_;
    const mlp::ExerciseSheet& sheet_;
    bool active_;
    bool rights_known_;
};

// A value as text (format_value), or kMaskedText when hidden.
std::string shown_value(bool hidden, double v);

}  // namespace app
