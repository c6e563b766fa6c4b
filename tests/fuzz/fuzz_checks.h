// What every fuzz target checks besides "no crash, no sanitizer report": properties that must hold
// for any input. A failed check prints what failed and aborts, which libFuzzer records as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/formats/decode_result.h"
#include "core/formats/json_import.h"
#include "core/formats/link_codec.h"
#include "core/formats/state_json.h"

#define FUZZ_CHECK(cond)                                                         \
    do {                                                                         \
        if (!(cond)) {                                                           \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            std::abort();                                                        \
        }                                                                        \
    } while (0)

namespace mlp_fuzz {

// Messages quote input only through quote_input: printable ASCII, whatever the input held.
inline bool printable(const std::string& message) {
    for (char c : message)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) return false;
    return true;
}

// A decode either fails with a message, or gives a valid document that survives the trip through
// both formats exactly: link -> document -> link is the same text, and the JSON agrees.
inline void check_decoded(const mlp::DecodeResult& r) {
    FUZZ_CHECK(printable(r.error));
    for (const std::string& w : r.warnings) FUZZ_CHECK(printable(w));
    if (!r.ok()) {
        FUZZ_CHECK(r.document.network.shape.empty());  // nothing half-loaded
        return;
    }
    FUZZ_CHECK(mlp::validate(r.document).empty());
    const std::string link = mlp::encode_link(r.document);
    mlp::DecodeResult again = mlp::decode_link(link);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.warnings.empty());
    FUZZ_CHECK(again.document == r.document);
    FUZZ_CHECK(mlp::encode_link(again.document) == link);
    mlp::DecodeResult json = mlp::decode_json(mlp::document_json(r.document));
    FUZZ_CHECK(json.ok());
    FUZZ_CHECK(json.document == r.document);
}

}  // namespace mlp_fuzz
