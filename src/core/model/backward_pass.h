// The backward pass: the loss of the forward pass's outputs against the document's targets, and
// its gradient with respect to every z, a, W and b, from the output layer down to W1, keeping every
// intermediate value as the forward pass does (the by-hand sheets show them all). Then one step
// of gradient descent.
#pragma once

#include <vector>

#include "core/model/forward_pass.h"
#include "core/model/loss.h"
#include "core/model/network.h"

namespace mlp {

// Per weight layer l (0-based; the worksheet's layer l+1), for every sample s and node i, with
// f the layer's activation and c = 1/N for the reduction `mean`, 1 for `sum` (loss.h):
//   da[L-1](s, :) = c * dL_s/da_L                       (the loss's gradient, loss.h)
//   dz[l](s, i)   = da[l](s, i) * f'(z[l](s, i))         (relu'(0) = 0: a clipped node passes nothing)
//   da[l-1](s, j) = sum_i W[l](i, j) * dz[l](s, i)       (W_l^T dz_l)
//   dw[l](i, j)   = sum_s dz[l](s, i) * a_prev(s, j)     a_prev = inputs for l = 0
//   db[l](i)      = sum_s dz[l](s, i)
struct BackwardPass {
    double loss = 0.0;                    // L = c * sum_s L_s
    std::vector<double> sample_losses;    // (samples,) L_s, before the reduction
    Matrix p;                             // (samples, shape[L]) the prediction: softmax or sigmoid of a_L (mse: a_L)
    std::vector<Matrix> da;               // da[l]: (samples, shape[l+1]) dL/da, the reduction in it
    std::vector<Matrix> dz;               // dz[l]: (samples, shape[l+1]) dL/dz
    std::vector<Matrix> dw;               // dw[l]: (shape[l+1], shape[l]) dL/dW, summed over samples
    std::vector<std::vector<double>> db;  // db[l]: (shape[l+1],) dL/db, summed over samples
};

// Computes the loss and every gradient for inputs (samples, shape[0]) and targets (samples,
// shape[L]) from their forward pass: a document's samples (document.h's overload), or a
// mini-batch of a data set (training.h). The network must be valid. Storage in `out` is reused
// when its sizes already fit. Every gradient depends on the loss, so an edit anywhere changes all
// of them: there is no partial update as the forward pass has.
void backward_pass(const Network& net, const Matrix& inputs, const Matrix& targets, Loss loss, Reduction reduction,
                   const ForwardPass& forward, BackwardPass* out);

// A batch passed in parts (the page trains a big network's batch over several frames): `inputs`
// are the next rows of a batch of `batch_samples` points, its first rows when `first`. c is
// 1/batch_samples for `mean`, and unless `first`, dw and db add to what `out` holds from the
// batch's earlier parts, in the same order as one pass over the whole batch: the batch's last
// part leaves the very gradient (bit for bit) that backward_pass gives for all its rows at once.
// loss, sample_losses, p, da and dz are this part's.
struct BatchPart {
    int batch_samples;
    bool first;
};
void backward_pass(const Network& net, const Matrix& inputs, const Matrix& targets, Loss loss, Reduction reduction,
                   const ForwardPass& forward, const BatchPart& part, BackwardPass* out);

// True when the loss and every gradient are finite numbers. Values within the limits keep the
// forward pass finite, but a gradient is a product over every layer and can overflow.
bool is_finite(const BackwardPass& grad);

// One step of gradient descent, full batch: W <- W - lr * dW and b <- b - lr * db for every layer at
// once, from the gradients of the state before the step. New values are clamped into the allowed
// range (limits.h); `grad` must be finite (is_finite). Returns whether any value changed (not
// when every gradient is 0, or too small to move its weight).
bool gradient_step(const BackwardPass& grad, double learning_rate, Network* net);

}  // namespace mlp
