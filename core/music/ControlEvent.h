// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "music/Note.h"

namespace nf {

// A channel event that is not a note: kept so that sustain pedal, volume, pan, expression, pitch bend and
// mid-track program changes survive a read -> edit -> write cycle and reach the synthesizer.
struct ControlEvent {
    enum class Kind { Controller, PitchBend, ProgramChange, ChannelPressure };
    Tick tick = 0;
    Kind kind = Kind::Controller;
    int number = 0;  // controller number (Controller only)
    int value = 0;   // 0..127; PitchBend: -8192..8191 (0 = centre); ProgramChange: program 0..127

    bool operator==(const ControlEvent&) const = default;
};

// General MIDI controller numbers that later stages look for by name.
namespace cc {
constexpr int BankSelectMsb = 0;
constexpr int ModWheel = 1;
constexpr int Volume = 7;
constexpr int Pan = 10;
constexpr int Expression = 11;
constexpr int BankSelectLsb = 32;
constexpr int Sustain = 64;
}  // namespace cc

}  // namespace nf
