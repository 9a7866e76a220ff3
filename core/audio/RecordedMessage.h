// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace nf {

// One channel message as received, time-stamped by the MIDI input (the ALSA sequencer's queue time through RtMidi,
// or JACK's frame clock through JackMidiInput). Trivially copyable: it crosses from the MIDI thread in an SpscRing.
struct RecordedMessage {
    double seconds = 0;  // since the first message the input received
    std::uint8_t bytes[3] = {0, 0, 0};
    std::uint8_t size = 0;
};

}  // namespace nf
