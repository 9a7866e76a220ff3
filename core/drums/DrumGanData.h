// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

#include "drums/DrumPattern.h"
#include "tokenize/TokenizedCorpus.h"

namespace nf {

// The drum GAN's data (issue 19), without LibTorch: a drums corpus's pieces back as patterns, and the one bar form
// (grid and meter) a run learns.

std::vector<DrumPattern> drumPatternsOf(const TokenizedCorpus& corpus, const std::vector<std::size_t>& pieces);

struct DrumBarForm {
    int stepsPerQuarter = 4;
    int numerator = 4;
    int denominator = 4;
    std::size_t bars = 0;  // bars with hits in that form
};

// The most common form among the whole bars with hits in a meter generation accepts (N/D, N <= 32, D 2, 4, 8 or
// 16; ties: the first met). bars == 0 when no bar qualifies.
DrumBarForm commonDrumBarForm(const std::vector<DrumPattern>& patterns);

// The patterns' runs of consecutive bars in `form` (other bars cut a pattern into runs; silent bars at a run's ends
// are left out): the held-out parts whose figures a GAN's bars are compared with.
std::vector<DrumPattern> drumPartsInForm(const std::vector<DrumPattern>& patterns, const DrumBarForm& form);

}  // namespace nf
