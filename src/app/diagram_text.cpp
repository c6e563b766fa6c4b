#include "app/diagram_text.h"

#include "core/text/number_format.h"
#include "core/text/notation.h"
#include "app/worksheet_text.h"
#include "app/view_state.h"

namespace app {

namespace notation = mlp::notation;

namespace {

// A factor of a product: negative numbers in parentheses, as on the worksheet: 7·(−1).
std::string factor(double v) {
    std::string text = mlp::format_value(v);
    return v < 0 ? "(" + text + ")" : text;
}

std::string sample_note(const mlp::Session& session, int sample) {
    return session.sample_count() > 1 ? " (sample " + std::to_string(sample + 1) + ")" : "";
}

// "a·w" of input j of node (l, i); a hidden input reads "?".
std::string term(const mlp::Matrix& w, const mlp::Matrix& in, int sample, int i, int j, bool hidden) {
    return (hidden ? std::string(kMaskedText) : factor(in.at(sample, j))) + notation::kDot + factor(w.at(i, j));
}

}  // namespace


std::string node_label(const mlp::Network& net, int layer, int node) {
    const std::string index = "[" + std::to_string(node + 1) + "]";
    if (layer == 0) return "x" + index;
    if (layer == static_cast<int>(net.shape.size()) - 1) return "y" + index;
    return "node " + std::to_string(layer) + "." + std::to_string(node + 1);
}

std::string node_tooltip(const mlp::Session& session, int sample, int layer, int node, const ValueMask* mask) {
    const mlp::Network& net = session.network();
    const mlp::Matrix& inputs = session.document().inputs;
    if (layer == 0) return node_label(net, 0, node) + " = " + mlp::format_value(inputs.at(sample, node)) + sample_note(session, sample);

    const int l = layer - 1;  // the weight layer leading into this node
    const double z = session.pass().z[l].at(sample, node);
    const double a = session.pass().a[l].at(sample, node);
    const bool output = layer == static_cast<int>(net.shape.size()) - 1;
    const bool z_hidden = mask && mask->hides_z(l, sample, node);
    const bool a_hidden = mask && mask->hides_a(l, sample, node);

    std::string text = output ? "output " + node_label(net, layer, node)
                              : "layer " + std::to_string(layer) + ", node " + std::to_string(node + 1);
    text += sample_note(session, sample) + "\nz = " + dot_product_text(session, sample, l, node, mask);
    text += " = " + shown_value(z_hidden, z);

    const mlp::Activation act = net.activations[l];
    if (act == mlp::Activation::Linear) {
        if (output) text += " (linear output)";
        else text += " (linear: a = z)";
    } else {
        const std::string name = activation_label(act);  // "ReLU", "leaky ReLU", "sigmoid", "tanh"
        const std::string arrow = std::string(" ") + notation::kArrow + " ";
        text += arrow + name + arrow + shown_value(a_hidden, a);
    }
    return text;
}

std::string dot_product_text(const mlp::Session& session, int sample, int l, int node, const ValueMask* mask) {
    const mlp::Network& net = session.network();
    const mlp::Matrix& w = net.weights[l];
    const mlp::Matrix& in = mlp::layer_input(session.pass(), session.document().inputs, l);
    auto hidden = [&](int j) { return mask && mask->hides_input(l, sample, j); };
    // A long one keeps its first and last terms.
    std::string text;
    const int fan_in = w.cols;
    const int head = fan_in <= kMaxTermsShown ? fan_in : kMaxTermsShown - 2;
    for (int j = 0; j < head; ++j) text += (j ? " + " : "") + term(w, in, sample, node, j, hidden(j));
    if (head < fan_in) {
        text += std::string(" + ") + notation::kEllipsis + " + ";
        text += term(w, in, sample, node, fan_in - 1, hidden(fan_in - 1));
        text += " (" + std::to_string(fan_in) + " terms)";
    }
    const double bias = net.biases[l][node];
    if (bias != 0.0) text += " + " + factor(bias);
    return text;
}

std::string edge_tooltip(const mlp::Session& session, int sample, int l, int row, int col, const ValueMask* mask) {
    const mlp::Network& net = session.network();
    const double w = net.weights[l].at(row, col);
    const double a = mlp::layer_input(session.pass(), session.document().inputs, l).at(sample, col);
    const bool hidden = mask && mask->hides_input(l, sample, col);
    std::string text = notation::weight(l, row, col) + " = " + mlp::format_value(w) + "   (" + node_label(net, l, col) +
                       " " + notation::kArrow + " " + node_label(net, l + 1, row) + ")\n";
    text += std::string("contribution a") + notation::kDot + "w = " + (hidden ? std::string(kMaskedText) : factor(a)) +
            notation::kDot + factor(w) +
            " = " + shown_value(hidden, a * w);
    // What can be done with it, which nothing else on the line says.
    return text + sample_note(session, sample) + "\ndrag the line up or down to change " + notation::weight(l, row, col);
}

std::string bins_tooltip(const mlp::Session& session, const mlp::GapPlan& gap, int l, int dst_bin, int src_bin) {
    const int r0 = gap.dst.start(dst_bin), r1 = gap.dst.start(dst_bin + 1);
    const int c0 = gap.src.start(src_bin), c1 = gap.src.start(src_bin + 1);
    auto range = [](int lo, int hi) {  // 1-based, inclusive
        return hi - lo == 1 ? std::to_string(lo + 1) : std::to_string(lo + 1) + notation::kEnDash + std::to_string(hi);
    };
    const double mean = mlp::bin_mean(session.network().weights[l], gap, dst_bin, src_bin);
    return notation::weights(l) + "[" + range(r0, r1) + ", " + range(c0, c1) + "]: " +
           std::to_string((r1 - r0) * (c1 - c0)) + " weights drawn as one line\nmean weight " + mlp::format_value(mean);
}

}  // namespace app
