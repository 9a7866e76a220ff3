// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/ValidationSplit.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "tokenize/SplitMix64.h"

namespace nf {

PieceSplit splitByPiece(std::size_t pieceCount, double share, std::uint64_t seed) {
    PieceSplit split;
    std::size_t held = 0;
    if (share > 0 && pieceCount >= 2) {
        held = static_cast<std::size_t>(std::llround(std::clamp(share, 0.0, 1.0) * static_cast<double>(pieceCount)));
        held = std::clamp<std::size_t>(held, 1, pieceCount - 1);
    }
    std::vector<std::size_t> order(pieceCount);
    std::iota(order.begin(), order.end(), 0);
    SplitMix64 rng(seed ^ 0x5eedf00dULL);
    rng.shuffle(order);
    split.validation.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(held));
    split.train.assign(order.begin() + static_cast<std::ptrdiff_t>(held), order.end());
    std::sort(split.validation.begin(), split.validation.end());
    std::sort(split.train.begin(), split.train.end());
    return split;
}

}  // namespace nf
