// The link format, version 1 (PRODUCT.md, "The link"): the whole document in the URL fragment as
// key=value pairs joined by '&', e.g. "v=1&shape=3,5,2&x=3,4,5&w1=...&w2=...".
#pragma once

#include <string>

#include "core/network.h"

namespace mlp {

// The fragment text without the leading '#'. Keys with default values (zero biases, the default
// activations) are left out, so the exercise encodes to exactly the spec's link.
std::string encode_link(const Document& doc);

}  // namespace mlp
