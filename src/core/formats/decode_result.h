// What decoding a link or a JSON text gives: a document and warnings, or a message saying what is
// wrong. Shared by the link decoder (link_codec.h) and the JSON import (json_import.h), with the
// helpers that keep their messages alike and safe to show.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document/document.h"

namespace mlp {

struct DecodeResult {
    Document document;                  // valid (see validate) when error is empty
    std::vector<std::string> warnings;  // e.g. unknown keys that were ignored
    std::string error;                  // "" on success, else what is wrong and what was expected

    bool ok() const { return error.empty(); }
};

// Refuses a text longer than kMaxFragmentBytes before anything else is looked at. `what` names
// the text ("the link", "the JSON text"). Returns "" when the size is allowed.
std::string check_text_size(size_t bytes, const char* what);

// Untrusted text quoted for a message: at most kMaxQuotedChars bytes between double quotes, every
// byte outside printable ASCII shown as '?', "..." when cut. Messages are shown in the page as
// text only, but a short, plain quote also keeps them readable and free of control characters
// or direction overrides.
constexpr size_t kMaxQuotedChars = 32;
std::string quote_input(std::string_view text);

// What every value of a network must be (limits.h kMaxAbsValue), as messages say it after
// "expected".
constexpr const char* kAllowedValueText = "a number from -1e6 to 1e6";

// "relu, linear, leaky_relu, sigmoid or tanh": the names accepted for activations; likewise
// "mse, ce or bce" for losses and "mean or sum" for reductions (loss.h).
std::string activation_choices();
std::string loss_choices();
std::string reduction_choices();
// Likewise for the data settings (data_settings.h): "circle, xor, gauss, spiral, plane,
// multigauss or custom", "x1, x2, x1sq, x2sq, x1x2, sin1 or sin2", "sgd, momentum or adam",
// "none, l1 or l2".
std::string data_kind_choices();
std::string feature_choices();
std::string optimizer_choices();
std::string regularization_choices();
// What a learning rate may be, for messages (is_allowed_learning_rate).
constexpr const char* kLearningRateRange = "a number above 0 and at most 1e6";

// "layer 2 has 2 nodes": the reason a count was expected, for messages about rows and columns.
std::string layer_nodes(int layer, int nodes);

// "1 number", "3 numbers", "0 matrices": a count and its noun.
std::string count_text(int64_t n, const char* singular, const char* plural = nullptr);

// At most this many warnings about unknown keys or fields; more are counted in one last warning.
constexpr int kMaxUnknownKeyWarnings = 5;

// Collects warnings about unknown keys (links) or fields (JSON): one per distinct name, up to
// kMaxUnknownKeyWarnings, then a count of the rest.
class UnknownNames {
public:
    explicit UnknownNames(const char* kind) : kind_(kind) {}  // kind: "key" or "field"
    void add(std::string_view name);
    void append_warnings(std::vector<std::string>* out) const;

private:
    const char* kind_;
    std::vector<std::string> quoted_;  // distinct, at most kMaxUnknownKeyWarnings
    long more_ = 0;                    // occurrences beyond those
};

}  // namespace mlp
