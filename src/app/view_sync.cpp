#include "app/view_sync.h"

#include <algorithm>

namespace app {

bool has_nonzero_bias(const mlp::Network& net) {
    for (const std::vector<double>& b : net.biases)
        if (std::any_of(b.begin(), b.end(), [](double v) { return v != 0.0; })) return true;
    return false;
}

void ViewSync::follow(const mlp::Session& session, ViewState& view) {
    step_mode_.follow(session, &view.integer_steps);
    if (session.structure_revision() == structure_seen_) return;
    structure_seen_ = session.structure_revision();
    view.sample = std::clamp(view.sample, 0, std::max(0, session.sample_count() - 1));
    const std::vector<int>& shape = session.network().shape;
    if (!in_network(view.selected, shape)) {
        view.selected = {};
        view.scroll_to_selected = false;
    }
    if (!in_network(view.hovered, shape)) view.hovered = {};
    if (has_nonzero_bias(session.network())) view.show_biases = true;
}

}  // namespace app
