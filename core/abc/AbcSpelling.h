// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <string>
#include <vector>

#include "music/Note.h"
#include "music/Score.h"

namespace nf::abc {

// Writes pitches as ABC notes in a key: letter, octave marks and the accidental the note needs given the
// key and the accidentals already written in the bar. The reader applies an accidental to the letter in
// every octave (as abc2midi does) while ABC 2.1 applies it to one octave only; the speller writes a mark
// whenever either reading would differ, so both read the intended pitch.
class PitchSpeller {
public:
    explicit PitchSpeller(const KeySignature& key);

    void setKey(const KeySignature& key);
    void newBar();
    // The ABC text of `midiPitch` ("^c'", "_B,", "=F", "G").
    std::string spell(int midiPitch);

private:
    struct Spelling {
        int letter;      // 0..6 (C..B)
        int accidental;  // -2..2
    };
    Spelling choose(int pitchClass) const;
    int effective(int letter, int octave) const;

    std::array<int, 7> keyAcc_{};
    bool preferFlats_ = false;
    static constexpr int kUnset = 99;
    std::array<int, 7> barLetter_{};            // accidental written in this bar, per letter
    std::array<std::array<int, 7>, 16> barOctave_{};  // per octave and letter (ABC 2.1 reading)
};

// "G", "Em", "Bb", "F#m": the K: value of a key signature.
std::string keyName(const KeySignature& key);

// The most likely key of some notes (Krumhansl-Schmuckler profiles weighted by duration).
KeySignature guessKey(const std::vector<Note>& notes);

}  // namespace nf::abc
