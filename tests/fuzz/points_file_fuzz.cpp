// libFuzzer target: any bytes as a points file (parse_points_file), as the session imports one,
// and as a file dropped on the page or picked by File > Import (open_any_file), which decides by
// its name and text whether it is points or a network's JSON. The input is the file's name, a NUL
// byte, then its text; without a NUL, all of it is the text and the file has no name (the seeds'
// plain points). A file name cannot hold a NUL, so every name and text can be reached.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/document/document_loader.h"
#include "core/document/session.h"
#include "core/formats/decode_result.h"
#include "core/formats/file_import.h"
#include "core/formats/points_file.h"
#include "core/limits.h"
#include "fuzz_checks.h"

namespace {

// The points alone, and imported into a session: a valid document whose link and JSON read back
// the same points.
void check_points(std::string_view text) {
    const std::vector<mlp::DataPoint> before = {{1, 2, 3}};
    std::vector<mlp::DataPoint> points = before;
    const std::string err = mlp::parse_points_file(text, &points);
    FUZZ_CHECK(mlp_fuzz::printable(err));
    if (!err.empty()) {
        FUZZ_CHECK(points == before);  // nothing half-loaded
        return;
    }
    FUZZ_CHECK(!points.empty() && points.size() <= static_cast<size_t>(mlp::kMaxCustomPoints));
    for (const mlp::DataPoint& p : points)
        FUZZ_CHECK(mlp::is_allowed_value(p.x1) && mlp::is_allowed_value(p.x2) && mlp::is_allowed_value(p.target));
    mlp::Session session;
    FUZZ_CHECK(session.set_data(mlp::DataSettings{}) == "");
    if (session.import_points(text) != "") return;  // e.g. ce on targets that are not classes
    FUZZ_CHECK(session.document().data.custom == points);
    mlp_fuzz::check_decoded(mlp::decode_link(session.link()));
}

// The file as the page opens it: either the document changed into a valid one that survives the
// trip through link and JSON, or the working document is kept and the message names the file.
void check_open_any_file(std::string_view name, std::string_view text) {
    mlp::Session session;
    const mlp::Document before = session.document();
    const bool points = mlp::is_points_file(name, text);
    const bool changed = mlp::open_any_file(&session, name, text);
    FUZZ_CHECK(mlp_fuzz::printable(session.error()));
    for (const std::string& w : session.warnings()) FUZZ_CHECK(mlp_fuzz::printable(w));
    if (!session.error().empty()) {
        FUZZ_CHECK(!changed);
        FUZZ_CHECK(session.document() == before);  // the working document kept
        FUZZ_CHECK(session.error().find("the file " + mlp::quote_input(name)) != std::string::npos);
        FUZZ_CHECK(session.error_note() == (points ? mlp::kKeptPointsNote : mlp::kKeptNetworkNote));
        return;
    }
    FUZZ_CHECK(changed || session.document() == before);  // (the same network opened again counts)
    FUZZ_CHECK(mlp::validate(session.document()).empty());
    mlp_fuzz::check_decoded(mlp::decode_link(session.link()));
    if (points) {
        std::vector<mlp::DataPoint> read;
        FUZZ_CHECK(mlp::parse_points_file(text, &read).empty());
        FUZZ_CHECK(session.document().data.custom == read);
    } else {
        const mlp::DecodeResult json = mlp::decode_json(text);
        FUZZ_CHECK(json.ok());
        FUZZ_CHECK(session.document() == json.document);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const size_t nul = input.find('\0');
    const std::string_view name = nul == std::string_view::npos ? std::string_view() : input.substr(0, nul);
    const std::string_view text = nul == std::string_view::npos ? input : input.substr(nul + 1);
    check_points(text);
    check_open_any_file(name, text);
    return 0;
}
