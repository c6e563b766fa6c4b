// Activation functions applied after each weight layer, and their names in links and JSON.
#pragma once

#include <string_view>

namespace mlp {

enum class Activation {
    ReLU,       // max(0, z): the worksheet's activation
    Linear,     // z: the worksheet's output layer
    LeakyReLU,  // z if z >= 0, else kLeakyReluSlope * z
    Sigmoid,    // 1 / (1 + e^-z)
    Tanh,       // tanh(z)
};

constexpr int kActivationCount = 5;
// PyTorch's default negative slope, so numbers match what learners see there.
constexpr double kLeakyReluSlope = 0.01;

double apply_activation(Activation act, double z);

// The derivative f'(z), given z and a = f(z): sigmoid' = a (1 - a), tanh' = 1 - a^2 (from a, as
// the by-hand sheets write them). At the kink: relu'(0) = 0, leaky_relu'(z) = 1 for z > 0, else
// kLeakyReluSlope.
double activation_derivative(Activation act, double z, double a);

// True when the activation changed z in a way the worksheet crosses out: ReLU turning a negative
// z into 0 (the diagram marks such nodes). Leaky ReLU scales instead of clipping, so it is false.
bool is_clipped(Activation act, double z);

// "relu", "linear", "leaky_relu", "sigmoid", "tanh": the names used in the link's `act` key and
// the JSON's "activations".
std::string_view activation_name(Activation act);
// Parses a name written by activation_name; returns false for anything else.
bool parse_activation(std::string_view name, Activation* out);

}  // namespace mlp
