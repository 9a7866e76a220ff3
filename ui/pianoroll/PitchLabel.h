// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace nf {

// A pitch as a musician reads it: "E♭4", "G#2". pitchName() (core) spells flats as music21 does ("E-4"), which
// reads like a minus or an octave below zero ("B-1") on screen.
QString pitchLabel(int midiPitch);

}  // namespace nf
