// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <string>

#include "music/Note.h"

namespace nf {

// A model's token as a musician reads it: "ON_62" is D4, "VEL_26" velocity 106, "SHIFT_12" half a beat later,
// "E-5" (a paper model's note) E♭5. What swapping it into a note would change, when it names a pitch or a velocity.
// Velocities and steps follow the default tokenizer settings (32 velocity bins, 24 steps a beat), which is what the
// studio trains with.
struct TokenDescription {
    QString text;                 // "D4", "velocity 106", "wait 0.5 beats", "end the piece", or the token itself
    std::optional<int> pitch;     // the note's pitch would become this
    std::optional<int> velocity;  // the note's velocity would become this

    static TokenDescription of(const std::string& token);
    // "C4 for 1.5 beats, velocity 96"
    static QString ofNote(const Note& note, Tick ticksPerBeat);
};

}  // namespace nf
