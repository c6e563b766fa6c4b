// Training on a data set (training.h): the epochs, the optimizers, the metrics.
#include "core/training/training.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/formats/decode_result.h"
#include "core/limits.h"
#include "core/model/random_fill.h"

namespace mlp {

void epoch_order(uint32_t seed, int64_t epoch, const std::vector<int>& rows, std::vector<int>* order) {
    order->assign(rows.begin(), rows.end());  // no allocation once it has the capacity
    RandomFill rng(data_stream(seed, 2 + static_cast<uint64_t>(epoch)));
    for (size_t i = order->size(); i-- > 1;) std::swap((*order)[i], (*order)[rng.next() % (i + 1)]);
}

namespace {

// Matrices of the weights' sizes, and vectors of the biases', all zero.
void zeros_like(const Network& net, std::vector<Matrix>* w, std::vector<std::vector<double>>* b) {
    w->resize(net.weights.size());
    b->resize(net.biases.size());
    for (size_t l = 0; l < net.weights.size(); ++l) {
        (*w)[l] = Matrix(net.weights[l].rows, net.weights[l].cols);
        (*b)[l].assign(net.biases[l].size(), 0.0);
    }
}

bool same_sizes(const std::vector<Matrix>& a, const std::vector<Matrix>& like) {
    if (a.size() != like.size()) return false;
    for (size_t l = 0; l < a.size(); ++l)
        if (a[l].rows != like[l].rows || a[l].cols != like[l].cols) return false;
    return true;
}

// One optimizer step on n values: θ (n,) from g (n,), with the moments m, v (n,) (unused by sgd).
// λ sign(θ) or λ θ joins g when `regularized`. Returns false when a gradient is not finite.
struct Update {
    Optimizer optimizer;
    Regularization regularization;
    double rate;                  // λ
    double lr;
    double beta1_power, beta2_power;  // 0.9^t and 0.999^t of adam
};

template <Optimizer kOpt>
bool update_values(const Update& u, bool regularized, const double* g, double* theta, double* m, double* v, size_t n) {
    const Regularization reg = regularized ? u.regularization : Regularization::None;
    const double lr = u.lr, rate = u.rate;
    const double bias1 = 1.0 - u.beta1_power, bias2 = 1.0 - u.beta2_power;
    bool finite = true;
    for (size_t k = 0; k < n; ++k) {
        double gk = g[k];
        if (reg == Regularization::L1) gk += rate * (theta[k] > 0.0 ? 1.0 : theta[k] < 0.0 ? -1.0 : 0.0);
        if (reg == Regularization::L2) gk += rate * theta[k];
        finite &= std::isfinite(gk);
        double step = gk;
        if (kOpt == Optimizer::Momentum) {
            m[k] = kMomentum * m[k] + gk;
            step = m[k];
        } else if (kOpt == Optimizer::Adam) {
            m[k] = kAdamBeta1 * m[k] + (1.0 - kAdamBeta1) * gk;
            v[k] = kAdamBeta2 * v[k] + (1.0 - kAdamBeta2) * gk * gk;
            step = (m[k] / bias1) / (std::sqrt(v[k] / bias2) + kAdamEpsilon);
        }
        theta[k] = std::min(std::max(theta[k] - lr * step, -kMaxAbsValue), kMaxAbsValue);
    }
    return finite;
}

bool update(const Update& u, bool regularized, const double* g, double* theta, double* m, double* v, size_t n) {
    switch (u.optimizer) {
        case Optimizer::Momentum: return update_values<Optimizer::Momentum>(u, regularized, g, theta, m, v, n);
        case Optimizer::Adam: return update_values<Optimizer::Adam>(u, regularized, g, theta, m, v, n);
        default: return update_values<Optimizer::Sgd>(u, regularized, g, theta, m, v, n);
    }
}

// The batch's rows of the data set's inputs and targets, copied into its matrices.
void gather_points(const DataSet& data, const int* rows, int count, TrainingBatch* batch) {
    const int features = data.inputs.cols, outputs = data.targets.cols;
    if (batch->x.rows != count || batch->x.cols != features) batch->x = Matrix(count, features);
    if (batch->y.rows != count || batch->y.cols != outputs) batch->y = Matrix(count, outputs);
    for (int s = 0; s < count; ++s) {
        std::copy_n(data.inputs.row(rows[s]), features, batch->x.row(s));
        std::copy_n(data.targets.row(rows[s]), outputs, batch->y.row(s));
    }
}

}  // namespace

void Trainer::reset() {
    open_ = false;
    part_done_ = 0;
    moments_of_ = Optimizer::Sgd;
    m_w_.clear();
    v_w_.clear();
    m_b_.clear();
    v_b_.clear();
    adam_steps_ = 0;
    beta1_power_ = beta2_power_ = 1.0;
}

// Zero moments for `optimizer` unless the ones kept are for it and this network's sizes.
void Trainer::prepare_moments(const Network& net, Optimizer optimizer) {
    if (optimizer == moments_of_ && (optimizer == Optimizer::Sgd || same_sizes(m_w_, net.weights))) return;
    reset();
    moments_of_ = optimizer;
    if (optimizer != Optimizer::Sgd) zeros_like(net, &m_w_, &m_b_);
    if (optimizer == Optimizer::Adam) zeros_like(net, &v_w_, &v_b_);
}

bool Trainer::step(Network* net, const BackwardPass& grad, const TrainingSettings& settings, double lr) {
    if (settings.optimizer == Optimizer::Adam) {
        ++adam_steps_;
        beta1_power_ *= kAdamBeta1;
        beta2_power_ *= kAdamBeta2;
    }
    const Update u{settings.optimizer, settings.regularization, settings.regularization_rate, lr, beta1_power_,
                   beta2_power_};
    const bool has_m = !m_w_.empty(), has_v = !v_w_.empty();  // sgd has no moments, momentum no v
    bool finite = true;
    for (int l = 0; l < net->weight_layers(); ++l) {
        Matrix& w = net->weights[l];
        finite &= update(u, true, grad.dw[l].values.data(), w.values.data(), has_m ? m_w_[l].values.data() : nullptr,
                         has_v ? v_w_[l].values.data() : nullptr, w.values.size());
        std::vector<double>& b = net->biases[l];
        finite &= update(u, false, grad.db[l].data(), b.data(), has_m ? m_b_[l].data() : nullptr,
                         has_v ? v_b_[l].data() : nullptr, b.size());
    }
    return finite;
}

void Trainer::save_network(const Network& net) {
    saved_w_.resize(net.weights.size());
    saved_b_.resize(net.biases.size());
    for (size_t l = 0; l < net.weights.size(); ++l) {
        saved_w_[l].rows = net.weights[l].rows;
        saved_w_[l].cols = net.weights[l].cols;
        saved_w_[l].values = net.weights[l].values;  // copies into the capacity it has
        saved_b_[l] = net.biases[l];
    }
}

std::string Trainer::run(Document* doc, const DataSet& data, int64_t epochs, int64_t points) {
    Network& net = doc->network;
    const TrainingSettings& settings = doc->training;
    prepare_moments(net, settings.optimizer);
    const int n = static_cast<int>(data.train_rows.size());
    const int batch = std::min(settings.batch, n);
    // An open epoch of other points (a caller that did not reset) cannot go on.
    if (open_ && (order_.size() != data.train_rows.size() || next_ >= n)) {
        open_ = false;
        part_done_ = 0;
    }
    int64_t ended = 0, done = 0;
    while ((epochs < 0 || ended < epochs) && (points < 0 || done < points)) {
        if (!open_) {
            save_network(net);
            epoch_order(doc->data.seed, settings.epoch, data.train_rows, &order_);
            open_ = true;
            next_ = 0;
        }
        const int count = std::min(batch, n - next_);
        // The batch whole at once, or the part of it that the points left allow (with the
        // points before it in part_).
        const int take = static_cast<int>(std::min<int64_t>(count - part_done_, points < 0 ? count : points - done));
        const bool whole = part_done_ == 0 && take == count;
        Batch& b = whole ? (count == batch ? full_ : tail_) : part_;
        gather_points(data, order_.data() + next_ + part_done_, take, &b);
        forward_pass(net, b.x, &b.forward);
        backward_pass(net, b.x, b.y, doc->loss, doc->reduction, b.forward, BatchPart{count, part_done_ == 0}, &b.grad);
        done += take;
        if (!whole && (part_done_ += take) < count) break;  // the points are used up inside the batch
        part_done_ = 0;
        ++steps_taken_;
        if (!step(&net, b.grad, settings, doc->learning_rate)) {
            for (size_t l = 0; l < net.weights.size(); ++l) {
                net.weights[l].values = saved_w_[l].values;
                net.biases[l] = saved_b_[l];
            }
            reset();
            return "train: the gradient is not a finite number in epoch " + std::to_string(settings.epoch + 1) +
                   " (the loss or a weight's gradient overflows); stopped after " + count_text(ended, "epoch");
        }
        next_ += count;
        if (next_ >= n) {
            open_ = false;
            ++doc->training.epoch;
            ++ended;
        }
    }
    return "";
}

std::string Trainer::train(Document* doc, const DataSet& data, int epochs) { return run(doc, data, epochs, -1); }

std::string Trainer::train_points(Document* doc, const DataSet& data, int64_t points) {
    return run(doc, data, -1, std::max<int64_t>(1, points));
}

void Scorer::score(const Document& doc, const DataSet& data, const int* rows, int n, double* loss, int* right) {
    constexpr int kChunk = 256;  // points evaluated at a time: the passes stay small for any network
    const int outputs = data.targets.cols;
    p_.resize(outputs);
    dl_da_.resize(outputs);
    for (int start = 0; start < n; start += kChunk) {
        const int count = std::min(kChunk, n - start);
        TrainingBatch& b = count == kChunk ? full_ : tail_;
        gather_points(data, rows + start, count, &b);
        forward_pass(doc.network, b.x, &b.forward);
        const Matrix& a = b.forward.a.back();  // (count, outputs)
        for (int s = 0; s < count; ++s) {
            const double* y = b.y.row(s);
            *loss += sample_loss(doc.loss, a.row(s), y, outputs, p_.data(), dl_da_.data());
            if (outputs == 2)
                *right += y[1] == 1.0 ? a.at(s, 1) > a.at(s, 0) : a.at(s, 0) > a.at(s, 1);
            else
                *right += y[0] == 1.0 ? p_[0] > 0.5 : p_[0] < 0.5;
        }
    }
}

namespace {

// The metrics of the loss and right predictions summed over the train points ([0]) and the test
// points ([1]).
void fill_metrics(const DataSet& data, const double loss[2], const int right[2], TrainingMetrics* out) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    out->train_count = static_cast<int>(data.train_rows.size());
    out->test_count = static_cast<int>(data.test_rows.size());
    out->classification = data.classification;
    for (int k = 0; k < 2; ++k) {
        const double n = k == 0 ? out->train_count : out->test_count;
        (k == 0 ? out->train_loss : out->test_loss) = n == 0 ? nan : loss[k] / n;
        (k == 0 ? out->train_accuracy : out->test_accuracy) = n == 0 || !data.classification ? nan : right[k] / n;
    }
}

}  // namespace

