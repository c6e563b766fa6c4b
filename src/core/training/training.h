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

// A batch of points and its passes.
struct TrainingBatch {
    Matrix x;  // (B, features)
    Matrix y;  // (B, outputs)
    ForwardPass forward;
    BackwardPass grad;
};

// Sums the loss and the right predictions of a network over rows of its data set, with scratch
// space kept between calls (no allocation once it has the sizes).
class Scorer {
public:
    // Adds L_s of the points rows[0..count) to *loss and their right predictions to *right.
    void score(const Document& doc, const DataSet& data, const int* rows, int count, double* loss, int* right);

private:
    TrainingBatch full_, tail_;  // chunks of points
    std::vector<double> p_, dl_da_;  // (outputs,)
};

// The same metrics (Trainer::evaluate) in parts, some points at a time: the page's run scores a
// big network over several frames (500 points through a million weights take about 250 ms).
// begin() takes a copy of the network and loss (a run changes them every frame): the metrics
// are that copy's.
class EvaluationInParts {
public:
    void begin(const Document& doc);
    // Scores up to `points` more points (at least 1); true when every point is scored, and then
    // *out holds the metrics.
    bool advance(const DataSet& data, int points, TrainingMetrics* out);
    bool pending() const { return pending_; }
    void cancel() { pending_ = false; }

private:
    Document doc_;
    Scorer scorer_;
    bool pending_ = false;
    int next_ = 0;  // into the train rows, then the test rows
    double loss_[2] = {0.0, 0.0};
    int right_[2] = {0, 0};
};

class Trainer {
public:
    // Runs `epochs` epochs on the document's network with its settings (doc->training.epoch counts
    // them). "" when done; otherwise why it stopped: a gradient that is not a finite number, with
    // the network as it was after the last whole epoch. The data set must be the document's
    // (make_data_set), with at least one train point.
    // An epoch left open by train_points is finished first and counts as the first of them.
    std::string train(Document* doc, const DataSet& data, int epochs);
    // Trains `points` points (at least 1) of the epochs' batches, going on from where the last
    // call stopped: a run of the page trains as many points a frame as fit its time, so that an
    // epoch, and even one batch, of a big network can span frames. A batch left open keeps the
    // gradient of its points so far (backward_pass's BatchPart) and changes the weights when its
    // last point is in; the epoch count changes when an epoch ends. So after the points of n
    // whole epochs the document is the one train(n) makes, bit for bit. "" or why it stopped, as
    // train's (then no epoch is left open).
    std::string train_points(Document* doc, const DataSet& data, int64_t points);
    // Whether the last call stopped inside an epoch (its whole batches so far are in the weights).
    bool epoch_open() const { return open_; }
    // How many optimizer steps (batches ended) there have been since the Trainer was made: what
    // tells a caller whether the weights changed.
    int64_t steps_taken() const { return steps_taken_; }
    // Forgets the optimizer's moments and any open epoch: the next step starts from zeros (the
    // document changed).
    void reset();

    // The loss and accuracy of the document's network on its data set.
    void evaluate(const Document& doc, const DataSet& data, TrainingMetrics* out);

private:
    using Batch = TrainingBatch;  // two of them (full batches and the last, smaller one): no epoch allocates
    bool step(Network* net, const BackwardPass& grad, const TrainingSettings& settings, double lr);
    // Batches in order until `epochs` epochs have ended or `points` points have been through the
    // passes, whichever comes first (a negative count: no limit of that kind).
    std::string run(Document* doc, const DataSet& data, int64_t epochs, int64_t points);
    void save_network(const Network& net);

    void prepare_moments(const Network& net, Optimizer optimizer);

    Batch full_, tail_;  // training's batches
    Batch part_;         // the parts of a batch that spans calls, and its gradient so far
    Scorer scorer_;      // evaluate's
    std::vector<int> order_;  // (n_train,) this epoch's order
    // The epoch open between two calls: order_ is its order, next_ the first point of the batch
    // it is in, and part_done_ how many of that batch's points are in part_'s gradient (0: none,
    // the batch is not open).
    bool open_ = false;
    int next_ = 0;
    int part_done_ = 0;
    int64_t steps_taken_ = 0;
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
};

}  // namespace mlp
