// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace nf::abc {

// A note as the performer places it, in whole notes from the start of the tune (exact enough in double:
// every ABC length is a small fraction, and ticks are rounded once at the end).
struct PlayedNote {
    double start = 0;
    double end = 0;
    int pitch = 60;
};

// A decoration abc2midi plays as several notes; expanded after ties are joined, so that a trilled tied note
// trills over its whole length.
struct OrnamentRequest {
    std::uint32_t note = 0;      // index into the voice's PlayedNote list
    std::uint16_t kind = 0;      // flag::Trill, flag::Roll or flag::Turn
    int upper = 0;               // the diatonic neighbours in the key and bar, as MIDI keys
    int lower = 0;
    double unitLength = 0.125;   // L: in force
    bool threeUnits = false;     // written length is three units (~e3 in L:1/8): abc2midi's long roll
    double trillSegment = 1.0 / 32;  // length of one trill note, chosen from the tempo as abc2midi does
};

// Replaces each requested note by its ornament's notes, keeping every other note in place. Returns false
// when the result would hold more than `maxNotes` notes.
bool expandOrnaments(std::vector<PlayedNote>& notes, const std::vector<OrnamentRequest>& requests,
                     std::size_t maxNotes);

// abc2midi's trill speed: the longest power-of-two fraction of a quarter note that lasts at most 62.5 ms
// (1/32 note at 120 BPM), returned in whole notes.
double trillSegment(int microsPerQuarter);

}  // namespace nf::abc
