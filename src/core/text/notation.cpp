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

const char* quantity(HiddenValue::Quantity q) {
    using Q = HiddenValue::Quantity;
    switch (q) {
        case Q::Z: return "z";
        case Q::A: return "a";
        case Q::Dz: return "dz";
        case Q::Dw: return "dw";
        case Q::Db: return "db";
        case Q::NewW: return "newW";
        case Q::NewB: return "newb";
    }
    return "?";
}

std::string node_value(HiddenValue::Quantity q, int l, int node) {
    return quantity(q) + std::to_string(l + 1) + index(node);
}

namespace {
// "3[2,1]" of a value of W, "3[2]" of one of b or of a node.
std::string place(const HiddenValue& h) {
    using Q = HiddenValue::Quantity;
    const std::string L = std::to_string(h.layer + 1);
    if (h.quantity == Q::Dw || h.quantity == Q::NewW)
        return L + "[" + std::to_string(h.node + 1) + "," + std::to_string(h.col + 1) + "]";
    return L + index(h.node);
}
}  // namespace

std::string value(const HiddenValue& h) {
    const std::string name = quantity(h.quantity) + place(h);
    return h.per_sample() ? name + "." + sample(h.sample) : name;
}

std::string person_value(const HiddenValue& h) {
    using Q = HiddenValue::Quantity;
    const std::string d = std::string(kPartial) + "L/" + kPartial;
    switch (h.quantity) {
        case Q::Z: return "z" + place(h);
        case Q::A: return "a" + place(h);
        case Q::Dz: return d + "z" + place(h);
        case Q::Dw: return d + "W" + place(h);
        case Q::Db: return d + "b" + place(h);
        case Q::NewW: return "new W" + place(h);
        case Q::NewB: return "new b" + place(h);
    }
    return "?";
}

}  // namespace mlp::notation
