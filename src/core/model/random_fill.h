// Seeded random values for new weights and random networks. Hand-written on purpose: the standard
// distributions (std::uniform_real_distribution...) give different numbers in libstdc++ (native
// tests) and libc++ (the wasm page), and a seed must mean the same network everywhere.
#pragma once

#include <cstdint>

namespace mlp {

class RandomFill {
public:
    explicit RandomFill(uint64_t seed) : state_(seed) {}

    uint64_t next();           // splitmix64
    double uniform();          // [0, 1)
    int integer(int lo, int hi);  // [lo, hi]

    // A weight for a layer with `fan_in` inputs: He-uniform, |w| <= sqrt(6 / fan_in), rounded to
    // two decimals so it reads well and links stay short; or a small integer (-2..2) like the
    // worksheet's when `integers`.
    double weight(int fan_in, bool integers);

private:
    uint64_t state_;
};

}  // namespace mlp
