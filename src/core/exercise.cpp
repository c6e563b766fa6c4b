#include "core/exercise.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "core/limits.h"
#include "core/random_fill.h"

namespace mlp {

bool HiddenValue::operator<(const HiddenValue& o) const {
    return std::tie(layer, sample, node, quantity) < std::tie(o.layer, o.sample, o.node, o.quantity);
}

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

// Quotes an item for a message, shortened: it comes from a link anyone can write.
std::string quoted(std::string_view item) {
    std::string s(item.substr(0, 24));
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
    return "\"" + s + (item.size() > 24 ? "...\"" : "\"");
}

struct HideItem {
    HiddenValue::Quantity quantity;
    int layer;
    int sample;  // -1: all
    int node;    // -1: all
};

}  // namespace

std::string parse_hidden(std::string_view text, const std::vector<int>& shape, int samples,
                         std::vector<HiddenValue>* out) {
    const int layers = static_cast<int>(shape.size()) - 1;
    std::vector<HideItem> items;
    int64_t count = 0;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view item = text.substr(start, end - start);
        start = end + 1;
        if (item.empty()) {
            if (end == text.size()) break;
            continue;
        }
        HideItem h{};
        if (item[0] == 'z')
            h.quantity = HiddenValue::Quantity::Z;
        else if (item[0] == 'a')
            h.quantity = HiddenValue::Quantity::A;
        else
            return "hide: " + quoted(item) + " must start with z or a";
        std::string_view rest = item.substr(1);
        if (rest.empty()) return "hide: " + quoted(item) + " is not <z|a><layer>[.<sample>[.<node>]]";
        int parts[3] = {0, -1, -1};
        for (int k = 0; k < 3 && !rest.empty(); ++k) {
            size_t dot = rest.find('.');
            std::string_view part = rest.substr(0, dot);
            int v = 0;
            if (!read_index(part, &v) || v < 1) return "hide: " + quoted(item) + " is not <z|a><layer>[.<sample>[.<node>]]";
            parts[k] = v - 1;
            rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
            if (dot != std::string_view::npos && rest.empty()) return "hide: " + quoted(item) + " ends with a dot";
        }
        if (!rest.empty()) return "hide: " + quoted(item) + " has more than layer.sample.node";
        h.layer = parts[0];
        h.sample = parts[1];
        h.node = parts[2];
        if (h.layer >= layers)
            return "hide: " + quoted(item) + " names layer " + std::to_string(h.layer + 1) + "; the network has " +
                   std::to_string(layers) + " weight layers";
        if (h.sample >= samples)
            return "hide: " + quoted(item) + " names sample " + std::to_string(h.sample + 1) + "; there are " +
                   std::to_string(samples);
        if (h.node >= shape[h.layer + 1])
            return "hide: " + quoted(item) + " names node " + std::to_string(h.node + 1) + "; layer " +
                   std::to_string(h.layer + 1) + " has " + std::to_string(shape[h.layer + 1]);
        count += static_cast<int64_t>(h.sample < 0 ? samples : 1) * (h.node < 0 ? shape[h.layer + 1] : 1);
        if (count > kMaxHiddenValues)
            return "hide: more than " + std::to_string(kMaxHiddenValues) + " hidden values";
        items.push_back(h);
    }
    std::vector<HiddenValue> values;
    values.reserve(static_cast<size_t>(count));
    for (const HideItem& h : items)
        for (int s = 0; s < samples; ++s) {
            if (h.sample >= 0 && s != h.sample) continue;
            for (int i = 0; i < shape[h.layer + 1]; ++i) {
                if (h.node >= 0 && i != h.node) continue;
                values.push_back({h.quantity, h.layer, s, i});
            }
        }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    *out = std::move(values);
    return "";
}

std::string encode_hidden(const std::vector<HiddenValue>& hidden, const std::vector<int>& shape, int samples) {
    std::vector<HiddenValue> sorted = hidden;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    std::string out;
    auto add = [&out](HiddenValue::Quantity q, int layer, int sample, int node) {
        if (!out.empty()) out.push_back(',');
        out.push_back(q == HiddenValue::Quantity::Z ? 'z' : 'a');
        out += std::to_string(layer + 1);
        if (sample >= 0) out += "." + std::to_string(sample + 1);
        if (node >= 0) out += "." + std::to_string(node + 1);
    };
    for (int q = 0; q < 2; ++q) {
        const auto quantity = q == 0 ? HiddenValue::Quantity::Z : HiddenValue::Quantity::A;
        for (int l = 0; l + 1 < static_cast<int>(shape.size()); ++l) {
            const int nodes = shape[l + 1];
            std::vector<std::vector<bool>> is_hidden(samples, std::vector<bool>(nodes, false));
            int in_layer = 0;
            for (const HiddenValue& h : sorted)
                if (h.quantity == quantity && h.layer == l && h.sample < samples && h.node < nodes) {
                    is_hidden[h.sample][h.node] = true;
                    ++in_layer;
                }
            if (in_layer == 0) continue;
            if (in_layer == samples * nodes) {
                add(quantity, l, -1, -1);
                continue;
            }
            for (int s = 0; s < samples; ++s) {
                int in_sample = static_cast<int>(std::count(is_hidden[s].begin(), is_hidden[s].end(), true));
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

std::string check_hidden(const std::vector<HiddenValue>& hidden, const std::vector<int>& shape, int samples) {
    if (static_cast<int64_t>(hidden.size()) > kMaxHiddenValues)
        return "more than " + std::to_string(kMaxHiddenValues) + " hidden values";
    for (const HiddenValue& h : hidden)
        if (h.layer < 0 || h.layer + 1 >= static_cast<int>(shape.size()) || h.sample < 0 || h.sample >= samples ||
            h.node < 0 || h.node >= shape[h.layer + 1])
            return "a hidden value refers to a node that does not exist (layer " + std::to_string(h.layer + 1) +
                   ", sample " + std::to_string(h.sample + 1) + ", node " + std::to_string(h.node + 1) + ")";
    return "";
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
