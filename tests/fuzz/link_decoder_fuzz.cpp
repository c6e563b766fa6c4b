// libFuzzer target: any bytes as a link fragment (decode_link), and as load(text) reads them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/document/document_loader.h"
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    mlp_fuzz::check_decoded(mlp::decode_link(text));
    if (!mlp::looks_like_json(text)) mlp_fuzz::check_decoded(mlp::decode_document_text(text));
    return 0;
}
