#include "app/value_mask.h"

#include <algorithm>

#include "core/text/number_format.h"

namespace app {

ValueMask::ValueMask(const mlp::Session& session, const ViewState& view, bool rights_known)
    : hidden_(session.hidden()),
      sheet_(view.exercise.sheet),
      active_(view.exercise.on && !view.exercise.editing && !session.hidden().empty()),
      rights_known_(rights_known) {}

bool ValueMask::hides(mlp::HiddenValue::Quantity q, int l, int sample, int node) const {
    if (!active_) return false;
    const mlp::HiddenValue h{q, l, sample, node};
    if (rights_known_ && sheet_.mark(h) == mlp::ExerciseSheet::Mark::Right) return false;
    return std::binary_search(hidden_.begin(), hidden_.end(), h) && !sheet_.revealed(h);
}

std::string shown_value(bool hidden, double v) { return hidden ? kMaskedText : mlp::format_value(v); }

}  // namespace app
