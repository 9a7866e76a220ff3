// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "drums/DrumPattern.h"

namespace nf {

// What a drummer would hear first in a drum part, measured on its pattern (docs/benchmarks/drums.md):
struct DrumFigures {
    std::size_t bars = 0;
    std::size_t hits = 0;
    double hitsPerBar = 0;
    // Share of beats (quarters; dotted quarters in 6/8, 9/8, 12/8) of the pattern with no hit at all.
    double emptyBeatRate = 0;
    // Of all kick and snare hits, the share on the backbone: kicks on the strong beats (1, and 3 of four),
    // snares on the back beats (2 and 4; 2 and 3 of three).
    double backbone = 0;
    // Share of hits that the bar before has too (same class, same step): a groove that holds.
    double patternConsistency = 0;
    // 1 - the mean share of steps whose onset (any class) differs from the bar before's (Wu and Yang's grooving
    // pattern similarity).
    double grooveConsistency = 0;
    // Distinct one-bar patterns (classes per step, velocity ignored) among the bars with hits, and their share of
    // those bars: 1/bars is one bar looped, the collapse GANs are known for.
    std::size_t distinctPatterns = 0;
    double distinctShare = 0;

    // Figures of many pieces together: every bar of every piece counts once.
    static DrumFigures of(const std::vector<DrumPattern>& patterns);
};

DrumFigures measureDrums(const DrumPattern& pattern);

// How far generated drums' figures lie from a reference's (held-out data): the sum of the differences in empty-beat
// rate, backbone share, pattern and groove consistency and distinct share, plus the relative difference in hits per
// bar. 0: the same figures. The drum GAN keeps the checkpoint with the smallest distance to its held-out pieces (a
// GAN's losses say little about its output).
double drumFigureDistance(const DrumFigures& generated, const DrumFigures& reference);

// The training data's bars, to find the longest passage a new pattern copies (the overfit check).
class DrumCopyIndex {
public:
    void add(const DrumPattern& pattern);
    // The longest run of consecutive bars of `pattern` (bars with hits) found in the same order in one added
    // pattern.
    int longestCopy(const DrumPattern& pattern) const;
    std::size_t bars() const;

private:
    std::vector<std::vector<std::uint64_t>> pieces_;  // one hash per bar; 0 for an empty bar
};

std::uint64_t drumBarHash(const DrumBar& bar);  // 0 for a bar without hits

}  // namespace nf
