// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

#include "music/BarGrid.h"
#include "music/Score.h"

namespace nf {

class RemiTokenizer;

// Where notes start in the music around bars first..last (indices into `bars`): positions in remi grid units from
// the start of each note's bar, snapped to the grid as `tokenizer` encodes them (RemiTokenizer::gridNotes: a note
// the grid moves onto the next bar line starts that bar), sorted, each once -- the rhythm lock of "keep the rhythm"
// (SteeringControls::onsets). The bars looked at are as many as the passage has (counted before `last` is cut to
// the piece: a continuation of 8 bars looks at the 8 before it), just before it and (with `after`) just after it,
// those the piece has; the notes are those of `tracks`. When `tracks` are silent there (a new part, an empty
// track), the other tracks' notes in the passage and around it are used instead: an added part plays with the band.
// Empty when no note starts anywhere looked at.
std::vector<int> onsetsAround(const RemiTokenizer& tokenizer, const Score& score, const std::vector<BarLine>& bars,
                              std::size_t first, std::size_t last, const std::vector<std::size_t>& tracks,
                              bool after = true);

}  // namespace nf
