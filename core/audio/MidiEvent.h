// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace nf {

// A channel message as the scheduler hands it to a synthesizer or a MIDI port. Trivially copyable and small, so
// it travels through lock-free queues and preallocated logs on the audio thread.
struct MidiEvent {
    enum Type : std::uint8_t { NoteOff, NoteOn, Controller, ProgramChange, PitchBend, ChannelPressure };
    Type type = NoteOn;
    std::uint8_t channel = 0;
    std::uint8_t data1 = 0;    // key, controller number or program
    std::int16_t data2 = 0;    // velocity, controller value, or pitch bend -8192..8191
    std::uint16_t track = 0;   // index of the Score track it came from (mute/solo)

    // The 1..3 byte MIDI wire form; returns the byte count.
    int toBytes(std::uint8_t out[3]) const noexcept;
    bool operator==(const MidiEvent&) const = default;
};

// An event at a time in seconds of score time (tempo map applied, before any playback tempo scale).
struct TimedEvent {
    double seconds = 0;
    MidiEvent event;
};

}  // namespace nf
