#include "core/model/backward_pass.h"

#include <algorithm>
#include <cmath>

#include "core/limits.h"

namespace mlp {

// The gradients' sizes depend on the network alone, the rest on the samples too: a batch passed
// in parts of other sizes keeps its dw and db.
static bool holds_gradients_for(const BackwardPass& pass, const Network& net) {
    if (static_cast<int>(pass.dw.size()) != net.weight_layers() || pass.db.size() != pass.dw.size()) return false;
    for (int l = 0; l < net.weight_layers(); ++l)
        if (pass.dw[l].rows != net.shape[l + 1] || pass.dw[l].cols != net.shape[l] ||
            static_cast<int>(pass.db[l].size()) != net.shape[l + 1])
            return false;
    return true;
}

static bool holds_samples_for(const BackwardPass& pass, const Network& net, int samples) {
    if (static_cast<int>(pass.dz.size()) != net.weight_layers() || pass.da.size() != pass.dz.size() ||
        pass.p.rows != samples || pass.p.cols != net.shape.back())
        return false;
    for (int l = 0; l < net.weight_layers(); ++l)
        if (pass.dz[l].rows != samples || pass.dz[l].cols != net.shape[l + 1]) return false;
    return true;
}

// Storage for `samples` samples: what `out` holds is kept where its sizes fit. New gradients are
// zero, so a first part never reads stale sums.
static void allocate(const Network& net, int samples, BackwardPass* out) {
    const int layers = net.weight_layers();
    if (!holds_samples_for(*out, net, samples)) {
        out->sample_losses.assign(samples, 0.0);
        out->p = Matrix(samples, net.shape.back());
        out->da.resize(layers);
        out->dz.resize(layers);
        for (int l = 0; l < layers; ++l) {
            out->da[l] = Matrix(samples, net.shape[l + 1]);
            out->dz[l] = Matrix(samples, net.shape[l + 1]);
        }
    }
    if (!holds_gradients_for(*out, net)) {
        out->dw.resize(layers);
        out->db.resize(layers);
        for (int l = 0; l < layers; ++l) {
            out->dw[l] = Matrix(net.shape[l + 1], net.shape[l]);
            out->db[l].assign(net.shape[l + 1], 0.0);
        }
    }
}

// y (n,) += d * x (n,): the one inner loop of the backward pass, which the compiler vectorises.
static void add_scaled(double d, const double* x, int n, double* y) {
    for (int j = 0; j < n; ++j) y[j] += d * x[j];
}

// Weight layer l: dW and db from dz[l], and dL/da of the layer below (below = null for l = 0, whose
// input is the samples: nothing to pass down). One sweep over the rows of W, each row and its dW
// row used for every sample while they are in cache. `add`: dW and db go on from the sums they
// hold (a batch's later part), sample after sample as if the parts were one pass.
static void layer_gradients(const Matrix& w, const Matrix& dz, const Matrix& a_prev, bool add, Matrix& dw,
                            std::vector<double>& db, Matrix* below) {
    const int samples = dz.rows, in = w.cols;
    if (!add) std::fill(dw.values.begin(), dw.values.end(), 0.0);
    if (below) std::fill(below->values.begin(), below->values.end(), 0.0);
    for (int i = 0; i < w.rows; ++i) {
        double* dw_i = dw.row(i);  // (in,)
        double db_i = add ? db[i] : 0.0;
        for (int s = 0; s < samples; ++s) {
            const double d = dz.at(s, i);
            if (d == 0.0) continue;  // a clipped ReLU (or a zero error): adds nothing
            db_i += d;
            add_scaled(d, a_prev.row(s), in, dw_i);            // dW_i (in,) += dz(s, i) * a_prev_s (in,)
            if (below) add_scaled(d, w.row(i), in, below->row(s));  // da_s (in,) += dz(s, i) * W_i (in,)
        }
        db[i] = db_i;
    }
}

void backward_pass(const Network& net, const Matrix& inputs, const Matrix& targets, Loss loss, Reduction reduction,
                   const ForwardPass& forward, BackwardPass* out) {
    backward_pass(net, inputs, targets, loss, reduction, forward, BatchPart{inputs.rows, true}, out);
}

void backward_pass(const Network& net, const Matrix& inputs, const Matrix& targets, Loss loss, Reduction reduction,
                   const ForwardPass& forward, const BatchPart& part, BackwardPass* out) {
    const int layers = net.weight_layers();
    const int samples = inputs.rows;
    const int outputs = net.shape.back();
    allocate(net, samples, out);
    const bool add = !part.first;

    // The loss, and dL/da of the output layer with the reduction's 1/N (N the whole batch's) in it.
    const double c = reduction == Reduction::Mean ? 1.0 / part.batch_samples : 1.0;
    const Matrix& a_out = forward.a[layers - 1];
    Matrix& da_out = out->da[layers - 1];
    double total = 0.0;
    for (int s = 0; s < samples; ++s) {
        const double ls = sample_loss(loss, a_out.row(s), targets.row(s), outputs, out->p.row(s), da_out.row(s));
        out->sample_losses[s] = ls;
        total += ls;
        double* da = da_out.row(s);
        for (int i = 0; i < outputs; ++i) da[i] *= c;
    }
    out->loss = c * total;

    for (int l = layers - 1; l >= 0; --l) {
        const Activation act = net.activations[l];
        const Matrix &z = forward.z[l], &a = forward.a[l], &da = out->da[l];
        Matrix& dz = out->dz[l];
        for (size_t k = 0; k < dz.values.size(); ++k)
            dz.values[k] = da.values[k] * activation_derivative(act, z.values[k], a.values[k]);
        layer_gradients(net.weights[l], dz, layer_input(forward, inputs, l), add, out->dw[l], out->db[l],
                        l > 0 ? &out->da[l - 1] : nullptr);
    }
}

bool is_finite(const BackwardPass& grad) {
    if (!std::isfinite(grad.loss)) return false;
    for (const Matrix& m : grad.dw)
        for (double v : m.values)
            if (!std::isfinite(v)) return false;
    for (const std::vector<double>& b : grad.db)
        for (double v : b)
            if (!std::isfinite(v)) return false;
    return true;
}

bool gradient_step(const BackwardPass& grad, double learning_rate, Network* net) {
    // v - lr * g, kept within the limits (an overflow to infinity included; g is finite, so
    // nothing here is NaN). Inline: a million of these in a step.
    auto descend = [learning_rate](double v, double g) {
        return std::min(std::max(v - learning_rate * g, -kMaxAbsValue), kMaxAbsValue);
    };
    bool changed = false;
    for (int l = 0; l < net->weight_layers(); ++l) {
        double* w = net->weights[l].values.data();
        const double* dw = grad.dw[l].values.data();
        const size_t n = net->weights[l].values.size();
        for (size_t k = 0; k < n; ++k) {
            const double v = descend(w[k], dw[k]);
            changed |= v != w[k];
            w[k] = v;
        }
        std::vector<double>& b = net->biases[l];
        for (size_t i = 0; i < b.size(); ++i) {
            const double v = descend(b[i], grad.db[l][i]);
            changed |= v != b[i];
            b[i] = v;
        }
    }
    return changed;
}

}  // namespace mlp
