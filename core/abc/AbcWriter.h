// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "music/Score.h"

namespace nf {

struct AbcWriteOptions {
    int number = 1;       // X:
    std::string title;    // T: (the score's title when empty)
};

// Writes one monophonic track of a score as an ABC tune (header, key, meter, unit length, bars, durations,
// accidentals relative to the key). Overlapping notes are a MusicError ("track N is not monophonic"), except
// overlaps of at most 1/128 note (legato, rounded triplets), which are cut where the next note starts.
// Reading the text back gives the same pitches, onsets and durations (zero-length notes are left out).
std::string writeAbc(const Score& score, std::size_t trackIndex, const AbcWriteOptions& options = {});

// Index of the first track that is monophonic and not drums, or -1.
int firstMonophonicTrack(const Score& score);

}  // namespace nf
