#include "core/exercise/exercise.h"

#include <algorithm>
#include <cmath>

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

struct HideItem {
    HiddenValue::Quantity quantity;
    int layer;
    int sample;  // -1: all
    int node;    // -1: all
};

// Reads items one at a time (from the link's text or the JSON's strings), counting the values
// they stand for before anything is expanded: "z1" of a 1024-node layer over 64 samples is 65536.
class ItemReader {
public:
    ItemReader(const std::vector<int>& shape, int samples) : shape_(shape), samples_(samples) {}

    // `where` starts a message: "hide: " or "hidden[2]: ". Returns "" or what is wrong.
    std::string add(std::string_view item, const std::string& where);
    // Every value of the items, sorted, without repeats.
    std::vector<HiddenValue> values() const;

private:
    const std::vector<int>& shape_;
    int samples_;
    std::vector<HideItem> items_;
    int64_t count_ = 0;
};

std::string ItemReader::add(std::string_view item, const std::string& where) {
    const int layers = static_cast<int>(shape_.size()) - 1;
    const std::string form = where + quote_input(item) + " is not <z|a><layer>[.<sample>[.<node>]]";
    if (item.empty()) return form;
    HideItem h{};
    if (item[0] == 'z')
        h.quantity = HiddenValue::Quantity::Z;
    else if (item[0] == 'a')
        h.quantity = HiddenValue::Quantity::A;
    else
        return where + quote_input(item) + " must start with z or a";
    std::string_view rest = item.substr(1);
    if (rest.empty()) return form;
    int parts[3] = {0, -1, -1};
    for (int k = 0; k < 3 && !rest.empty(); ++k) {
        size_t dot = rest.find('.');
        std::string_view part = rest.substr(0, dot);
        int v = 0;
        if (!read_index(part, &v) || v < 1) return form;
        parts[k] = v - 1;
        rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
        if (dot != std::string_view::npos && rest.empty()) return where + quote_input(item) + " ends with a dot";
    }
    if (!rest.empty()) return where + quote_input(item) + " has more than layer.sample.node";
    h.layer = parts[0];
    h.sample = parts[1];
    h.node = parts[2];
    if (h.layer >= layers)
        return where + quote_input(item) + " names layer " + std::to_string(h.layer + 1) + "; the network has " +
               count_text(layers, "weight layer");
    if (h.sample >= samples_)
        return where + quote_input(item) + " names sample " + std::to_string(h.sample + 1) + "; there " +
               (samples_ == 1 ? "is " : "are ") + count_text(samples_, "sample");
    if (h.node >= shape_[h.layer + 1])
        return where + quote_input(item) + " names node " + std::to_string(h.node + 1) + "; " +
               layer_nodes(h.layer + 1, shape_[h.layer + 1]);
    count_ += static_cast<int64_t>(h.sample < 0 ? samples_ : 1) * (h.node < 0 ? shape_[h.layer + 1] : 1);
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
    for (const HideItem& h : items_)
        for (int s = 0; s < samples_; ++s) {
            if (h.sample >= 0 && s != h.sample) continue;
            for (int i = 0; i < shape_[h.layer + 1]; ++i) {
                if (h.node >= 0 && i != h.node) continue;
                values.push_back({h.quantity, h.layer, s, i});
            }
        }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

}  // namespace

std::string parse_hidden(std::string_view text, const std::vector<int>& shape, int samples,
                         std::vector<HiddenValue>* out) {
    ItemReader reader(shape, samples);
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
                               std::vector<HiddenValue>* out) {
    ItemReader reader(shape, samples);
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
    auto add = [&out](HiddenValue::Quantity q, int layer, int sample, int node) {
        std::string item(1, q == HiddenValue::Quantity::Z ? 'z' : 'a');
        item += std::to_string(layer + 1);
        if (sample >= 0) item += "." + std::to_string(sample + 1);
        if (node >= 0) item += "." + std::to_string(node + 1);
        out.push_back(std::move(item));
    };
    const int layers = static_cast<int>(shape.size()) - 1;
    // Values per quantity and layer, so layers with none cost nothing.
    std::vector<int> in_layer(2 * std::max(layers, 0), 0);
    for (const HiddenValue& h : sorted)
        if (h.layer >= 0 && h.layer < layers && h.sample >= 0 && h.sample < samples && h.node >= 0 &&
            h.node < shape[h.layer + 1])
            ++in_layer[static_cast<int>(h.quantity) * layers + h.layer];
    for (int q = 0; q < 2; ++q) {
        const auto quantity = static_cast<HiddenValue::Quantity>(q);
        for (int l = 0; l < layers; ++l) {
            const int nodes = shape[l + 1];
            const int count = in_layer[q * layers + l];
            if (count == 0) continue;
            if (count == samples * nodes) {
                add(quantity, l, -1, -1);
                continue;
            }
            std::vector<std::vector<bool>> is_hidden(samples, std::vector<bool>(nodes, false));
            for (const HiddenValue& h : sorted)
                if (h.quantity == quantity && h.layer == l && h.sample >= 0 && h.sample < samples && h.node >= 0 &&
                    h.node < nodes)
                    is_hidden[h.sample][h.node] = true;
            for (int s = 0; s < samples; ++s) {
                const int in_sample = static_cast<int>(std::count(is_hidden[s].begin(), is_hidden[s].end(), true));
                if (in_sample == nodes) {
                    add(quantity, l, s, -1);
                    continue;
                }
                for (int i = 0; i < nodes; ++i)
                    if (is_hidden[s][i]) add(quantity, l, s, i);
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

double hidden_value(const HiddenValue& h, const ForwardPass& pass) {
    const Matrix& m = h.quantity == HiddenValue::Quantity::Z ? pass.z[h.layer] : pass.a[h.layer];
    return m.at(h.sample, h.node);
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
