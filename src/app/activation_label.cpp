// activation_label (worksheet_text.h), apart from the ImGui drawing there: the page's text
// alternative (text_alternative.h) names activations too, and is built natively for tests.
#include "app/worksheet_text.h"

namespace app {

const char* activation_label(mlp::Activation act) {
    switch (act) {
        case mlp::Activation::ReLU: return "ReLU";
        case mlp::Activation::Linear: return "linear";
        case mlp::Activation::LeakyReLU: return "leaky ReLU";
        case mlp::Activation::Sigmoid: return "sigmoid";
        case mlp::Activation::Tanh: return "tanh";
    }
    return "?";
}

}  // namespace app
