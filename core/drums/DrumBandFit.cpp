// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumBandFit.h"

#include <algorithm>

#include "drums/BandOnsets.h"
#include "drums/DrumPattern.h"

namespace nf {

DrumBandFit DrumBandFit::of(const std::vector<DrumBandFit>& pieces) {
    DrumBandFit sum;
    for (const DrumBandFit& f : pieces) {
        sum.pieces += f.pieces;
        sum.hitSteps += f.hitSteps;
        sum.bandSteps += f.bandSteps;
        sum.bothSteps += f.bothSteps;
        sum.kickSteps += f.kickSteps;
        sum.lowSteps += f.lowSteps;
        sum.kickLowSteps += f.kickLowSteps;
    }
    return sum;
}

std::optional<DrumBandFit> measureBandFit(const Score& score) {
    if (!hasDrumPart(score) || !hasBand(score)) return std::nullopt;
    const DrumPattern pattern = drumPatternOf(score);
    const BandOnsets band = bandOnsetsOf(score, pattern);
    DrumBandFit f;
    f.pieces = 1;
    for (std::size_t b = 0; b < pattern.bars.size() && b < band.size(); ++b)
        for (std::size_t s = 0; s < pattern.bars[b].steps.size() && s < band[b].size(); ++s) {
            const DrumStep& step = pattern.bars[b].steps[s];
            const bool hit = std::any_of(step.begin(), step.end(), [](std::uint8_t v) { return v != 0; });
            const bool kick = step[static_cast<std::size_t>(DrumClass::Kick)] != 0;
            const BandStep& heard = band[b][s];
            f.hitSteps += hit;
            f.bandSteps += heard.onsets > 0;
            f.bothSteps += hit && heard.onsets > 0;
            f.kickSteps += kick;
            f.lowSteps += heard.low;
            f.kickLowSteps += kick && heard.low;
        }
    return f;
}

}  // namespace nf
