// Training on a data set (data_set.h): epochs of mini-batch gradient descent with an optimizer and
// regularization, and the loss and accuracy on the train and test points.
//
// An epoch visits every train point once. Epoch e (the document's `epoch` before it, counted from
// 0) takes the train points in their order in the data set and shuffles them (Fisher-Yates with
// RandomFill(data_stream(seed, 2 + e)): for i = n-1 down to 1, swap items i and next() mod (i+1)),
// then takes them `batch` at a time (the last batch holds what is left). Per batch of B points,
// with θ every weight and bias and lr the document's learning rate:
//   g  = dL_B/dθ: the backward pass (backward_pass.h) of the document's loss and reduction over the
//        B points (mean: L_B = (1/B) sum_s L_s), plus, for weights only (never biases),
//        λ sign(w) for `l1` (the gradient of λ sum |w|; sign(0) = 0) or λ w for `l2` (of λ/2 sum w²)
//   sgd       θ <- θ - lr g
//   momentum  v <- 0.9 v + g;  θ <- θ - lr v
//   adam      t <- t + 1;  m <- 0.9 m + 0.1 g;  v <- 0.999 v + 0.001 g²;
//             θ <- θ - lr (m / (1 - 0.9^t)) / (sqrt(v / (1 - 0.999^t)) + 1e-8)
// and every value clamped into -1e6..1e6 (limits.h). The moments v, m and the count t start at 0
// and live in the Trainer only: a link carries the weights and the epoch, not the moments.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/document/document.h"
#include "core/model/backward_pass.h"
#include "core/model/forward_pass.h"
#include "core/training/data_set.h"

namespace mlp {

// Epoch e's order of `rows` (see above) into *order (reused).
void epoch_order(uint32_t seed, int64_t epoch, const std::vector<int>& rows, std::vector<int>* order);

// How the network does on its data set. Losses are the mean L_s over the points (whatever the
// reduction, so train and test compare), without the regularization term.
struct TrainingMetrics {
    int train_count = 0;
    int test_count = 0;
    double train_loss = 0.0;
    double test_loss = 0.0;      // with no test points: NaN (written null)
    bool classification = false;
    // Classification: the share of points whose prediction is on their target's side of 0.5 (the
    // prediction is a_L for mse, σ(a_L) for bce; exactly 0.5 is on neither side), or whose largest
    // output is their class's (ce; a tie is wrong). NaN without points.
    double train_accuracy = 0.0;
    double test_accuracy = 0.0;
};

class Trainer {
public:
    // Runs `epochs` epochs on the document's network with its settings (doc->training.epoch counts
    // them). "" when done; otherwise why it stopped: a gradient that is not a finite number, with
    // the network as it was after the last whole epoch. The data set must be the document's
    // (make_data_set), with at least one train point.
    std::string train(Document* doc, const DataSet& data, int epochs);
    // Forgets the optimizer's moments: the next step starts from zeros (the document changed).
    void reset();

    // The loss and accuracy of the document's network on its data set.
    void evaluate(const Document& doc, const DataSet& data, TrainingMetrics* out);

private:
    // A batch of points and its passes. Two of each (full batches and the last, smaller one) so
    // that no epoch allocates.
    struct Batch {
        Matrix x;  // (B, features)
        Matrix y;  // (B, outputs)
        ForwardPass forward;
        BackwardPass grad;
    };
    void gather(const DataSet& data, const int* rows, int count, Batch* batch);
    // Loss and accuracy summed over `rows`: adds to *loss and *right.
    void score(const Document& doc, const DataSet& data, const std::vector<int>& rows, double* loss, int* right);
    bool step(Network* net, const BackwardPass& grad, const TrainingSettings& settings, double lr);

    void prepare_moments(const Network& net, Optimizer optimizer);

    Batch full_, tail_;            // training's batches
    Batch eval_full_, eval_tail_;  // evaluate's chunks of points
    std::vector<int> order_;  // (n_train,) this epoch's order
    // The optimizer's moments, shaped as the weights and biases: m (momentum's v, adam's m) and
    // v (adam's), empty when the optimizer has none.
    Optimizer moments_of_ = Optimizer::Sgd;
    std::vector<Matrix> m_w_, v_w_;
    std::vector<std::vector<double>> m_b_, v_b_;
    int64_t adam_steps_ = 0;
    double beta1_power_ = 1.0, beta2_power_ = 1.0;  // 0.9^t, 0.999^t
    // The network at the start of the epoch, to go back to when a gradient is not finite.
    std::vector<Matrix> saved_w_;
    std::vector<std::vector<double>> saved_b_;
    std::vector<double> p_, dl_da_;  // (outputs,) scratch of evaluate
};

}  // namespace mlp
