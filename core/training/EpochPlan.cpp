// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/EpochPlan.h"

#include <algorithm>
#include <numeric>

#include "tokenize/SplitMix64.h"

namespace nf {

namespace {

std::uint64_t epochSeed(std::uint64_t seed, int epoch) {
    return seed * 0x9e3779b97f4a7c15ULL + static_cast<std::uint64_t>(epoch) * 0xd1b54a32d192ed03ULL + 1;
}

std::vector<std::int32_t> joined(const std::vector<const std::vector<std::int32_t>*>& pieces,
                                 const std::vector<std::size_t>& order) {
    std::vector<std::int32_t> out;
    for (auto i : order) out.insert(out.end(), pieces[i]->begin(), pieces[i]->end());
    return out;
}

}  // namespace

StreamPlan planStreams(const std::vector<const std::vector<std::int32_t>*>& pieces, std::int64_t batch,
                       std::int64_t length, bool shuffle, std::uint64_t seed, int epoch) {
    SplitMix64 rng(epochSeed(seed, epoch));
    std::vector<std::size_t> order(pieces.size());
    std::iota(order.begin(), order.end(), 0);
    if (shuffle) rng.shuffle(order);
    const std::vector<std::int32_t> stream = joined(pieces, order);
    StreamPlan plan;
    const auto n = static_cast<std::int64_t>(stream.size());
    if (n < 2) return plan;
    std::int64_t offset = shuffle ? static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(length))) : 0;
    if (n - offset - 1 < length) offset = 0;
    const std::int64_t usable = n - offset - 1;  // positions that have a next token
    plan.length = std::min(length, usable);
    plan.rows = std::clamp<std::int64_t>(usable / plan.length, 1, batch);
    plan.windows = usable / plan.rows / plan.length;
    const std::int64_t rowLength = plan.windows * plan.length;
    plan.data.reserve(static_cast<std::size_t>(plan.rows * (rowLength + 1)));
    for (std::int64_t r = 0; r < plan.rows; ++r) {
        const auto begin = stream.begin() + offset + r * rowLength;
        plan.data.insert(plan.data.end(), begin, begin + rowLength + 1);
    }
    return plan;
}

WindowPlan planWindows(const std::vector<const std::vector<std::int32_t>*>& pieces, std::int64_t length,
                       std::int64_t stride, bool shuffle, std::uint64_t seed, int epoch) {
    std::vector<std::size_t> order(pieces.size());
    std::iota(order.begin(), order.end(), 0);
    WindowPlan plan;
    plan.stream = joined(pieces, order);
    const auto n = static_cast<std::int64_t>(plan.stream.size());
    plan.length = std::min(length, std::max<std::int64_t>(n - 1, 0));
    if (plan.length < 1) return plan;
    for (std::int64_t s = 0; s + plan.length < n; s += stride) plan.starts.push_back(s);
    if (shuffle) {
        SplitMix64 rng(epochSeed(seed, epoch));
        rng.shuffle(plan.starts);
    }
    return plan;
}

}  // namespace nf
