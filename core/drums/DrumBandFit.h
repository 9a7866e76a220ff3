// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "music/Score.h"

namespace nf {

// How a drum part sits with the band beside it, step by step on the drum grid (docs/benchmarks/drums.md): whether
// the drums hit where the band plays and the kick where the bass does. Steps, not notes: a hi-hat on every eighth
// and a chord on the beat meet on the beat once. Judged beside a reference: the piece's real drums, and a drums
// model that does not hear the band (what the beat alone gives).
struct DrumBandFit {
    std::size_t pieces = 0;
    std::size_t hitSteps = 0;    // steps with a drum hit
    std::size_t bandSteps = 0;   // steps where a band note starts
    std::size_t bothSteps = 0;   // both
    std::size_t kickSteps = 0;   // steps with a kick
    std::size_t lowSteps = 0;    // steps where a low band note (kBandLowPitch) starts
    std::size_t kickLowSteps = 0;

    double hitsOnBand() const { return share(bothSteps, hitSteps); }       // of the drum steps, on a band onset
    double bandDrummed() const { return share(bothSteps, bandSteps); }     // of the band's onsets, drummed
    double kicksOnBass() const { return share(kickLowSteps, kickSteps); }  // of the kicks, with a bass note
    double bassKicked() const { return share(kickLowSteps, lowSteps); }    // of the bass notes, kicked

    // Counts of many pieces added up: every step counts once.
    static DrumBandFit of(const std::vector<DrumBandFit>& pieces);

private:
    static double share(std::size_t part, std::size_t whole) {
        return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
    }
};

// The fit of a piece's drum part (drumPatternOf) with its other tracks (bandOnsetsOf, over the drum part's bars);
// none for a piece without both.
std::optional<DrumBandFit> measureBandFit(const Score& score);

}  // namespace nf
