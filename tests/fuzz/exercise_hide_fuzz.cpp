// libFuzzer target: the `hide` value of an exercise link (core/exercise/exercise.h, parse_hidden), forward
// and backward items. The first
// byte picks the network it is read against, the rest is the text. A value is either refused with
// a printable "hide: ..." message and nothing written, or gives a sorted set without repeats of
// values that exist, within kMaxHiddenValues, that encode_hidden writes back to the same set.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/exercise/exercise.h"
#include "core/limits.h"
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    // Byte 0: 1 to 4 weight layers (bits 0-1), 1 to 4 samples (bits 2-3) or 64 (bit 6), and with
    // bits 6 and 7 layers of 1024 nodes: 64 x 1024 = kMaxHiddenValues values in one layer; bit 4:
    // the document has targets (backward items allowed). Layer sizes follow from byte 0 so that
    // every byte after it is text.
    const uint8_t pick = data[0];
    const bool biggest = (pick & 0xC0) == 0xC0;
    const int layers = 1 + (pick & 3);
    const bool has_targets = (pick & 0x10) != 0;
    const int samples = (pick & 0x40) ? mlp::kMaxSamples : 1 + ((pick >> 2) & 3);
    std::vector<int> shape(layers + 1);
    for (int c = 0; c <= layers; ++c) shape[c] = biggest ? mlp::kMaxNodesPerLayer : 1 + (pick + 3 * c) % 7;
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

    const std::vector<mlp::HiddenValue> untouched = {{mlp::HiddenValue::Quantity::Z, 9, 9, 9}};
    std::vector<mlp::HiddenValue> hidden = untouched;
    const std::string error = mlp::parse_hidden(text, shape, samples, has_targets, &hidden);
    FUZZ_CHECK(mlp_fuzz::printable(error));
    if (!error.empty()) {
        FUZZ_CHECK(error.rfind("hide: ", 0) == 0);
        FUZZ_CHECK(hidden == untouched);
        return 0;
    }
    FUZZ_CHECK(static_cast<int64_t>(hidden.size()) <= mlp::kMaxHiddenValues);
    FUZZ_CHECK(std::is_sorted(hidden.begin(), hidden.end()));
    FUZZ_CHECK(std::adjacent_find(hidden.begin(), hidden.end()) == hidden.end());
    FUZZ_CHECK(mlp::check_hidden(hidden, shape, samples, has_targets).empty());

    const std::string encoded = mlp::encode_hidden(hidden, shape, samples);
    std::vector<mlp::HiddenValue> again;
    FUZZ_CHECK(mlp::parse_hidden(encoded, shape, samples, has_targets, &again).empty());
    FUZZ_CHECK(again == hidden);
    FUZZ_CHECK(mlp::encode_hidden(again, shape, samples) == encoded);
    return 0;
}
