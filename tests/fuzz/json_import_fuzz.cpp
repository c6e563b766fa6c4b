// libFuzzer target: any bytes as the JSON of load(text) or a file (decode_json).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/limits.h"
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const mlp::DecodeResult r = mlp::decode_json(text);
    mlp_fuzz::check_decoded(r);
    // The whole text is read: after an accepted document, one more character is a syntax error.
    // (nlohmann-json stopped at a NUL byte, so "{...}\0 anything" was accepted; regressions/.)
    if (r.ok() && text.size() < mlp::kMaxFragmentBytes) FUZZ_CHECK(!mlp::decode_json(std::string(text) + "x").ok());
    return 0;
}
