// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "remi/GridNote.h"
#include "remi/RemiVocabulary.h"

namespace nf::remi {

// The attribute controls of one track in one bar, as bins. Measured from the data when training (the tokens
// before each bar's notes) and asked for by the user when generating; the same functions turn a request ("about
// 8 notes a bar") into the bin the model was trained on.
struct BarControls {
    int density = 0;    // notes starting in the bar: 0, 1, 2, 3-4, 5-6, 7-9, 10-13, 14-19, 20-29, 30+
    int polyphony = 0;  // mean notes sounding while any sounds: <1.25, <1.75, <2.5, <3.5, <5, more
    int low = 0;        // octave (key / 12) of the lowest pitch
    int high = 0;       // octave of the highest pitch
    int length = 0;     // mean note length in beats: <0.35, <0.7, <1.4, <2.8, <5.6, longer

    // DENS_ POLY_ LOW_ HIGH_ LEN_ tokens, in that order (the order they stand in a block).
    std::vector<std::string> tokens() const;
    bool operator==(const BarControls&) const = default;
};

constexpr int kControlCount = 5;

// Measures a bar: notes are clipped to the bar for polyphony; an empty bar gives all zeros.
BarControls measureControls(std::span<const GridNote> notes, int barUnits);

int densityBin(int noteCount);
int polyphonyBin(double meanSounding);
int rangeBin(int key);
int lengthBin(double meanBeats);
// The mean sounding-note count of a bar (0 for an empty one), and the most notes sounding at once.
double meanPolyphony(std::span<const GridNote> notes, int barUnits);
int maxPolyphony(std::span<const GridNote> notes, int barUnits);

}  // namespace nf::remi
