// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "music/Score.h"

namespace nf::abc {

// A guitar chord symbol such as "Am7", "D/f#" or "G/B": pitch classes of its notes (root first) and of
// the bass note.
struct ChordSymbol {
    int root = 0;            // pitch class 0..11
    int bass = 0;            // pitch class played by the bass (the root unless "/X")
    std::vector<int> intervals;  // semitones above the root, starting with 0
};
std::optional<ChordSymbol> parseChordSymbol(std::string_view text);

// Adds two tracks that play track 0's chord symbols the way abc2midi's default "gchord" accompaniment does:
// a bass note on the strong beats and the chord on the others, half a beat each, following the melody's bar
// lines (`barTicks`, so that a pick-up bar does not shift the pattern).
void addAccompaniment(Score& score, const std::vector<Tick>& barTicks);

}  // namespace nf::abc
