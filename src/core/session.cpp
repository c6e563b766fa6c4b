#include "core/session.h"

#include <cmath>

#include "core/default_network.h"
#include "core/limits.h"
#include "core/link_codec.h"
#include "core/state_json.h"

namespace mlp {

double clamp_value(double v) {
    if (std::isnan(v)) return 0.0;
    if (v > kMaxAbsValue) return kMaxAbsValue;
    if (v < -kMaxAbsValue) return -kMaxAbsValue;
    return v;
}

Session::Session() : doc_(exercise_document()) { forward_pass(doc_.network, doc_.inputs, &pass_); }

void Session::recompute_from(int layer, Edit edit) {
    forward_pass(doc_.network, doc_.inputs, &pass_, layer);
    last_edit_ = edit;
    ++revision_;
}

void Session::set_weight(int layer, int row, int col, double v) {
    double& w = doc_.network.weights[layer].at(row, col);
    v = clamp_value(v);
    if (w == v) return;
    w = v;
    recompute_from(layer, {Edit::Kind::Weight, layer, row, col});
}

void Session::set_bias(int layer, int row, double v) {
    double& b = doc_.network.biases[layer][row];
    v = clamp_value(v);
    if (b == v) return;
    b = v;
    recompute_from(layer, {Edit::Kind::Bias, layer, row, 0});
}

void Session::set_input(int sample, int col, double v) {
    double& x = doc_.inputs.at(sample, col);
    v = clamp_value(v);
    if (x == v) return;
    x = v;
    recompute_from(0, {Edit::Kind::Input, sample, 0, col});
}

void Session::set_activation(int layer, Activation act) {
    if (doc_.network.activations[layer] == act) return;
    doc_.network.activations[layer] = act;
    recompute_from(layer, {Edit::Kind::Activation, layer, 0, 0});
}

std::string Session::replace(Document doc) {
    std::string err = validate(doc);
    if (!err.empty()) return err;
    doc_ = std::move(doc);
    error_.clear();
    forward_pass(doc_.network, doc_.inputs, &pass_);
    last_edit_ = Edit{};
    ++revision_;
    ++structure_revision_;
    return "";
}

const std::string& Session::link() const {
    if (link_cache_revision_ != revision_) {
        link_cache_ = encode_link(doc_);
        link_cache_revision_ = revision_;
    }
    return link_cache_;
}

std::string Session::state_json() const {
    StateExtras extras;
    extras.hash = "#" + link();
    extras.error = error_;
    extras.warnings = warnings_;
    return mlp::state_json(doc_, pass_, extras);
}

}  // namespace mlp
