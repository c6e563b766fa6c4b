#include "app/diagram_text.h"

#include "core/function_ref.h"
#include "core/model/activation.h"
#include "core/text/notation.h"
#include "core/text/number_format.h"
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

// "t0 + t1 + … + t(n−1) (n terms)": every term up to kMaxTermsShown, else the first few and the
// last (a long sum keeps its ends, as the worksheet's cards do).
std::string joined_terms(int count, mlp::FunctionRef<std::string(int)> term_of) {
    std::string text;
    const int head = count <= kMaxTermsShown ? count : kMaxTermsShown - 2;
    for (int k = 0; k < head; ++k) text += (k ? " + " : "") + term_of(k);
    if (head < count) {
        text += std::string(" + ") + notation::kEllipsis + " + " + term_of(count - 1);
        text += " (" + std::to_string(count) + " terms)";
    }
    return text;
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
    std::string text = joined_terms(w.cols, [&](int j) { return term(w, in, sample, node, j, hidden(j)); });
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

std::string bins_tooltip(const mlp::Session& session, const mlp::GapPlan& gap, int l, int dst_bin, int src_bin,
                         bool gradients) {
    const int r0 = gap.dst.start(dst_bin), r1 = gap.dst.start(dst_bin + 1);
    const int c0 = gap.src.start(src_bin), c1 = gap.src.start(src_bin + 1);
    auto range = [](int lo, int hi) {  // 1-based, inclusive
        return hi - lo == 1 ? std::to_string(lo + 1) : std::to_string(lo + 1) + notation::kEnDash + std::to_string(hi);
    };
    const mlp::BackwardPass* grad = gradients ? session.gradients() : nullptr;
    const std::string block = notation::weights(l) + "[" + range(r0, r1) + ", " + range(c0, c1) + "]";
    const std::string count = std::to_string((r1 - r0) * (c1 - c0));
    if (grad) {
        const double mean = mlp::bin_mean(grad->dw[l], gap, dst_bin, src_bin);
        return std::string(notation::kPartial) + "L/" + notation::kPartial + block + ": " + count +
               " gradients drawn as one line\nmean " + notation::kPartial + "L/" + notation::kPartial + "w " +
               mlp::format_value(mean);
    }
    const double mean = mlp::bin_mean(session.network().weights[l], gap, dst_bin, src_bin);
    return block + ": " + count + " weights drawn as one line\nmean weight " + mlp::format_value(mean);
}

// [SECTION] The gradient view

bool shows_gradients(const mlp::Session& session, bool gradient_view) {
    return gradient_view && session.document().has_targets();
}

double node_number(const mlp::Session& session, bool gradients, int l, int sample, int node) {
    return gradients ? session.gradients()->dz[l].at(sample, node) : session.pass().a[l].at(sample, node);
}

std::string gradient_name(int l, int row, int col) {
    return std::string(notation::kPartial) + "L/" + notation::kPartial + notation::weight(l, row, col);
}

std::string edge_gradient_tooltip(const mlp::Session& session, int l, int row, int col, const ValueMask* mask) {
    const mlp::Network& net = session.network();
    const mlp::BackwardPass& grad = *session.gradients();
    const mlp::Matrix& in = mlp::layer_input(session.pass(), session.document().inputs, l);
    const int samples = session.sample_count();
    const std::string delta = notation::kDelta, dot = notation::kDot;
    // δ·a of sample s: δ from node (l + 1, row), a from node (l, col).
    auto product = [&](int s) {
        const bool hidden = mask && mask->hides_input(l, s, col);
        const bool dz_hidden = mask && mask->hides_dz(l, s, row);
        return (dz_hidden ? std::string(kMaskedText) : factor(grad.dz[l].at(s, row))) + dot +
               (hidden ? std::string(kMaskedText) : factor(in.at(s, col)));
    };
    // Exercise mode: ∂L/∂W hidden (or the new weight, which gives it away) reads "?".
    const bool dw_hidden = mask && mask->hides_dw(l, row, col);
    std::string text = gradient_name(l, row, col) + " = ";
    text += samples > 1 ? std::string(notation::kSum) + " " + delta + dot + "a = " : delta + dot + "a = ";
    text += joined_terms(samples, product) + " = " + shown_value(dw_hidden, grad.dw[l].at(row, col)) + "\n";
    text += delta + ": " + notation::kPartial + "L/" + notation::kPartial + "z of " + node_label(net, l + 1, row) +
            "; a: the value of " + node_label(net, l, col) + (samples > 1 ? ", sample by sample" : "") + "\n";
    // What the number is for: a step of gradient descent moves the weight against it.
    const double w = net.weights[l].at(row, col), lr = session.document().learning_rate, g = grad.dw[l].at(row, col);
    const std::string minus = std::string(" ") + notation::kMinus + " ";
    text += "a step: " + notation::weight(l, row, col) + minus + "lr" + dot + notation::kPartial + "L/" + notation::kPartial +
            "w = " + mlp::format_value(w) + minus + mlp::format_value(lr) + dot + (dw_hidden ? std::string(kMaskedText) : factor(g)) +
            " = " + shown_value(dw_hidden, w - lr * g);
    return text + "\ndrag the line up or down to change " + notation::weight(l, row, col);
}

namespace {

// ∂L/∂a of output `node` of sample s as the loss gives it, with its numbers: "a − y = 2 − 1",
// "p − y = 0.7 − 1", divided by N for the reduction `mean`.
std::string loss_gradient_text(const mlp::Session& session, int sample, int node, const ValueMask* mask) {
    const mlp::Document& doc = session.document();
    const mlp::BackwardPass& grad = *session.gradients();
    const int L = static_cast<int>(doc.network.weights.size()) - 1;
    const double y = doc.targets.at(sample, node);
    const bool a_hidden = mask && mask->hides_a(L, sample, node);
    std::string formula, numbers;
    if (doc.loss == mlp::Loss::Mse) {
        formula = std::string("a ") + notation::kMinus + " y";
        numbers = shown_value(a_hidden, session.pass().a[L].at(sample, node)) + " " + notation::kMinus + " " + factor(y);
    } else {
        double target_sum = 0.0;
        for (int k = 0; k < doc.targets.cols; ++k) target_sum += doc.targets.at(sample, k);
        const std::string p = a_hidden ? std::string(kMaskedText) : mlp::format_value(grad.p.at(sample, node));
        if (doc.loss == mlp::Loss::CrossEntropy && target_sum != 1.0) {  // p·Σy − y (loss.h)
            formula = std::string("p") + notation::kDot + notation::kSum + "y " + notation::kMinus + " y";
            numbers = p + notation::kDot + factor(target_sum) + " " + notation::kMinus + " " + factor(y);
        } else {
            formula = std::string("p ") + notation::kMinus + " y";
            numbers = p + " " + notation::kMinus + " " + factor(y);
        }
    }
    const int n = session.sample_count();
    if (doc.reduction == mlp::Reduction::Mean && n > 1) {
        const std::string over = "/" + std::to_string(n);
        formula = "(" + formula + ")" + over;
        numbers = "(" + numbers + ")" + over;
    }
    return std::string(notation::kPartial) + "L/" + notation::kPartial + "a = " + formula + " = " + numbers + " = " +
           mlp::format_value(grad.da[L].at(sample, node));
}

}  // namespace

std::string node_gradient_tooltip(const mlp::Session& session, int sample, int layer, int node, const ValueMask* mask) {
    if (layer == 0) return node_tooltip(session, sample, layer, node, mask);
    const mlp::Network& net = session.network();
    const mlp::BackwardPass& grad = *session.gradients();
    const int l = layer - 1;  // the weight layer leading into this node
    const bool output = layer == static_cast<int>(net.shape.size()) - 1;
    const std::string delta = notation::kDelta, dot = notation::kDot;

    std::string text = output ? "output " + node_label(net, layer, node)
                              : "layer " + std::to_string(layer) + ", node " + std::to_string(node + 1);
    text += sample_note(session, sample) + ": " + delta + " = " + notation::kPartial + "L/" + notation::kPartial + "z\n";
    if (output) {
        text += "from the loss: " + loss_gradient_text(session, sample, node, mask) + "\n";
    } else {
        // (W_{l+2}ᵀ δ)[node]: the weights out of this node times the δ of the nodes they lead into.
        const mlp::Matrix& above = net.weights[l + 1];
        auto term = [&](int k) {
            const bool hidden = mask && mask->hides_dz(l + 1, sample, k);
            return factor(above.at(k, node)) + dot + (hidden ? std::string(kMaskedText) : factor(grad.dz[l + 1].at(sample, k)));
        };
        text += "from the layer above: (" + notation::weights(l + 1) + notation::kTranspose + delta + ")" +
                notation::index(node) + " = " + joined_terms(above.rows, term) + " = " +
                mlp::format_value(grad.da[l].at(sample, node)) + "\n";
    }
    const mlp::Activation act = net.activations[l];
    const double z = session.pass().z[l].at(sample, node), a = session.pass().a[l].at(sample, node);
    const double slope = mlp::activation_derivative(act, z, a);
    const bool z_hidden = mask && mask->hides_node(l, sample, node);
    const std::string prime = notation::kPrime;
    if (act == mlp::Activation::Linear)
        text += "f" + prime + "(z) = 1 (linear)\n";
    else
        text += "f" + prime + "(z) = " + activation_label(act) + prime + "(" + shown_value(z_hidden, z) + ") = " +
                shown_value(z_hidden, slope) + "\n";
    text += delta + " = " + factor(grad.da[l].at(sample, node)) + dot + (z_hidden ? std::string(kMaskedText) : factor(slope)) +
            " = " + shown_value(mask && mask->hides_dz(l, sample, node), grad.dz[l].at(sample, node));
    return text;
}

}  // namespace app
