// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "music/JamClock.h"
#include "music/Score.h"

namespace nf {

// A note as the musician played it, in seconds of the jam's clock.
struct PlayedNote {
    int pitch = 60;
    int velocity = 80;
    double start = 0;
    double end = 0;
};

// A phrase that ended: its notes, and the moment it was over (the last key released plus the silence).
struct Phrase {
    std::vector<PlayedNote> notes;
    double endedAt = 0;
};

// A phrase on the click's grid, ready for the model: notes quantized, its first bar moved to tick 0.
struct PhraseScore {
    Score score;        // one track; the jam's tempo and meter
    int firstBar = 0;   // the click's bar that tick 0 is
    int bars = 1;       // bars from firstBar to the one holding the last note's start
};

// Listens to a keyboard during call and response and says when a phrase is over: when no key has been down for
// `silenceSeconds` after at least one note. Keys are matched by pitch (a second note-on of a held key ends the
// first); the sustain pedal is not followed, so a phrase ends on the keys, as a listener hears a phrase end.
class PhraseListener {
public:
    PhraseListener(const JamClock& clock, double silenceSeconds);

    void noteOn(int pitch, int velocity, double seconds);
    void noteOff(int pitch, double seconds);
    // The phrase, once, as soon as `now` is past its end; the listener then waits for the next one.
    std::optional<Phrase> poll(double now);
    // The notes of the phrase being played (held ones end at `now`).
    std::vector<PlayedNote> pending(double now) const;
    bool hearing() const { return !notes_.empty(); }
    double silenceSeconds() const { return silence_; }

private:
    JamClock clock_;
    double silence_;
    std::vector<PlayedNote> notes_;
    std::array<int, 128> held_{};  // index into notes_ + 1 of the note each key holds; 0 = up
    int heldCount_ = 0;
    double lastRelease_ = 0;
};

// The phrase on a grid of `stepsPerQuarter` steps per quarter note: starts and ends rounded to the nearest step
// (a note lasts at least one step), General MIDI program `program`.
PhraseScore quantizePhrase(const std::vector<PlayedNote>& notes, const JamClock& clock, int ppq, int stepsPerQuarter,
                           int program = 0);

}  // namespace nf
