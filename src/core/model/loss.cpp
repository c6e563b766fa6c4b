#include "core/model/loss.h"

#include <cmath>

#include "core/limits.h"

namespace mlp {

std::string_view loss_name(Loss loss) {
    switch (loss) {
        case Loss::Mse: return "mse";
        case Loss::CrossEntropy: return "ce";
        case Loss::BinaryCrossEntropy: return "bce";
    }
    return "mse";
}

bool parse_loss(std::string_view name, Loss* out) {
    for (int i = 0; i < kLossCount; ++i)
        if (loss_name(static_cast<Loss>(i)) == name) {
            *out = static_cast<Loss>(i);
            return true;
        }
    return false;
}

std::string_view reduction_name(Reduction reduction) { return reduction == Reduction::Sum ? "sum" : "mean"; }

bool parse_reduction(std::string_view name, Reduction* out) {
    for (int i = 0; i < kReductionCount; ++i)
        if (reduction_name(static_cast<Reduction>(i)) == name) {
            *out = static_cast<Reduction>(i);
            return true;
        }
    return false;
}

bool is_allowed_learning_rate(double v) { return v > 0.0 && v <= kMaxAbsValue; }  // false for NaN too

namespace {

double squared_error(const double* a, const double* y, int n, double* p, double* dl_da) {
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        const double d = a[i] - y[i];
        p[i] = a[i];
        dl_da[i] = d;
        sum += d * d;
    }
    return 0.5 * sum;
}

// ln p_i = a_i - lse with lse = m + ln sum_j e^(a_j - m), m = max a: every exponent is <= 0.
double softmax_cross_entropy(const double* a, const double* y, int n, double* p, double* dl_da) {
    double m = a[0];
    for (int i = 1; i < n; ++i) m = a[i] > m ? a[i] : m;
    double sum_exp = 0.0;
    for (int i = 0; i < n; ++i) sum_exp += std::exp(a[i] - m);
    const double lse = m + std::log(sum_exp);
    double loss = 0.0, sum_y = 0.0;
    for (int i = 0; i < n; ++i) {
        p[i] = std::exp(a[i] - lse);
        loss -= y[i] * (a[i] - lse);
        sum_y += y[i];
    }
    for (int i = 0; i < n; ++i) dl_da[i] = p[i] * sum_y - y[i];
    return loss;
}

// -[y ln s(a) + (1-y) ln(1-s(a))] = ln(1 + e^a) - y a = max(a, 0) + ln(1 + e^-|a|) - y a.
double sigmoid_cross_entropy(const double* a, const double* y, int n, double* p, double* dl_da) {
    double loss = 0.0;
    for (int i = 0; i < n; ++i) {
        const double e = std::exp(-std::fabs(a[i]));  // in (0, 1]: never overflows
        p[i] = a[i] >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
        loss += (a[i] > 0.0 ? a[i] : 0.0) + std::log1p(e) - y[i] * a[i];
        dl_da[i] = p[i] - y[i];
    }
    return loss;
}

}  // namespace

double sample_loss(Loss loss, const double* a, const double* y, int n, double* p, double* dl_da) {
    switch (loss) {
        case Loss::Mse: return squared_error(a, y, n, p, dl_da);
        case Loss::CrossEntropy: return softmax_cross_entropy(a, y, n, p, dl_da);
        case Loss::BinaryCrossEntropy: return sigmoid_cross_entropy(a, y, n, p, dl_da);
    }
    return 0.0;
}

}  // namespace mlp
