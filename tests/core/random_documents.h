// Random documents for round-trip tests: many shapes, every activation, several samples, biases
// or none, targets and loss settings or none, hidden values or none, and values chosen to stress number text (tiny, huge, negative zero, subnormals,
// thirds, values at the limits).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>

#include "core/document/document.h"
#include "core/limits.h"

namespace mlp_test {

// A value a link or JSON must carry exactly.
inline double random_value(std::mt19937_64& rng) {
    static const double kSpecial[] = {
        0.0, -0.0, 1.0, -1.0, 0.1, -0.25, 1e-7, -1e-7, 1e6, -1e6, 999999.9999999999, 1.0 / 3.0,
        4.9406564584124654e-324,  // the smallest subnormal
        2.2250738585072009e-308,  // the largest subnormal
        2.2250738585072014e-308,  // the smallest normal
        123456.789, 5e-324, -3e-310, 0.30000000000000004, 1e-300,
    };
    std::uniform_int_distribution<int> pick(0, 3);
    switch (pick(rng)) {
        case 0: return kSpecial[std::uniform_int_distribution<size_t>(0, std::size(kSpecial) - 1)(rng)];
        case 1: return static_cast<double>(std::uniform_int_distribution<int>(-9, 9)(rng));  // the exercise's kind
        case 2: {  // any magnitude: a random mantissa and exponent within the limits
            double mantissa = std::uniform_real_distribution<double>(-1.0, 1.0)(rng);
            int exponent = std::uniform_int_distribution<int>(-320, 5)(rng);
            return mantissa * std::pow(10.0, exponent);
        }
        default: return std::uniform_real_distribution<double>(-mlp::kMaxAbsValue, mlp::kMaxAbsValue)(rng);
    }
}

// Text a title (or, with `lines`, a note) may hold: up to max_chars characters.
inline std::string random_text(std::mt19937_64& rng, int max_chars, bool lines) {
    static const char* const kPieces[] = {"a", "Z", "7", " ", "&", "=", "+", "%", "#", ";", ",", "?", "/", "%41",
                                          "\xC3\xA9" /* é */, "\xE2\x88\x92" /* − */, "\xE4\xB8\xAD" /* 中 */,
                                          "\xF0\x9F\x99\x82" /* 🙂 */, "<b>", "\"", "'"};
    const int count = std::uniform_int_distribution<int>(1, max_chars / 3)(rng);
    std::string text;
    for (int k = 0; k < count; ++k) {
        if (lines && rng() % 10 == 0) text += "\n";
        else text += kPieces[rng() % std::size(kPieces)];
    }
    return text;
}

// A valid document of a random shape: 1 to max_layers weight layers of 1 to max_nodes nodes.
inline mlp::Document random_document(std::mt19937_64& rng, int max_layers = 6, int max_nodes = 9) {
    std::uniform_int_distribution<int> layers(1, max_layers), nodes(1, max_nodes), samples(1, 5);
    std::vector<int> shape(layers(rng) + 1);
    for (int& n : shape) n = nodes(rng);
    mlp::Document doc;
    doc.network = mlp::make_network(shape);
    for (mlp::Matrix& w : doc.network.weights)
        for (double& v : w.values) v = random_value(rng);
    if (rng() % 2)
        for (std::vector<double>& b : doc.network.biases)
            for (double& v : b) v = random_value(rng);
    if (rng() % 2)
        for (mlp::Activation& act : doc.network.activations)
            act = static_cast<mlp::Activation>(rng() % mlp::kActivationCount);
    doc.inputs = mlp::Matrix(samples(rng), shape[0]);
    for (double& v : doc.inputs.values) v = random_value(rng);
    // Half of them learn: targets, and any loss, reduction and learning rate.
    if (rng() % 2) {
        doc.targets = mlp::Matrix(doc.inputs.rows, shape.back());
        for (double& v : doc.targets.values) v = random_value(rng);
    }
    if (rng() % 2) {
        doc.loss = static_cast<mlp::Loss>(rng() % mlp::kLossCount);
        doc.reduction = static_cast<mlp::Reduction>(rng() % mlp::kReductionCount);
        static const double kRates[] = {0.03, 0.1, 1e-7, 1e6, 5e-324, 0.30000000000000004};
        doc.learning_rate = rng() % 2 ? kRates[rng() % std::size(kRates)] : std::fabs(random_value(rng));
        if (!mlp::is_allowed_learning_rate(doc.learning_rate)) doc.learning_rate = 1.0;
    }
    // Half of them are exercises: a few random values hidden, or whole layers and samples.
    if (rng() % 2) {
        const int layers = static_cast<int>(shape.size()) - 1;
        const int count = std::uniform_int_distribution<int>(1, 12)(rng);
        for (int k = 0; k < count; ++k) {
            mlp::HiddenValue h;
            h.quantity = rng() % 2 ? mlp::HiddenValue::Quantity::Z : mlp::HiddenValue::Quantity::A;
            h.layer = static_cast<int>(rng() % layers);
            h.sample = static_cast<int>(rng() % doc.inputs.rows);
            h.node = static_cast<int>(rng() % shape[h.layer + 1]);
            const bool whole_sample = rng() % 4 == 0;
            for (int i = 0; i < shape[h.layer + 1]; ++i)
                if (whole_sample || i == h.node) doc.hidden.push_back({h.quantity, h.layer, h.sample, i});
        }
        std::sort(doc.hidden.begin(), doc.hidden.end());
        doc.hidden.erase(std::unique(doc.hidden.begin(), doc.hidden.end()), doc.hidden.end());
    }
    // A third have a title, a third a note: text with the link's own separators, spaces, and
    // characters of 1 to 4 bytes of UTF-8.
    if (rng() % 3 == 0) doc.title = random_text(rng, mlp::kMaxTitleChars, false);
    if (rng() % 3 == 0) doc.note = random_text(rng, mlp::kMaxNoteChars, true);
    return doc;
}

}  // namespace mlp_test
