#include "core/document/step_mode.h"

#include <cmath>

namespace mlp {
namespace {

bool is_whole(double v) { return std::floor(v) == v; }

bool all_whole(const double* v, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (!is_whole(v[i])) return false;
    return true;
}

// The value a one-value edit set, or NaN for other edits.
double edited_value(const Session& s) {
    const Session::Edit& e = s.last_edit();
    if (e.kind != Session::Edit::Kind::Value) return NAN;
    const ValueAddress& at = e.value;
    switch (at.kind) {
        case ValueKind::Weight: return s.network().weights[at.layer].at(at.row, at.col);
        case ValueKind::Bias: return s.network().biases[at.layer][at.row];
        case ValueKind::Input: return s.document().inputs.at(at.sample, at.col);
        default: return NAN;
    }
}

}  // namespace

bool has_only_whole_values(const Document& doc) {
    const Network& net = doc.network;
    for (const Matrix& w : net.weights)
        if (!all_whole(w.values.data(), w.values.size())) return false;
    for (const std::vector<double>& b : net.biases)
        if (!all_whole(b.data(), b.size())) return false;
    return all_whole(doc.inputs.values.data(), doc.inputs.values.size());
}

bool StepModeFollower::follow(const Session& session, bool* integer_steps) {
    if (session.start_revision() != start_seen_) {
        // A network opened: it chooses.
        start_seen_ = session.start_revision();
        revision_seen_ = session.revision();
        structure_seen_ = session.structure_revision();
        whole_ = has_only_whole_values(session.document());
        *integer_steps = whole_;
        return true;
    }
    if (session.revision() == revision_seen_) return false;
    const bool one_edit = session.revision() == revision_seen_ + 1;
    revision_seen_ = session.revision();
    if (session.structure_revision() != structure_seen_) {
        // A shape edit (or its undo): fractions it brought into whole numbers mean fine steps.
        structure_seen_ = session.structure_revision();
        const bool whole = has_only_whole_values(session.document());
        const bool to_fine = whole_ && !whole && *integer_steps;
        whole_ = whole;
        if (to_fine) *integer_steps = false;
        return to_fine;
    }
    // A value edit leaves the mode alone, but is followed so that a later shape edit is judged
    // against the network as it is: one value costs one check, the rest a scan (an undo of a
    // whole drag, say). Activations and the hidden set change no value.
    const Session::Edit& edit = session.last_edit();
    if (edit.kind == Session::Edit::Kind::Hidden ||
        (edit.kind == Session::Edit::Kind::Value && edit.value.kind == ValueKind::Activation))
        return false;
    const double v = edited_value(session);
    if (one_edit && !std::isnan(v))
        whole_ = whole_ && is_whole(v);
    else
        whole_ = has_only_whole_values(session.document());
    return false;
}

}  // namespace mlp
