#include "core/training/data_settings.h"

#include <cmath>

#include "core/formats/decode_result.h"
#include "core/limits.h"
#include "core/model/network.h"

namespace mlp {

bool operator==(const DataPoint& a, const DataPoint& b) {
    return a.x1 == b.x1 && a.x2 == b.x2 && a.target == b.target;
}

bool operator==(const DataSettings& a, const DataSettings& b) {
    return a.kind == b.kind && a.noise == b.noise && a.points == b.points && a.seed == b.seed && a.test == b.test &&
           a.features == b.features && a.custom == b.custom;
}

bool operator==(const TrainingSettings& a, const TrainingSettings& b) {
    return a.batch == b.batch && a.optimizer == b.optimizer && a.regularization == b.regularization &&
           a.regularization_rate == b.regularization_rate && a.epoch == b.epoch;
}

namespace {

constexpr const char* kDataKindNames[kDataKindCount] = {"none",   "circle", "xor",        "gauss",
                                                        "spiral", "plane",  "multigauss", "custom"};
constexpr const char* kFeatureNames[kFeatureCount] = {"x1", "x2", "x1sq", "x2sq", "x1x2", "sin1", "sin2"};
constexpr const char* kOptimizerNames[kOptimizerCount] = {"sgd", "momentum", "adam"};
constexpr const char* kRegularizationNames[kRegularizationCount] = {"none", "l1", "l2"};

// The index of `name` among names[first..count-1], or -1.
int find_name(const char* const* names, int first, int count, std::string_view name) {
    for (int i = first; i < count; ++i)
        if (name == names[i]) return i;
    return -1;
}

}  // namespace

std::string_view data_kind_name(DataKind kind) { return kDataKindNames[static_cast<int>(kind)]; }
bool parse_data_kind(std::string_view name, DataKind* out) {
    const int i = find_name(kDataKindNames, 1, kDataKindCount, name);  // "none" is not written: the key is left out
    if (i >= 0) *out = static_cast<DataKind>(i);
    return i >= 0;
}
std::string_view feature_name(int index) { return kFeatureNames[index]; }
bool parse_feature(std::string_view name, int* index) {
    *index = find_name(kFeatureNames, 0, kFeatureCount, name);
    return *index >= 0;
}
std::string_view optimizer_name(Optimizer opt) { return kOptimizerNames[static_cast<int>(opt)]; }
bool parse_optimizer(std::string_view name, Optimizer* out) {
    const int i = find_name(kOptimizerNames, 0, kOptimizerCount, name);
    if (i >= 0) *out = static_cast<Optimizer>(i);
    return i >= 0;
}
std::string_view regularization_name(Regularization reg) { return kRegularizationNames[static_cast<int>(reg)]; }
bool parse_regularization(std::string_view name, Regularization* out) {
    const int i = find_name(kRegularizationNames, 0, kRegularizationCount, name);
    if (i >= 0) *out = static_cast<Regularization>(i);
    return i >= 0;
}

std::string parse_features(std::string_view text, char sep, uint32_t* out) {
    uint32_t set = 0;
    int last = -1;
    size_t start = 0;
    for (;;) {
        const size_t end = text.find(sep, start);
        std::string_view name = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        int index = -1;
        if (!parse_feature(name, &index)) {
            if (name.empty() && text.find_first_not_of(' ') == std::string_view::npos)
                return "expected at least one of " + feature_choices();
            return quote_input(name) + " is not a feature; expected " + feature_choices();
        }
        if (index == last) return quote_input(name) + " appears twice";
        if (index < last)
            return quote_input(name) + " comes after " + quote_input(kFeatureNames[last]) + "; write features in the order " +
                   features_text((1u << kFeatureCount) - 1);
        set |= 1u << index;
        last = index;
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    *out = set;
    return "";
}

std::string features_text(uint32_t features) {
    std::string out;
    for (int i = 0; i < kFeatureCount; ++i) {
        if (!(features & (1u << i))) continue;
        if (!out.empty()) out.push_back(',');
        out.append(kFeatureNames[i]);
    }
    return out;
}

int feature_count(uint32_t features) {
    int n = 0;
    for (int i = 0; i < kFeatureCount; ++i) n += (features >> i) & 1u;
    return n;
}

bool is_classification(const DataSettings& data) {
    switch (data.kind) {
        case DataKind::Circle:
        case DataKind::Xor:
        case DataKind::Gauss:
        case DataKind::Spiral: return true;
        case DataKind::Custom:
            for (const DataPoint& p : data.custom)
                if (p.target != 0.0 && p.target != 1.0) return false;
            return true;
        default: return false;
    }
}

std::string points_range() { return "a whole number from 1 to " + std::to_string(kMaxDataPoints); }
std::string seed_range() { return "a whole number from 0 to 4294967295"; }
std::string batch_range() { return "a whole number from 1 to " + std::to_string(kMaxBatch); }
std::string epoch_range() { return "a whole number from 0 to " + std::to_string(kMaxEpoch); }

bool is_allowed_noise(double v) { return v >= 0.0 && v <= kMaxNoise; }  // false for NaN too
bool is_allowed_test_share(double v) { return v >= 0.0 && v <= kMaxTestShare; }
bool is_allowed_regularization_rate(double v) { return v >= 0.0 && v <= kMaxAbsValue; }
bool is_whole_in(double v, double lo, double hi) { return v >= lo && v <= hi && v == std::floor(v); }

std::string check_data_settings(const DataSettings& data, const TrainingSettings& training) {
    const DataSettings no_data;
    const TrainingSettings no_training;
    if (static_cast<int>(data.kind) < 0 || static_cast<int>(data.kind) >= kDataKindCount) return "data: not a data set";
    if (!data.has_data()) {
        // Settings of a data set that is not there would be lost on the way through a link.
        if (!(data == no_data)) return "data: there is no data set, but its settings are not the defaults";
        if (!(training == no_training)) return "data: there is no data set, but the training settings are not the defaults";
        return "";
    }
    if (!is_allowed_noise(data.noise)) return std::string("noise: expected ") + kNoiseRange;
    if (data.points < 1 || data.points > kMaxDataPoints) return "points: expected " + points_range();
    if (!is_allowed_test_share(data.test)) return std::string("test: expected ") + kTestShareRange;
    if (data.features == 0 || data.features >= (1u << kFeatureCount))
        return "features: expected at least one of " + feature_choices();
    if (data.kind != DataKind::Custom && !data.custom.empty()) return "pts: custom points need data=custom";
    if (data.custom.size() > static_cast<size_t>(kMaxCustomPoints))
        return "pts: " + std::to_string(data.custom.size()) + " points; at most " + std::to_string(kMaxCustomPoints) +
               " are allowed";
    for (size_t i = 0; i < data.custom.size(); ++i) {
        const DataPoint& p = data.custom[i];
        if (!is_allowed_value(p.x1) || !is_allowed_value(p.x2) || !is_allowed_value(p.target))
            return "pts: point " + std::to_string(i + 1) + " has a value outside -1e6..1e6";
    }
    if (training.batch < 1 || training.batch > kMaxBatch) return "batch: expected " + batch_range();
    if (static_cast<int>(training.optimizer) < 0 || static_cast<int>(training.optimizer) >= kOptimizerCount)
        return "opt: not an optimizer";
    if (static_cast<int>(training.regularization) < 0 ||
        static_cast<int>(training.regularization) >= kRegularizationCount)
        return "reg: not a regularization";
    if (!is_allowed_regularization_rate(training.regularization_rate))
        return std::string("regrate: expected ") + kRegularizationRateRange;
    if (training.epoch < 0 || training.epoch > kMaxEpoch) return "epoch: expected " + epoch_range();
    return "";
}

}  // namespace mlp
