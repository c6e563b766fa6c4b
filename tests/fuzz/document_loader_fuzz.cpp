// libFuzzer target: any bytes opened as the page opens them, into a live Session: load(text)
// (decode_document_text: a link, a whole address or JSON) and then hashchange
// (decode_address_fragment). Checks what the page relies on: a refused text leaves the network
// as it was with a printable message; an accepted one is shown, can be undone and redone, and
// state() is JSON the page can parse; with targets, a step of gradient descent keeps the document
// valid and is undone exactly (or is refused, changing nothing).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/document/document_loader.h"
#include "core/document/session.h"
#include "fuzz_checks.h"

namespace {

void open_and_check(mlp::Session& session, mlp::DecodeResult decoded) {
    const mlp::Document previous = session.document();
    const bool decodable = decoded.ok();
    const mlp::Document wanted = decoded.document;
    const bool opened = mlp::open_decoded(&session, std::move(decoded));
    FUZZ_CHECK(opened == decodable);  // a decoded document is valid, so the session takes it
    FUZZ_CHECK(mlp_fuzz::printable(session.error()));
    if (!opened) {
        FUZZ_CHECK(!session.error().empty());
        FUZZ_CHECK(session.document() == previous);  // never half-loaded
    } else {
        FUZZ_CHECK(session.error().empty());
        FUZZ_CHECK(session.document() == wanted);
        FUZZ_CHECK(session.undo() && session.document() == previous);
        FUZZ_CHECK(session.redo() && session.document() == wanted);
        if (wanted.has_targets()) {
            const std::string refused = session.step(1);
            FUZZ_CHECK(mlp_fuzz::printable(refused));
            FUZZ_CHECK(mlp::validate(session.document()).empty());
            FUZZ_CHECK(nlohmann::json::accept(session.state_json()));
            if (session.document() != wanted) FUZZ_CHECK(session.undo() && session.document() == wanted);
        }
    }
    FUZZ_CHECK(nlohmann::json::accept(session.state_json()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    mlp::Session session;  // the exercise, as a page opens
    open_and_check(session, mlp::decode_document_text(text));
    open_and_check(session, mlp::decode_address_fragment(text));
    return 0;
}
