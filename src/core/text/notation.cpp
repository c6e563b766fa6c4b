#include "core/text/notation.h"

namespace mlp::notation {

std::string index(int i) { return "[" + std::to_string(i + 1) + "]"; }

std::string sample(int s) { return "x" + std::to_string(s + 1); }

std::string input(int s, int j) { return sample(s) + index(j); }

std::string weights(int l) { return "W" + std::to_string(l + 1); }

std::string weight(int l, int row, int col) {
    return weights(l) + "[" + std::to_string(row + 1) + "," + std::to_string(col + 1) + "]";
}

std::string bias(int l, int row) { return "b" + std::to_string(l + 1) + index(row); }

const char* quantity(HiddenValue::Quantity q) { return q == HiddenValue::Quantity::Z ? "z" : "a"; }

std::string node_value(HiddenValue::Quantity q, int l, int node) {
    return quantity(q) + std::to_string(l + 1) + index(node);
}

std::string value(const HiddenValue& h) { return node_value(h.quantity, h.layer, h.node) + "." + sample(h.sample); }

}  // namespace mlp::notation
