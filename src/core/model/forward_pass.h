// The forward pass, layer by layer, keeping every intermediate value: the screen shows them all.
#pragma once

#include "core/model/network.h"

namespace mlp {

// Per weight layer l (0-based; the worksheet's layer l+1), for every sample s and node i:
//   z[l](s, i) = sum_j W[l](i, j) * a_prev(s, j) + b[l](i)      a_prev = inputs for l = 0
//   a[l](s, i) = activation[l](z[l](s, i))
struct ForwardPass {
    std::vector<Matrix> z;  // z[l]: (samples, shape[l+1]) pre-activation
    std::vector<Matrix> a;  // a[l]: (samples, shape[l+1]) after the activation
};

// Computes every layer for every sample of `inputs` (samples, shape[0]). The document must be
// valid (see validate). Storage in `out` is reused when its sizes already fit.
//
// first_layer > 0 recomputes only weight layers first_layer.. and keeps the earlier ones, for an
// edit that cannot change what lies upstream of it (a weight of layer first_layer, say). It falls
// back to a full pass when `out` does not hold a pass of this shape and sample count.
void forward_pass(const Network& net, const Matrix& inputs, ForwardPass* out, int first_layer = 0);

// The activations feeding weight layer l: the inputs for l = 0, else a[l-1].
const Matrix& layer_input(const ForwardPass& pass, const Matrix& inputs, int l);

}  // namespace mlp
