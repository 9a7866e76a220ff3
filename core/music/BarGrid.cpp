// SPDX-License-Identifier: GPL-3.0-or-later
#include "music/BarGrid.h"

#include <algorithm>

namespace nf {

std::vector<BarLine> barLines(const Score& score, Tick until) {
    std::vector<TimeSignature> meters = score.timeSignatures;
    if (meters.empty() || meters.front().tick > 0) meters.insert(meters.begin(), TimeSignature{0, 4, 4});
    std::vector<BarLine> bars;
    const Tick last = std::max<Tick>(until, 1);
    for (std::size_t m = 0; m < meters.size(); ++m) {
        const auto& ts = meters[m];
        const Tick segmentEnd = m + 1 < meters.size() ? meters[m + 1].tick : last;
        if (segmentEnd <= ts.tick && m + 1 < meters.size()) continue;  // two meters on one tick: the later wins
        const Tick barLength = std::max<Tick>(1, static_cast<Tick>(score.ppq()) * 4 * ts.numerator /
                                                     std::max(1, ts.denominator));
        for (Tick t = ts.tick; t < segmentEnd || (m + 1 == meters.size() && t < last); t += barLength) {
            BarLine bar{0, t, barLength, ts.numerator, ts.denominator};
            if (m + 1 < meters.size()) bar.length = std::min(barLength, segmentEnd - t);
            bars.push_back(bar);
        }
    }
    if (bars.empty()) bars.push_back(BarLine{1, 0, static_cast<Tick>(score.ppq()) * 4, 4, 4});
    // A first bar shorter than the bar after it is a pickup, whether its meter says so (1/8 then 6/8) or a
    // restated meter cut it short.
    const bool pickup = bars.size() > 1 && bars.front().length < bars[1].length;
    int number = pickup ? 0 : 1;
    for (auto& b : bars) b.number = number++;
    return bars;
}

std::size_t barIndexAt(const std::vector<BarLine>& bars, Tick tick) {
    auto it = std::upper_bound(bars.begin(), bars.end(), tick, [](Tick t, const BarLine& b) { return t < b.start; });
    if (it == bars.begin()) return 0;
    return static_cast<std::size_t>(it - bars.begin()) - 1;
}

std::optional<std::size_t> barIndexOfNumber(const std::vector<BarLine>& bars, int number) {
    for (std::size_t i = 0; i < bars.size(); ++i)
        if (bars[i].number == number) return i;
    return std::nullopt;
}

}  // namespace nf
