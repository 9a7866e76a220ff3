// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "drums/BandOnsets.h"
#include "drums/DrumPattern.h"
#include "tokenize/TokenizedCorpus.h"
#include "training/DrumGanSettings.h"

namespace nf {

// The drum GAN's data (issue 19), without LibTorch: a drums corpus's pieces back as patterns with the band they
// were played with, the one bar form (grid and meter) a run learns, and its bars and conditions as numbers.

// A drum part's bars with the band they were played with (when the piece had one), as a corpus's tokens say them.
struct DrumGanPiece {
    DrumPattern drums;
    std::optional<BandOnsets> band;  // one entry per bar of `drums`
};

std::vector<DrumGanPiece> drumGanPiecesOf(const TokenizedCorpus& corpus, const std::vector<std::size_t>& pieces);
std::vector<DrumPattern> drumsOf(const std::vector<DrumGanPiece>& pieces);

struct DrumBarForm {
    int stepsPerQuarter = 4;
    int numerator = 4;
    int denominator = 4;
    std::size_t bars = 0;  // bars with hits in that form
};

// The most common form among the whole bars with hits in a meter generation accepts (N/D, N <= 32, D 2, 4, 8 or
// 16; ties: the first met). bars == 0 when no bar qualifies.
DrumBarForm commonDrumBarForm(const std::vector<DrumPattern>& patterns);

// The pieces' runs of consecutive bars in `form` with their band (other bars cut a pattern into runs; silent bars
// at a run's ends are left out): the held-out parts whose figures a GAN's bars are compared with.
std::vector<DrumGanPiece> drumPartsInForm(const std::vector<DrumGanPiece>& pieces, const DrumBarForm& form);

// The last whole bar with hits of `score`'s drum part in `form` (grid, meter): what a drum GAN trained with
// DrumGanSettings::primer continues. Nothing when the score has no such bar.
std::optional<DrumBar> lastDrumBarIn(const Score& score, const DrumBarForm& form);

// The GAN's training data: every whole bar with hits in the form of `settings` (grid and meter), as
// [bars][steps][2 x kDrumClassCount] values (drumGanBarValues) and, for a conditioned generator,
// [bars][steps][conditions] (drumGanBarConditions; the bar before is given only when it is the same pattern's
// previous bar and in the same form).
struct DrumGanTrainingSet {
    std::vector<float> values;
    std::vector<float> conditions;  // empty without conditioning
    std::size_t bars = 0;
};
DrumGanTrainingSet drumGanTrainingSet(const std::vector<DrumGanPiece>& pieces, const DrumGanSettings& settings);

}  // namespace nf
