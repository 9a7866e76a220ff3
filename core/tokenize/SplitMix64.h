// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace nf {

// splitmix64: a tiny, fully specified generator, so shuffles (validation split, batch order) are identical on
// every platform and standard library; std::shuffle and the std distributions are not.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n) (modulo bias is irrelevant at these sizes).
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }

    template <typename T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[static_cast<std::size_t>(below(i))]);
    }

private:
    std::uint64_t state_;
};

}  // namespace nf
