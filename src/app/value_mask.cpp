#include "app/value_mask.h"

#include <algorithm>

#include "core/text/number_format.h"

namespace app {

ValueMask::ValueMask(const mlp::Session& session, const ViewState& view, bool rights_known)
    : hidden_(session.hidden()),
      sheet_(view.exercise.sheet),
      active_(view.exercise.on && !view.exercise.editing && !session.hidden().empty()),
      rights_known_(rights_known) {}

bool ValueMask::hides_dw(int l, int row, int col) const {
    if (!active_) return false;
    mlp::HiddenValue h{mlp::HiddenValue::Quantity::Dw, l, 0, row, col};
    if (hides(h)) return true;
    h.quantity = mlp::HiddenValue::Quantity::NewW;
    return hides(h);
}

bool ValueMask::hides(const mlp::HiddenValue& h) const {
    if (!active_) return false;
    if (rights_known_ && sheet_.mark(h) == mlp::ExerciseSheet::Mark::Right) return false;
    return std::binary_search(hidden_.begin(), hidden_.end(), h) && !sheet_.revealed(h);
}

std::string shown_value(bool hidden, double v) { return hidden ? kMaskedText : mlp::format_value(v); }

}  // namespace app
