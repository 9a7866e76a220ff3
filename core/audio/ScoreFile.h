// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "music/Score.h"

namespace nf {

struct LoadedScore {
    Score score;
    std::string title;
};

// Reads one piece to play or render: a MIDI file, or tune `tuneNumber` (X: number; -1 = the first that parses)
// of an ABC file. Throws MusicError with the reader's one-line message when nothing playable is found.
LoadedScore loadScoreFile(const std::string& path, int tuneNumber = -1);

}  // namespace nf
