// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "music/JamClock.h"
#include "music/Track.h"

namespace nf {

// A metronome as a drum track (channel 10): General MIDI's hi wood block on each downbeat, the low one on the other
// beats of the meter, for `bars` bars from tick 0. Any General MIDI soundfont or external synth plays it; no sample
// of our own is needed.
Track clickTrack(const JamClock& clock, int ppq, int bars);

inline constexpr int kClickDownbeatKey = 76;  // Hi Wood Block
inline constexpr int kClickBeatKey = 77;      // Low Wood Block

}  // namespace nf
