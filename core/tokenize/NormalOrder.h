// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace nf {

// The pitch classes of a chord in music21's Chord.normalOrder: the rotation of the sorted pitch-class set with the
// smallest span from first to last; ties broken "packed to the left" (smallest interval from the first to the
// second element, then to the third, ...), which is the convention of music21's set-class tables (e.g. 5-20 is
// (0,1,3,7,8), 6-31 is (0,1,3,5,8,9)). For transpositionally symmetric sets (augmented triad, diminished seventh)
// every candidate has the same shape and music21 returns the one starting on the lowest pitch class, as here.
// Input: any MIDI pitches or pitch classes, duplicates allowed; output values 0..11 (empty for empty input).
std::vector<int> normalOrder(const std::vector<int>& pitches);

// The paper's chord token: normal order joined by dots, e.g. "0.4.7".
std::string chordToken(const std::vector<int>& pitches);

}  // namespace nf
