// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/MidiEvent.h"

namespace nf {

int MidiEvent::toBytes(std::uint8_t out[3]) const noexcept {
    const std::uint8_t ch = channel & 0x0f;
    switch (type) {
    case NoteOff: out[0] = 0x80 | ch; out[1] = data1 & 0x7f; out[2] = 0; return 3;
    case NoteOn: out[0] = 0x90 | ch; out[1] = data1 & 0x7f; out[2] = static_cast<std::uint8_t>(data2 & 0x7f); return 3;
    case Controller: out[0] = 0xb0 | ch; out[1] = data1 & 0x7f; out[2] = static_cast<std::uint8_t>(data2 & 0x7f); return 3;
    case ProgramChange: out[0] = 0xc0 | ch; out[1] = data1 & 0x7f; return 2;
    case ChannelPressure: out[0] = 0xd0 | ch; out[1] = static_cast<std::uint8_t>(data2 & 0x7f); return 2;
    case PitchBend: {
        const int v = data2 + 8192;
        out[0] = 0xe0 | ch;
        out[1] = static_cast<std::uint8_t>(v & 0x7f);
        out[2] = static_cast<std::uint8_t>((v >> 7) & 0x7f);
        return 3;
    }
    }
    return 0;
}

}  // namespace nf
