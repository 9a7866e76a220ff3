// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "dataset/Dataset.h"

namespace nf {

// Counts of a loaded dataset, as `noteforge-cli inspect` prints them and the studio shows them.
// Drum tracks take part in track and note counts but not in chords or the pitch range (their keys are instruments).
struct DatasetSummary {
    std::size_t filesTotal = 0;    // every file visited
    std::size_t filesRead = 0;     // ok
    std::size_t filesFailed = 0;   // music files (or the one file asked for) that could not be read
    std::size_t filesSkipped = 0;  // non-music files met in a folder
    std::size_t midiFiles = 0;     // MIDI files read (one piece each)
    std::size_t tunes = 0;         // ABC tunes read (one piece each)
    std::size_t failedTunes = 0;   // ABC tunes that did not parse, inside files that were read
    std::size_t pieces = 0;
    std::size_t tracks = 0;
    std::size_t notes = 0;
    std::size_t chords = 0;        // per non-drum track: onset ticks where two or more notes start
    std::size_t warnings = 0;      // readers' warnings, not counting the failed tunes' errors
    double seconds = 0;            // total duration of all pieces
    int lowestPitch = -1;          // -1 when there are no pitched notes
    int highestPitch = -1;
    // General MIDI program (0-127), or -1 for drums -> pieces with a track of it that has notes. The parts a model
    // trained on these pieces hears (the "instruments" of a base model's card, training/LearnedInstruments.h).
    std::map<int, std::size_t> piecesWithProgram;
};

DatasetSummary summarizeDataset(const Dataset& dataset);

// Onsets of `track` where two or more notes start together (the track's notes need not be sorted).
std::size_t countChordOnsets(const Track& track);

}  // namespace nf
