#include "core/model/forward_pass.h"

namespace mlp {

static bool holds_pass_for(const ForwardPass& pass, const Network& net, int samples) {
    if (static_cast<int>(pass.z.size()) != net.weight_layers()) return false;
    for (int l = 0; l < net.weight_layers(); ++l)
        if (pass.z[l].rows != samples || pass.z[l].cols != net.shape[l + 1] || pass.a[l].rows != samples ||
            pass.a[l].cols != net.shape[l + 1])
            return false;
    return true;
}

const Matrix& layer_input(const ForwardPass& pass, const Matrix& inputs, int l) {
    return l == 0 ? inputs : pass.a[l - 1];
}

// z (out,) = W (out, in) @ x (in,) + b (out,). Four partial sums let the compiler keep several
// multiply-adds in flight without reassociating floating point (no -ffast-math needed).
static void affine(const Matrix& w, const double* x, const double* b, double* z) {
    const int in = w.cols;
    for (int i = 0; i < w.rows; ++i) {
        const double* wi = w.row(i);
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int j = 0;
        for (; j + 4 <= in; j += 4) {
            s0 += wi[j] * x[j];
            s1 += wi[j + 1] * x[j + 1];
            s2 += wi[j + 2] * x[j + 2];
            s3 += wi[j + 3] * x[j + 3];
        }
        for (; j < in; ++j) s0 += wi[j] * x[j];
        z[i] = ((s0 + s1) + (s2 + s3)) + b[i];
    }
}

void forward_pass(const Network& net, const Matrix& inputs, ForwardPass* out, int first_layer) {
    const int layers = net.weight_layers();
    const int samples = inputs.rows;
    if (first_layer < 0 || first_layer > layers || !holds_pass_for(*out, net, samples)) {
        first_layer = 0;
        out->z.resize(layers);
        out->a.resize(layers);
        for (int l = 0; l < layers; ++l) {
            out->z[l] = Matrix(samples, net.shape[l + 1]);
            out->a[l] = Matrix(samples, net.shape[l + 1]);
        }
    }
    for (int l = first_layer; l < layers; ++l) {
        const Matrix& x = layer_input(*out, inputs, l);
        Matrix& z = out->z[l];
        Matrix& a = out->a[l];
        const Activation act = net.activations[l];
        for (int s = 0; s < samples; ++s) {
            affine(net.weights[l], x.row(s), net.biases[l].data(), z.row(s));
            const double* zs = z.row(s);
            double* as = a.row(s);
            for (int i = 0; i < z.cols; ++i) as[i] = apply_activation(act, zs[i]);
        }
    }
}

}  // namespace mlp
