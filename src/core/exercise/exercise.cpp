#include "core/exercise/exercise.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/document/session.h"
#include "core/formats/decode_result.h"
#include "core/limits.h"
#include "core/model/random_fill.h"

namespace mlp {

namespace {

// Reads a positive decimal integer of at most 6 digits; false otherwise.
bool read_index(std::string_view text, int* out) {
    if (text.empty() || text.size() > 6) return false;
    int v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

using Q = HiddenValue::Quantity;

// How an item names a quantity in the link and the JSON, longest first so "dz" is not read as "z"
// followed by garbage... ("d" is no quantity of its own).
struct QuantityCode {
    const char* code;
    Q quantity;
};
constexpr QuantityCode kCodes[] = {{"dz", Q::Dz}, {"dw", Q::Dw}, {"db", Q::Db}, {"nw", Q::NewW},
                                   {"nb", Q::NewB}, {"z", Q::Z},   {"a", Q::A}};

const char* code_of(Q q) {
    for (const QuantityCode& c : kCodes)
        if (c.quantity == q) return c.code;
    return "?";
}

// An item's two optional parts after the layer: the outer one (a sample, or a row of W or b) and
// the inner one (a node of that sample, or a column of W; none for b).
int outer_count(Q q, const std::vector<int>& shape, int samples, int l) {
    return q == Q::Z || q == Q::A || q == Q::Dz ? samples : shape[l + 1];
}
int inner_count(Q q, const std::vector<int>& shape, int l) {
    if (q == Q::Db || q == Q::NewB) return 1;
    if (q == Q::Dw || q == Q::NewW) return shape[l];
    return shape[l + 1];
}
bool has_inner(Q q) { return q != Q::Db && q != Q::NewB; }
HiddenValue make_value(Q q, int l, int outer, int inner) {
    HiddenValue h;
    h.quantity = q;
    h.layer = l;
    if (q == Q::Z || q == Q::A || q == Q::Dz) {
        h.sample = outer;
        h.node = inner;
    } else {
        h.node = outer;
        h.col = has_inner(q) ? inner : 0;
    }
    return h;
}
void coordinates(const HiddenValue& h, int* outer, int* inner) {
    if (h.per_sample()) {
        *outer = h.sample;
        *inner = h.node;
    } else {
        *outer = h.node;
        *inner = h.col;
    }
}
// "<z|a><layer>[.<sample>[.<node>]]", "dw<layer>[.<row>[.<column>]]", "db<layer>[.<row>]".
std::string item_form(Q q) {
    if (q == Q::Z || q == Q::A) return "<z|a><layer>[.<sample>[.<node>]]";
    const std::string code = code_of(q);
    if (q == Q::Dz) return code + "<layer>[.<sample>[.<node>]]";
    if (has_inner(q)) return code + "<layer>[.<row>[.<column>]]";
    return code + "<layer>[.<row>]";
}

struct HideItem {
    Q quantity;
    int layer;
    int outer;  // -1: all
    int inner;  // -1: all
};

// Reads items one at a time (from the link's text or the JSON's strings), counting the values
// they stand for before anything is expanded: "z1" of a 1024-node layer over 64 samples is 65536.
class ItemReader {
public:
    ItemReader(const std::vector<int>& shape, int samples, bool has_targets)
        : shape_(shape), samples_(samples), has_targets_(has_targets) {}

    // `where` starts a message: "hide: " or "hidden[2]: ". Returns "" or what is wrong.
    std::string add(std::string_view item, const std::string& where);
    // Every value of the items, sorted, without repeats.
    std::vector<HiddenValue> values() const;

private:
    const std::vector<int>& shape_;
    int samples_;
    bool has_targets_;
    std::vector<HideItem> items_;
    int64_t count_ = 0;
};

std::string ItemReader::add(std::string_view item, const std::string& where) {
    const int layers = static_cast<int>(shape_.size()) - 1;
    const std::string quoted = where + quote_input(item);
    if (item.empty()) return quoted + " is not " + item_form(Q::Z);
    HideItem h{};
    size_t code_size = 0;
    for (const QuantityCode& c : kCodes) {
        const std::string_view code(c.code);
        if (item.substr(0, code.size()) == code) {
            h.quantity = c.quantity;
            code_size = code.size();
            break;
        }
    }
    if (code_size == 0) return quoted + " must start with z, a, dz, dw, db, nw or nb";
    const std::string form = quoted + " is not " + item_form(h.quantity);
    std::string_view rest = item.substr(code_size);
    if (rest.empty()) return form;
    const int parts_allowed = has_inner(h.quantity) ? 3 : 2;
    int parts[3] = {0, -1, -1};
    for (int k = 0; k < parts_allowed && !rest.empty(); ++k) {
        size_t dot = rest.find('.');
        std::string_view part = rest.substr(0, dot);
        int v = 0;
        if (!read_index(part, &v) || v < 1) return form;
        parts[k] = v - 1;
        rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
        if (dot != std::string_view::npos && rest.empty()) return quoted + " ends with a dot";
    }
    if (!rest.empty()) {
        if (h.quantity == Q::Z || h.quantity == Q::A || h.quantity == Q::Dz) return quoted + " has more than layer.sample.node";
        return quoted + " has more than " + (has_inner(h.quantity) ? "layer.row.column" : "layer.row");
    }
    h.layer = parts[0];
    h.outer = parts[1];
    h.inner = parts[2];
    if (h.layer >= layers)
        return quoted + " names layer " + std::to_string(h.layer + 1) + "; the network has " +
               count_text(layers, "weight layer");
    const bool per_sample = h.quantity == Q::Z || h.quantity == Q::A || h.quantity == Q::Dz;
    const int outer = outer_count(h.quantity, shape_, samples_, h.layer);
    const int inner = inner_count(h.quantity, shape_, h.layer);
    if (per_sample) {
        if (h.outer >= samples_)
            return quoted + " names sample " + std::to_string(h.outer + 1) + "; there " + (samples_ == 1 ? "is " : "are ") +
                   count_text(samples_, "sample");
        if (h.inner >= inner)
            return quoted + " names node " + std::to_string(h.inner + 1) + "; " + layer_nodes(h.layer + 1, inner);
    } else {
        if (h.outer >= outer)
            return quoted + " names row " + std::to_string(h.outer + 1) + "; " + layer_nodes(h.layer + 1, outer);
        if (h.inner >= inner)
            return quoted + " names column " + std::to_string(h.inner + 1) + "; " + layer_nodes(h.layer, inner);
    }
    if (h.quantity != Q::Z && h.quantity != Q::A && !has_targets_)
        return quoted + " is a value of the backward pass, which needs targets (y)";
    count_ += static_cast<int64_t>(h.outer < 0 ? outer : 1) * (h.inner < 0 ? inner : 1);
    if (count_ > kMaxHiddenValues) {
        // The field's name alone: the limit is about all the items, not this one.
        const std::string field = where.substr(0, where.find_first_of("[:"));
        return field + ": more than " + std::to_string(kMaxHiddenValues) + " hidden values";
    }
    items_.push_back(h);
    return "";
}

std::vector<HiddenValue> ItemReader::values() const {
    std::vector<HiddenValue> values;
    values.reserve(static_cast<size_t>(count_));
    for (const HideItem& h : items_) {
        const int outer = outer_count(h.quantity, shape_, samples_, h.layer);
        const int inner = inner_count(h.quantity, shape_, h.layer);
        for (int o = 0; o < outer; ++o) {
            if (h.outer >= 0 && o != h.outer) continue;
            for (int i = 0; i < inner; ++i) {
                if (h.inner >= 0 && i != h.inner) continue;
                values.push_back(make_value(h.quantity, h.layer, o, i));
            }
        }
    }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

}  // namespace

std::string parse_hidden(std::string_view text, const std::vector<int>& shape, int samples, bool has_targets,
                         std::vector<HiddenValue>* out) {
    ItemReader reader(shape, samples, has_targets);
    const std::string where = "hide: ";
    size_t start = 0;
    while (start < text.size()) {
        size_t end = std::min(text.find(',', start), text.size());
        std::string_view item = text.substr(start, end - start);
        start = end + 1;
        if (item.empty()) continue;  // "a1,,a2" and a trailing ',' are harmless
        std::string err = reader.add(item, where);
        if (!err.empty()) return err;
    }
    *out = reader.values();
    return "";
}

std::string parse_hidden_items(const std::vector<std::string>& items, const std::vector<int>& shape, int samples,
                               bool has_targets, std::vector<HiddenValue>* out) {
    ItemReader reader(shape, samples, has_targets);
    for (size_t k = 0; k < items.size(); ++k) {
        std::string err = reader.add(items[k], "hidden[" + std::to_string(k) + "]: ");
        if (!err.empty()) return err;
    }
    *out = reader.values();
    return "";
}

std::vector<std::string> hidden_items(const std::vector<HiddenValue>& hidden, const std::vector<int>& shape,
                                      int samples) {
    std::vector<HiddenValue> sorted = hidden;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    std::vector<std::string> out;
    auto add = [&out](Q q, int layer, int outer, int inner) {
        std::string item = code_of(q);
        item += std::to_string(layer + 1);
        if (outer >= 0) item += "." + std::to_string(outer + 1);
        if (inner >= 0 && has_inner(q)) item += "." + std::to_string(inner + 1);
        out.push_back(std::move(item));
    };
    const int layers = static_cast<int>(shape.size()) - 1;
    constexpr int kQuantities = static_cast<int>(Q::NewB) + 1;
    // Values per quantity and layer, so layers with none cost nothing.
    std::vector<int> in_layer(kQuantities * std::max(layers, 0), 0);
    auto valid = [&](const HiddenValue& h) {
        if (h.layer < 0 || h.layer >= layers) return false;
        int o = 0, i = 0;
        coordinates(h, &o, &i);
        return o >= 0 && o < outer_count(h.quantity, shape, samples, h.layer) && i >= 0 &&
               i < inner_count(h.quantity, shape, h.layer);
    };
    for (const HiddenValue& h : sorted)
        if (valid(h)) ++in_layer[static_cast<int>(h.quantity) * layers + h.layer];
    // z items before a items, then the backward quantities, each in its own order: old links
    // (forward values only) are written exactly as before.
    for (int q = 0; q < kQuantities; ++q) {
        const auto quantity = static_cast<Q>(q);
        for (int l = 0; l < layers; ++l) {
            const int outer = outer_count(quantity, shape, samples, l), inner = inner_count(quantity, shape, l);
            const int count = in_layer[q * layers + l];
            if (count == 0) continue;
            if (count == outer * inner) {
                add(quantity, l, -1, -1);
                continue;
            }
            std::vector<std::vector<bool>> is_hidden(outer, std::vector<bool>(inner, false));
            for (const HiddenValue& h : sorted)
                if (h.quantity == quantity && h.layer == l && valid(h)) {
                    int o = 0, i = 0;
                    coordinates(h, &o, &i);
                    is_hidden[o][i] = true;
                }
            for (int o = 0; o < outer; ++o) {
                const int in_outer = static_cast<int>(std::count(is_hidden[o].begin(), is_hidden[o].end(), true));
                if (in_outer == inner) {
                    add(quantity, l, o, -1);
                    continue;
                }
                for (int i = 0; i < inner; ++i)
                    if (is_hidden[o][i]) add(quantity, l, o, i);
            }
        }
    }
    return out;
}

std::string encode_hidden(const std::vector<HiddenValue>& hidden, const std::vector<int>& shape, int samples) {
    std::string out;
    for (const std::string& item : hidden_items(hidden, shape, samples)) {
        if (!out.empty()) out.push_back(',');
        out += item;
    }
    return out;
}

double hidden_value(const HiddenValue& h, const ExerciseValues& v) {
    const double kUnknown = std::numeric_limits<double>::quiet_NaN();
    auto at = [kUnknown](const Matrix& m, int r, int c) {
        return r >= 0 && r < m.rows && c >= 0 && c < m.cols ? m.at(r, c) : kUnknown;
    };
    const ForwardPass& f = v.forward;
    if (h.quantity == Q::Z || h.quantity == Q::A) {
        if (h.layer < 0 || h.layer >= static_cast<int>(f.z.size())) return kUnknown;
        return at(h.quantity == Q::Z ? f.z[h.layer] : f.a[h.layer], h.sample, h.node);
    }
    const BackwardPass* g = v.backward;
    if (!g || h.layer < 0 || h.layer >= static_cast<int>(g->dz.size())) return kUnknown;
    const int l = h.layer;
    const bool in_b = h.node >= 0 && h.node < static_cast<int>(g->db[l].size());
    switch (h.quantity) {
        case Q::Dz: return at(g->dz[l], h.sample, h.node);
        case Q::Dw: return at(g->dw[l], h.node, h.col);
        case Q::Db: return in_b ? g->db[l][h.node] : kUnknown;
        case Q::NewW: {
            if (!v.network || l >= static_cast<int>(v.network->weights.size())) return kUnknown;
            const double w = at(v.network->weights[l], h.node, h.col), d = at(g->dw[l], h.node, h.col);
            return std::isnan(w) || std::isnan(d) ? kUnknown : clamp_value(w - v.learning_rate * d);
        }
        case Q::NewB: {
            if (!v.network || l >= static_cast<int>(v.network->biases.size()) || !in_b) return kUnknown;
            return clamp_value(v.network->biases[l][h.node] - v.learning_rate * g->db[l][h.node]);
        }
        default: return kUnknown;
    }
}

bool answer_is_right(double typed, double truth) {
    if (!std::isfinite(typed)) return false;
    return std::fabs(typed - truth) <= 0.005 + 1e-9 * std::fabs(truth);
}

std::vector<HiddenValue> choose_hidden(const std::vector<int>& shape, int samples, int per_layer, uint64_t seed) {
    RandomFill rng(seed);
    std::vector<HiddenValue> out;
    for (int l = 0; l + 1 < static_cast<int>(shape.size()); ++l) {
        const int nodes = shape[l + 1];
        std::vector<int> order(nodes);
        for (int i = 0; i < nodes; ++i) order[i] = i;
        // Fisher-Yates with our own generator, so the same seed picks the same nodes everywhere.
        for (int i = nodes - 1; i > 0; --i) std::swap(order[i], order[rng.integer(0, i)]);
        const int take = std::min(per_layer, nodes);
        for (int k = 0; k < take; ++k)
            for (int s = 0; s < samples; ++s) {
                out.push_back({HiddenValue::Quantity::Z, l, s, order[k]});
                out.push_back({HiddenValue::Quantity::A, l, s, order[k]});
                if (static_cast<int64_t>(out.size()) >= kMaxHiddenValues) break;
            }
    }
    std::sort(out.begin(), out.end());
    if (static_cast<int64_t>(out.size()) > kMaxHiddenValues) out.resize(kMaxHiddenValues);
    return out;
}

}  // namespace mlp
