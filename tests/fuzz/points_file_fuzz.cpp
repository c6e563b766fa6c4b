// libFuzzer target: any bytes as a points file (parse_points_file) and as the session imports one.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/document/session.h"
#include "core/formats/points_file.h"
#include "core/limits.h"
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::vector<mlp::DataPoint> before = {{1, 2, 3}};
    std::vector<mlp::DataPoint> points = before;
    const std::string err = mlp::parse_points_file(text, &points);
    FUZZ_CHECK(mlp_fuzz::printable(err));
    if (!err.empty()) {
        FUZZ_CHECK(points == before);  // nothing half-loaded
        return 0;
    }
    FUZZ_CHECK(!points.empty() && points.size() <= static_cast<size_t>(mlp::kMaxCustomPoints));
    for (const mlp::DataPoint& p : points)
        FUZZ_CHECK(mlp::is_allowed_value(p.x1) && mlp::is_allowed_value(p.x2) && mlp::is_allowed_value(p.target));
    // Imported into a session: a valid document whose link and JSON read back the same points.
    mlp::Session session;
    FUZZ_CHECK(session.set_data(mlp::DataSettings{}) == "");
    if (session.import_points(text) != "") return 0;  // e.g. ce on targets that are not classes
    FUZZ_CHECK(session.document().data.custom == points);
    mlp_fuzz::check_decoded(mlp::decode_link(session.link()));
    return 0;
}
