// SPDX-License-Identifier: GPL-3.0-or-later
#include "remi/BarKey.h"

#include <algorithm>

#include "evaluation/KeyFinder.h"

namespace nf::remi {

std::vector<std::optional<KeyToken>> barKeys(const Score& score, const std::vector<BarLine>& bars) {
    std::vector<PitchClassHistogram> perBar(bars.size(), PitchClassHistogram{});
    std::vector<bool> sounding(bars.size(), false);
    for (const Track& t : score.tracks) {
        if (t.isDrum) continue;
        for (const Note& n : t.notes) {
            const Tick end = std::max(n.end(), n.start + 1);
            for (std::size_t b = barIndexAt(bars, n.start); b < bars.size() && bars[b].start < end; ++b) {
                const Tick overlap = std::min(end, bars[b].end()) - std::max(n.start, bars[b].start);
                if (overlap <= 0) continue;
                perBar[b][static_cast<std::size_t>(n.pitch % 12)] += static_cast<double>(overlap);
                sounding[b] = true;
            }
        }
    }
    std::vector<std::optional<KeyToken>> keys(bars.size());
    for (std::size_t b = 0; b < bars.size(); ++b) {
        if (!sounding[b]) continue;
        PitchClassHistogram h{};
        for (std::size_t n = b == 0 ? 0 : b - 1; n <= std::min(b + 1, bars.size() - 1); ++n)
            for (std::size_t pc = 0; pc < 12; ++pc) h[pc] += perBar[n][pc] * (n == b ? 2.0 : 1.0);
        const KeyEstimate k = estimateKey(h);
        keys[b] = KeyToken{k.tonic, k.minor};
    }
    return keys;
}

}  // namespace nf::remi
