// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "music/ControlEvent.h"
#include "music/Note.h"

namespace nf {

// A text placed in time, such as an ABC guitar chord "Am7" or a lyric syllable.
struct TimedText {
    Tick tick = 0;
    std::string text;
    bool operator==(const TimedText&) const = default;
};

// One instrument part. Notes are kept sorted by (start, pitch) by Score::normalize(); editing code may
// append freely and normalize once.
struct Track {
    std::string name;
    int channel = 0;   // 0..15; 9 is the General MIDI drum channel
    int program = 0;   // General MIDI program 0..127 in effect at the start
    int bank = 0;      // 14-bit bank: MSB * 128 + LSB
    bool isDrum = false;
    std::vector<Note> notes;
    std::vector<ControlEvent> controls;    // sorted by tick; bank select at tick 0 is folded into `bank`
    std::vector<TimedText> chordSymbols;   // ABC "gchords"
    std::vector<TimedText> lyrics;

    bool operator==(const Track&) const = default;
};

}  // namespace nf
