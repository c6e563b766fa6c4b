#include "core/exercise/hidden_value.h"

#include <algorithm>
#include <cstdint>

#include "core/limits.h"

namespace mlp {

namespace {

bool exists(const HiddenValue& h, const std::vector<int>& shape, int samples) {
    if (h.layer < 0 || h.layer + 1 >= static_cast<int>(shape.size())) return false;
    if (h.node < 0 || h.node >= shape[h.layer + 1]) return false;
    using Q = HiddenValue::Quantity;
    if (h.per_sample()) return h.sample >= 0 && h.sample < samples && h.col == 0;
    if (h.sample != 0) return false;
    if (h.quantity == Q::Dw || h.quantity == Q::NewW) return h.col >= 0 && h.col < shape[h.layer];
    return h.col == 0;
}

}  // namespace

std::string check_hidden(const std::vector<HiddenValue>& hidden, const std::vector<int>& shape, int samples,
                         bool has_targets) {
    if (static_cast<int64_t>(hidden.size()) > kMaxHiddenValues)
        return "more than " + std::to_string(kMaxHiddenValues) + " hidden values";
    for (const HiddenValue& h : hidden) {
        if (!exists(h, shape, samples)) {
            const std::string where = "(layer " + std::to_string(h.layer + 1) + ", sample " + std::to_string(h.sample + 1) +
                                      ", node " + std::to_string(h.node + 1);
            if (!h.is_backward()) return "a hidden value refers to a node that does not exist " + where + ")";
            return "a hidden value of the backward pass refers to a value that does not exist " + where + ", column " +
                   std::to_string(h.col + 1) + ")";
        }
        if (h.is_backward() && !has_targets)
            return "a hidden value of the backward pass needs targets (y): without them there is no backward pass";
    }
    // Sorted and without repeats, as the decoders and Session::set_hidden leave them: the link
    // and equality compare sets, not lists.
    for (size_t k = 1; k < hidden.size(); ++k)
        if (!(hidden[k - 1] < hidden[k])) return "the hidden values are not sorted in the exercise's order without repeats";
    return "";
}

void drop_backward(std::vector<HiddenValue>* hidden) {
    hidden->erase(std::remove_if(hidden->begin(), hidden->end(), [](const HiddenValue& h) { return h.is_backward(); }),
                  hidden->end());
}

}  // namespace mlp
