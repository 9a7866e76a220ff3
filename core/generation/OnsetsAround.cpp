// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/OnsetsAround.h"

#include <algorithm>
#include <cmath>

#include "remi/RemiVocabulary.h"

namespace nf {

namespace {

// Adds the grid position of every note of `track` that starts in bars [from, to] (indices; to < bars.size()).
void collect(const Score& score, const std::vector<BarLine>& bars, std::size_t track, std::size_t from, std::size_t to,
             std::vector<int>& out) {
    if (from > to || to >= bars.size()) return;
    for (const Note& n : score.tracks[track].notes) {
        if (n.start < bars[from].start || n.start >= bars[to].end()) continue;
        const BarLine& bar = bars[barIndexAt(bars, n.start)];
        out.push_back(static_cast<int>(
            std::lround(static_cast<double>(n.start - bar.start) * remi::kUnitsPerBeat / score.ppq())));
    }
}

}  // namespace

std::vector<int> onsetsAround(const Score& score, const std::vector<BarLine>& bars, std::size_t first,
                              std::size_t last, const std::vector<std::size_t>& tracks, bool after) {
    std::vector<int> out;
    if (bars.empty() || first > last || first >= bars.size()) return out;
    last = std::min(last, bars.size() - 1);
    const std::size_t length = last - first + 1;
    const std::size_t beforeFrom = first - std::min(first, length);
    const std::size_t afterTo = std::min(bars.size() - 1, last + length);
    const auto around = [&](std::size_t t) {
        if (first > 0) collect(score, bars, t, beforeFrom, first - 1, out);
        if (after && last + 1 < bars.size()) collect(score, bars, t, last + 1, afterTo, out);
    };
    for (std::size_t t : tracks)
        if (t < score.tracks.size()) around(t);
    if (out.empty()) {
        for (std::size_t t = 0; t < score.tracks.size(); ++t) {
            if (std::find(tracks.begin(), tracks.end(), t) != tracks.end()) continue;
            around(t);
            collect(score, bars, t, first, last, out);
        }
    }
    // A note rounded onto the next bar line (a late grace note) has no position in its bar.
    std::erase_if(out, [](int u) { return u < 0 || u >= remi::kMaxBarUnits; });
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace nf
