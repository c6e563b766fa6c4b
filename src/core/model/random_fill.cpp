#include "core/model/random_fill.h"

#include <cmath>

namespace mlp {

uint64_t RandomFill::next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double RandomFill::uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

int RandomFill::integer(int lo, int hi) {
    uint64_t span = static_cast<uint64_t>(static_cast<int64_t>(hi) - lo + 1);
    return lo + static_cast<int>(next() % span);
}

double RandomFill::weight(int fan_in, bool integers) {
    if (integers) return integer(-2, 2);
    double limit = std::sqrt(6.0 / (fan_in > 0 ? fan_in : 1));
    double v = (2.0 * uniform() - 1.0) * limit;
    return std::round(v * 100.0) / 100.0;
}

}  // namespace mlp
