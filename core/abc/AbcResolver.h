// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "abc/AbcTuneParser.h"

namespace nf::abc {

// Gives every note of a voice its MIDI key and every note and rest its length in whole notes, walking the
// events in written order with the key, unit length, meter and bar accidentals in force there. abc2midi
// does the same when it stores a note, which is why a part played again after a K: change elsewhere keeps
// its own key, and why accidentals follow the written bar, not the played one. See Event for what changes.
void resolveVoice(const ParsedTune& tune, ParsedVoice& voice);

}  // namespace nf::abc
