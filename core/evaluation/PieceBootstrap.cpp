// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/PieceBootstrap.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "tokenize/SplitMix64.h"

namespace nf {

MeanInterval pieceBootstrap(const std::vector<double>& values, const std::vector<std::size_t>& pieces, int resamples,
                            std::uint64_t seed) {
    if (values.size() != pieces.size()) throw std::invalid_argument("pieceBootstrap: one piece per value");
    if (!std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); }))
        throw std::invalid_argument("pieceBootstrap: a value that is not a finite number");
    MeanInterval r;
    if (values.empty()) return r;
    // Per piece: the sum of its values and how many.
    std::map<std::size_t, std::pair<double, int>> byPiece;
    double total = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        auto& [sum, count] = byPiece[pieces[i]];
        sum += values[i];
        ++count;
        total += values[i];
    }
    r.mean = total / static_cast<double>(values.size());
    std::vector<std::pair<double, int>> groups;
    for (const auto& [piece, group] : byPiece) groups.push_back(group);
    SplitMix64 rng(seed);
    std::vector<double> means;
    means.reserve(static_cast<std::size_t>(std::max(1, resamples)));
    for (int b = 0; b < std::max(1, resamples); ++b) {
        double sum = 0;
        int count = 0;
        for (std::size_t k = 0; k < groups.size(); ++k) {
            const auto& g = groups[static_cast<std::size_t>(rng.below(groups.size()))];
            sum += g.first;
            count += g.second;
        }
        means.push_back(sum / count);
    }
    std::sort(means.begin(), means.end());
    const auto at = [&](double q) {
        const auto i = static_cast<std::size_t>(q * static_cast<double>(means.size() - 1) + 0.5);
        return means[std::min(i, means.size() - 1)];
    };
    r.low = at(0.025);
    r.high = at(0.975);
    return r;
}

}  // namespace nf
