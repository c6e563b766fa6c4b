// One name for a value the user edits: what it is and where it sits in the document. The undo
// history records a change by it (edit_history.h's ValueChange) and the session says by it what
// its last edit touched (session.h's Session::Edit), so the two never need translating.
#pragma once

#include <cstdint>

namespace mlp {

enum class ValueKind : uint8_t {
    // Numbers of the network and its samples.
    Weight, Bias, Input, Target,
    // Choices (an enum each, see ValueSetting) and numbers of how the network learns.
    Activation, Loss, Reduction, LearningRate,
    // The training settings (data_settings.h).
    Batch, Optimizer, Regularization, RegularizationRate,
};

struct ValueAddress {
    ValueKind kind = ValueKind::Weight;
    int layer = 0;   // Weight, Bias, Activation: the weight layer (0 is W1)
    int sample = 0;  // Input, Target: the sample (a row of x or y)
    int row = 0;     // Weight, Bias: the node of layer + 1
    int col = 0;     // Weight: the node of `layer`. Input: the input. Target: the output node

    bool operator==(const ValueAddress& o) const {
        return kind == o.kind && layer == o.layer && sample == o.sample && row == o.row && col == o.col;
    }
};

// What a value is set to: a number, or for the kinds that are choices (Activation, Loss,
// Reduction, Optimizer, Regularization) the chosen enum's value.
struct ValueSetting {
    double number = 0;
    int choice = 0;

    bool operator==(const ValueSetting& o) const { return number == o.number && choice == o.choice; }
    bool operator!=(const ValueSetting& o) const { return !(*this == o); }
};

template <class Enum>
ValueSetting choice_setting(Enum e) {
    return {0.0, static_cast<int>(e)};
}
inline ValueSetting number_setting(double v) { return {v, 0}; }

}  // namespace mlp
