#include "core/exercise/hidden_value.h"

#include <cstdint>

#include "core/limits.h"

namespace mlp {

std::string check_hidden(const std::vector<HiddenValue>& hidden, const std::vector<int>& shape, int samples) {
    if (static_cast<int64_t>(hidden.size()) > kMaxHiddenValues)
        return "more than " + std::to_string(kMaxHiddenValues) + " hidden values";
    for (const HiddenValue& h : hidden)
        if (h.layer < 0 || h.layer + 1 >= static_cast<int>(shape.size()) || h.sample < 0 || h.sample >= samples ||
            h.node < 0 || h.node >= shape[h.layer + 1])
            return "a hidden value refers to a node that does not exist (layer " + std::to_string(h.layer + 1) +
                   ", sample " + std::to_string(h.sample + 1) + ", node " + std::to_string(h.node + 1) + ")";
    // Sorted and without repeats, as the decoders and Session::set_hidden leave them: the link
    // and equality compare sets, not lists.
    for (size_t k = 1; k < hidden.size(); ++k)
        if (!(hidden[k - 1] < hidden[k])) return "the hidden values are not sorted in forward order without repeats";
    return "";
}

}  // namespace mlp