void EvaluationInParts::begin(const Document& doc) {
    doc_.network = doc.network;  // copies into the capacity it has
    doc_.loss = doc.loss;
    pending_ = true;
    next_ = 0;
    loss_[0] = loss_[1] = 0.0;
    right_[0] = right_[1] = 0;
}

bool EvaluationInParts::advance(const DataSet& data, int points, TrainingMetrics* out) {
    const int train = static_cast<int>(data.train_rows.size()), total = train + static_cast<int>(data.test_rows.size());
    const int end = std::min(total, next_ + std::max(1, points));
    while (next_ < end) {
        const int k = next_ < train ? 0 : 1;
        const std::vector<int>& rows = k == 0 ? data.train_rows : data.test_rows;
        const int at = k == 0 ? next_ : next_ - train;
        const int count = std::min(end, k == 0 ? train : total) - next_;
        scorer_.score(doc_, data, rows.data() + at, count, &loss_[k], &right_[k]);
        next_ += count;
    }
    if (next_ < total) return false;
    pending_ = false;
    fill_metrics(data, loss_, right_, out);
    return true;
}

void Trainer::evaluate(const Document& doc, const DataSet& data, TrainingMetrics* out) {
    double loss[2] = {0.0, 0.0};
    int right[2] = {0, 0};
    for (int k = 0; k < 2; ++k) {
        const std::vector<int>& rows = k == 0 ? data.train_rows : data.test_rows;
        scorer_.score(doc, data, rows.data(), static_cast<int>(rows.size()), &loss[k], &right[k]);
    }
    fill_metrics(data, loss, right, out);
}

}  // namespace mlp
