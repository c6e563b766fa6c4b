#include "core/model/activation.h"

#include <cmath>

namespace mlp {

double apply_activation(Activation act, double z) {
    switch (act) {
        case Activation::ReLU: return z > 0.0 ? z : 0.0;
        case Activation::Linear: return z;
        case Activation::LeakyReLU: return z >= 0.0 ? z : kLeakyReluSlope * z;
        case Activation::Sigmoid: return 1.0 / (1.0 + std::exp(-z));
        case Activation::Tanh: return std::tanh(z);
    }
    return z;
}

double activation_derivative(Activation act, double z, double a) {
    switch (act) {
        case Activation::ReLU: return z > 0.0 ? 1.0 : 0.0;
        case Activation::Linear: return 1.0;
        case Activation::LeakyReLU: return z > 0.0 ? 1.0 : kLeakyReluSlope;
        case Activation::Sigmoid: return a * (1.0 - a);
        case Activation::Tanh: return 1.0 - a * a;
    }
    return 1.0;
}

bool is_clipped(Activation act, double z) { return act == Activation::ReLU && z < 0.0; }

std::string_view activation_name(Activation act) {
    switch (act) {
        case Activation::ReLU: return "relu";
        case Activation::Linear: return "linear";
        case Activation::LeakyReLU: return "leaky_relu";
        case Activation::Sigmoid: return "sigmoid";
        case Activation::Tanh: return "tanh";
    }
    return "linear";
}

bool parse_activation(std::string_view name, Activation* out) {
    for (int i = 0; i < kActivationCount; ++i) {
        Activation act = static_cast<Activation>(i);
        if (activation_name(act) == name) {
            *out = act;
            return true;
        }
    }
    return false;
}

}  // namespace mlp
