// What a link says about training on data: the data set (a generator and its settings, or custom
// points), the input features, and how the network trains on it (batch, optimizer,
// regularization, the epochs run so far). Names as the link's keys write them (docs/link-format.md);
// the data itself is made from these by data_set.h, the training loop is training.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mlp {

// The data sets: TensorFlow Playground's six generators (data_set.h has their definitions), and
// points of the learner's own.
enum class DataKind {
    None,        // no data set: the document trains on its samples only (step(n))
    Circle,      // classification
    Xor,         // classification
    Gauss,       // classification
    Spiral,      // classification
    Plane,       // regression
    MultiGauss,  // regression
    Custom,      // the document's own points (`pts`): classification when every target is 0 or 1
};
constexpr int kDataKindCount = 8;

// The input features of two-dimensional data, as bits of a set, in the order the input layer
// takes them: x1, x2, x1², x2², x1·x2, sin x1, sin x2.
enum Feature : uint32_t {
    kFeatureX1 = 1u << 0,
    kFeatureX2 = 1u << 1,
    kFeatureX1Squared = 1u << 2,
    kFeatureX2Squared = 1u << 3,
    kFeatureX1TimesX2 = 1u << 4,
    kFeatureSinX1 = 1u << 5,
    kFeatureSinX2 = 1u << 6,
};
constexpr int kFeatureCount = 7;
constexpr uint32_t kDefaultFeatures = kFeatureX1 | kFeatureX2;

enum class Optimizer { Sgd, Momentum, Adam };
constexpr int kOptimizerCount = 3;
enum class Regularization { None, L1, L2 };
constexpr int kRegularizationCount = 3;

// The textbook constants of the optimizers (training.h writes out their updates).
constexpr double kMomentum = 0.9;       // momentum: v <- 0.9 v + g
constexpr double kAdamBeta1 = 0.9;      // adam: m <- 0.9 m + 0.1 g
constexpr double kAdamBeta2 = 0.999;    // adam: v <- 0.999 v + 0.001 g^2
constexpr double kAdamEpsilon = 1e-8;   // adam: added to sqrt(v-hat)

// Defaults and ranges of the keys (the link writes a key only when it is not its default).
constexpr double kMaxNoise = 0.5;
constexpr int kDefaultPoints = 500;
constexpr uint32_t kDefaultDataSeed = 1;
constexpr double kDefaultTestShare = 0.5;
constexpr double kMaxTestShare = 0.9;
constexpr int kDefaultBatch = 10;

// One point of a custom data set: its two coordinates and its target.
struct DataPoint {
    double x1 = 0.0, x2 = 0.0, target = 0.0;
};
bool operator==(const DataPoint& a, const DataPoint& b);

struct DataSettings {
    DataKind kind = DataKind::None;
    double noise = 0.0;                // 0 to kMaxNoise
    int points = kDefaultPoints;       // points a generator makes, 1 to kMaxDataPoints
    uint32_t seed = kDefaultDataSeed;  // the points, the train/test split and each epoch's order
    double test = kDefaultTestShare;   // the share of points held out for testing, 0 to kMaxTestShare
    uint32_t features = kDefaultFeatures;  // a non-empty set of Feature bits
    std::vector<DataPoint> custom;     // kind Custom: at most kMaxCustomPoints; otherwise empty

    bool has_data() const { return kind != DataKind::None; }
};
bool operator==(const DataSettings& a, const DataSettings& b);

struct TrainingSettings {
    int batch = kDefaultBatch;  // points per mini-batch, 1 to kMaxBatch
    Optimizer optimizer = Optimizer::Sgd;
    Regularization regularization = Regularization::None;
    double regularization_rate = 0.0;  // 0 to kMaxAbsValue
    int64_t epoch = 0;                 // epochs run so far, 0 to kMaxEpoch
};
bool operator==(const TrainingSettings& a, const TrainingSettings& b);

// Link names: "circle", ...; "x1", "x2", "x1sq", "x2sq", "x1x2", "sin1", "sin2"; "sgd", "momentum",
// "adam"; "none", "l1", "l2". Parsers return false for anything else.
std::string_view data_kind_name(DataKind kind);
bool parse_data_kind(std::string_view name, DataKind* out);
std::string_view feature_name(int index);  // index 0..kFeatureCount-1, bit 1 << index
bool parse_feature(std::string_view name, int* index);
std::string_view optimizer_name(Optimizer opt);
bool parse_optimizer(std::string_view name, Optimizer* out);
std::string_view regularization_name(Regularization reg);
bool parse_regularization(std::string_view name, Regularization* out);

// Parses a features list: names joined by `sep`, in the order of Feature, each at most once, at
// least one. "" and *out set, or what is wrong (without the key): "\"x3\" is not a feature; ...".
std::string parse_features(std::string_view text, char sep, uint32_t* out);
// The names of a set joined by ',' ("x1,x2,x1sq"), as the link writes it.
std::string features_text(uint32_t features);
// The number of features in the set: the width of the input layer.
int feature_count(uint32_t features);

// Whether the kind's targets are classes (0 and 1) rather than values. A custom set is a
// classification set when every point's target is 0 or 1 (an empty one is).
bool is_classification(const DataSettings& data);

// What the settings may be, for messages after "expected".
constexpr const char* kNoiseRange = "a number from 0 to 0.5";
constexpr const char* kTestShareRange = "a number from 0 to 0.9";
constexpr const char* kRegularizationRateRange = "a number from 0 to 1e6";
std::string points_range();  // "a whole number from 1 to 10000"
std::string seed_range();
std::string batch_range();
std::string epoch_range();

bool is_allowed_noise(double v);
bool is_allowed_test_share(double v);
bool is_allowed_regularization_rate(double v);
// A whole number within lo..hi (a double as read from text or JSON).
bool is_whole_in(double v, double lo, double hi);

// Every setting within its range, custom points only with kind Custom (each value allowed, at
// most kMaxCustomPoints), and without a data set every setting at its default. Returns "" or a
// message naming the link key ("noise: ...").
std::string check_data_settings(const DataSettings& data, const TrainingSettings& training);

}  // namespace mlp
