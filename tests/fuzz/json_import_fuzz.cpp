// libFuzzer target: any bytes as the JSON of load(text) or a file (decode_json).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    mlp_fuzz::check_decoded(mlp::decode_json(text));
    return 0;
}
