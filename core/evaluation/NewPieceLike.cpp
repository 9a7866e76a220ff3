// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/NewPieceLike.h"

#include "music/BarGrid.h"
#include "remi/RemiVocabulary.h"

namespace nf {

NewPieceShape newPieceLike(const Score& piece) {
    NewPieceShape shape;
    const auto bars = barLines(piece, piece.endTick());
    const Tick at = bars.empty() ? 0 : bars.back().start;
    if (!bars.empty()) {
        const auto meter = remi::vocabularyMeter(bars.back().numerator, bars.back().denominator);
        shape.numerator = meter.numerator;
        shape.denominator = meter.denominator;
    }
    shape.bpm = 60'000'000.0 / piece.tempoMap().microsPerQuarterAt(at);
    return shape;
}

}  // namespace nf
