// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/OnsetsAround.h"

#include <algorithm>

#include "remi/RemiTokenizer.h"

namespace nf {

std::vector<int> onsetsAround(const RemiTokenizer& tokenizer, const Score& score, const std::vector<BarLine>& bars,
                              std::size_t first, std::size_t last, const std::vector<std::size_t>& tracks, bool after) {
    std::vector<int> out;
    if (bars.empty() || first > last || first >= bars.size()) return out;
    const std::size_t length = last - first + 1;
    last = std::min(last, bars.size() - 1);
    const std::size_t beforeFrom = first - std::min(first, length);
    const std::size_t afterTo = std::min(bars.size() - 1, last + length);
    // Each track's notes on the encoder's grid, bar by bar, read once.
    const auto collect = [&](const std::vector<std::vector<remi::GridNote>>& grid, std::size_t from, std::size_t to) {
        for (std::size_t b = from; b <= to && b < grid.size(); ++b)
            for (const auto& n : grid[b]) out.push_back(n.position);
    };
    const auto around = [&](const std::vector<std::vector<remi::GridNote>>& grid) {
        if (first > 0) collect(grid, beforeFrom, first - 1);
        if (after && last + 1 < bars.size()) collect(grid, last + 1, afterTo);
    };
    for (std::size_t t : tracks)
        if (t < score.tracks.size()) around(tokenizer.gridNotes(score, score.tracks[t], bars));
    if (out.empty()) {
        for (std::size_t t = 0; t < score.tracks.size(); ++t) {
            if (std::find(tracks.begin(), tracks.end(), t) != tracks.end()) continue;
            const auto grid = tokenizer.gridNotes(score, score.tracks[t], bars);
            around(grid);
            collect(grid, first, last);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace nf
