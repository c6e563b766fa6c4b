#include "core/formats/decode_result.h"

#include <algorithm>

#include "core/limits.h"
#include "core/model/activation.h"
#include "core/model/loss.h"
#include "core/training/data_settings.h"

namespace mlp {

std::string check_text_size(size_t bytes, const char* what) {
    if (bytes <= kMaxFragmentBytes) return "";
    return std::string(what) + " is " + std::to_string(bytes) + " bytes long; at most " +
           std::to_string(kMaxFragmentBytes) + " (16 MiB) are allowed";
}

std::string quote_input(std::string_view text) {
    std::string out = "\"";
    size_t n = std::min(text.size(), kMaxQuotedChars);
    for (size_t i = 0; i < n; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        out.push_back(c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '?');
    }
    if (text.size() > n) out.append("...");
    out.push_back('"');
    return out;
}

// "a, b or c": the names of an enum's values 0..count-1.
template <class Enum>
static std::string choices(int count, std::string_view (*name)(Enum)) {
    std::string out;
    for (int i = 0; i < count; ++i) {
        if (i > 0) out.append(i + 1 == count ? " or " : ", ");
        out.append(name(static_cast<Enum>(i)));
    }
    return out;
}

std::string activation_choices() { return choices(kActivationCount, activation_name); }
std::string loss_choices() { return choices(kLossCount, loss_name); }
std::string reduction_choices() { return choices(kReductionCount, reduction_name); }
// DataKind::None is no data set, not a choice: the names start after it.
std::string data_kind_choices() {
    return choices<int>(kDataKindCount - 1, [](int k) { return data_kind_name(static_cast<DataKind>(k + 1)); });
}
std::string feature_choices() { return choices<int>(kFeatureCount, feature_name); }
std::string optimizer_choices() { return choices(kOptimizerCount, optimizer_name); }
std::string regularization_choices() { return choices(kRegularizationCount, regularization_name); }

std::string layer_nodes(int layer, int nodes) {
    return "layer " + std::to_string(layer) + " has " + count_text(nodes, "node");
}

std::string count_text(int64_t n, const char* singular, const char* plural) {
    if (n == 1) return "1 " + std::string(singular);
    return std::to_string(n) + " " + (plural ? std::string(plural) : std::string(singular) + "s");
}

void UnknownNames::add(std::string_view name) {
    std::string quoted = quote_input(name);
    if (std::find(quoted_.begin(), quoted_.end(), quoted) != quoted_.end()) return;
    if (static_cast<int>(quoted_.size()) < kMaxUnknownKeyWarnings)
        quoted_.push_back(std::move(quoted));
    else
        ++more_;
}

void UnknownNames::append_warnings(std::vector<std::string>* out) const {
    for (const std::string& q : quoted_) out->push_back("unknown " + std::string(kind_) + " " + q + " ignored");
    if (more_ > 0)
        out->push_back("and " + std::to_string(more_) + " more unknown " + kind_ + (more_ > 1 ? "s" : "") +
                       " ignored");
}

}  // namespace mlp
