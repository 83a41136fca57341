#pragma once

#include <cstdint>

namespace cdrsim {

// A tiny PRNG with a fixed algorithm, so generated data is identical on every
// compiler and standard library (std::*_distribution is not).
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed)
        : m_state(seed)
    {
    }

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // In [0, bound); the modulo bias is irrelevant for test data.
    int below(int bound) { return bound <= 0 ? 0 : int(next() % std::uint64_t(bound)); }
    int between(int low, int high) { return low + below(high - low + 1); } // inclusive

private:
    std::uint64_t m_state;
};

} // namespace cdrsim
