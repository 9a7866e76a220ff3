// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/NewPieceShape.h"

#include <map>
#include <utility>
#include <vector>

#include "music/BarGrid.h"
#include "remi/RemiVocabulary.h"

namespace nf {

namespace {

// The tempo (microseconds a quarter) in force for the most ticks of [0, end); the earliest of equals.
int mainTempo(const TempoMap& map, Tick end) {
    const auto& changes = map.changes();
    std::vector<std::pair<int, Tick>> segments;  // (tempo, ticks) in time order
    const Tick firstChange = changes.empty() ? end : std::min(end, changes.front().tick);
    if (firstChange > 0) segments.emplace_back(map.microsPerQuarterAt(0), firstChange);
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const Tick to = i + 1 < changes.size() ? std::min(end, changes[i + 1].tick) : end;
        if (to > changes[i].tick) segments.emplace_back(changes[i].microsPerQuarter, to - changes[i].tick);
    }
    if (segments.empty()) return map.microsPerQuarterAt(0);
    std::map<int, Tick> total;
    for (const auto& [tempo, ticks] : segments) total[tempo] += ticks;
    int best = segments.front().first;
    for (const auto& [tempo, ticks] : segments)
        if (total[tempo] > total[best]) best = tempo;
    return best;
}

}  // namespace

NewPieceShape newPieceLike(const Score& piece) {
    NewPieceShape shape;
    const auto bars = barLines(piece, piece.endTick());
    if (!bars.empty()) {
        const auto meter = remi::vocabularyMeter(bars.back().numerator, bars.back().denominator);
        shape.numerator = meter.numerator;
        shape.denominator = meter.denominator;
    }
    shape.bpm = 60'000'000.0 / mainTempo(piece.tempoMap(), piece.endTick());
    return shape;
}

}  // namespace nf
