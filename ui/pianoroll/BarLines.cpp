// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/BarLines.h"

#include <algorithm>

namespace nf {

void forEachBar(const Score& score, Tick from, Tick to, const std::function<void(const BarInfo&)>& visit) {
    const auto& sigs = score.timeSignatures;
    std::size_t next = 0;  // next time-signature change to take effect
    TimeSignature ts;
    BarInfo bar;
    while (bar.start < to) {
        // A change takes effect at the first bar line at or after its tick.
        while (next < sigs.size() && sigs[next].tick <= bar.start) ts = sigs[next++];
        const int den = ts.denominator > 0 ? ts.denominator : 4;
        const int num = std::max(1, ts.numerator);
        bar.beatLength = std::max<Tick>(1, static_cast<Tick>(score.ppq()) * 4 / den);
        bar.beats = num;
        bar.length = bar.beatLength * num;
        // A change in mid-bar cuts the bar short, as notation programs show it.
        if (next < sigs.size() && sigs[next].tick > bar.start && sigs[next].tick < bar.start + bar.length)
            bar.length = sigs[next].tick - bar.start;
        if (bar.start + bar.length > from) visit(bar);
        bar.start += bar.length;
        ++bar.number;
    }
}

std::string formatBarBeat(const Score& score, Tick tick) {
    std::string out = "1.1";
    forEachBar(score, 0, tick + 1, [&](const BarInfo& b) {
        if (tick >= b.start && tick < b.start + b.length)
            out = std::to_string(b.number) + "." + std::to_string((tick - b.start) / b.beatLength + 1);
    });
    return out;
}

}  // namespace nf
