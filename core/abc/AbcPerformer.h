// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "abc/AbcTuneParser.h"
#include "music/Score.h"

namespace nf::abc {

// What one voice plays, in ticks: its notes and the meter, key and tempo changes written in it.
struct VoicePerformance {
    std::vector<Note> notes;  // ids not yet assigned
    std::vector<TimedText> chordSymbols;
    std::vector<ControlEvent> controls;  // program changes after the first note
    int program = 0;
    int channel = -1;  // from %%MIDI channel, -1 when the file does not say
    std::vector<TimeSignature> meters;
    std::vector<KeySignature> keys;
    std::vector<TempoChange> tempos;
    std::vector<Tick> bars;  // ticks of the bar lines played (for the accompaniment's pattern)
    std::optional<Diagnostic> error;
    std::vector<Diagnostic> warnings;
};

// Plays a voice's events in `order` (from playOrder()) the way abc2midi does: accidentals last to the end of
// the bar (for every octave of the letter), tuplets, broken rhythm, grace notes taking time from the note
// they lead into, ties joined, chord symbols placed on the following note.
VoicePerformance performVoice(const ParsedTune& tune, const ParsedVoice& voice,
                              const std::vector<std::uint32_t>& order, int ppq);

}  // namespace nf::abc
