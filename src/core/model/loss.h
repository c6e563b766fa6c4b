// The loss: how far the network's outputs are from the targets, one sample at a time, and how the
// samples' losses are summed up. Names as the link's `loss` and `reduce` keys write them.
//
// Conventions (one place in the code; docs/learning.md for learners). For one sample with output
// activations a (n,) and targets y (n,):
//   mse  L_s = 1/2 sum_i (a_i - y_i)^2                             dL_s/da = a - y
//   ce   p = softmax(a), L_s = -sum_i y_i ln p_i                    dL_s/da = p * sum_i y_i - y
//   bce  p = sigmoid(a), L_s = -sum_i [y_i ln p_i + (1-y_i) ln(1-p_i)]   dL_s/da = p - y
// ce and bce are computed from a, never from p (log-sum-exp and softplus forms), so a large |a|
// gives a finite loss instead of ln 0.
#pragma once

#include <string_view>

namespace mlp {

enum class Loss {
    Mse,                 // mean squared error, halved: the by-hand sheets' regression loss
    CrossEntropy,        // softmax cross-entropy: one-hot or probability targets
    BinaryCrossEntropy,  // a sigmoid and a binary cross-entropy per output
};
constexpr int kLossCount = 3;

enum class Reduction {
    Mean,  // L = (1/N) sum_s L_s: the default
    Sum,   // L = sum_s L_s: what the by-hand sheets do
};
constexpr int kReductionCount = 2;

// The step size of gradient descent when a link does not say (`lr`).
constexpr double kDefaultLearningRate = 0.03;

// "mse", "ce", "bce"; "mean", "sum". Parsers return false for anything else.
std::string_view loss_name(Loss loss);
bool parse_loss(std::string_view name, Loss* out);
std::string_view reduction_name(Reduction reduction);
bool parse_reduction(std::string_view name, Reduction* out);

// A learning rate may be any number above 0 and at most kMaxAbsValue.
bool is_allowed_learning_rate(double v);

// One sample: the loss L_s of outputs a (n,) against targets y (n,). Writes the prediction
// p (n,) (softmax or sigmoid of a; a itself for mse) and dl_da (n,) = dL_s/da.
double sample_loss(Loss loss, const double* a, const double* y, int n, double* p, double* dl_da);

}  // namespace mlp
