// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/MidiTextEvents.h"

#include <algorithm>
#include <cstring>

#include "smf/SmfCursor.h"

namespace nf {

namespace {

void scanTrack(smf::SmfCursor& in, std::vector<std::string>& texts) {
    std::uint8_t status = 0;
    while (!in.atEnd()) {
        in.vlq("delta time");
        std::uint8_t byte = in.u8();
        if (byte == 0xFF) {
            const std::uint8_t type = in.u8();
            const std::uint32_t length = in.vlq("meta event length");
            const std::uint8_t* data = in.bytes(length, "meta event");
            if (type == 0x01) texts.emplace_back(reinterpret_cast<const char*>(data), length);
            if (type == 0x2F) return;
            status = 0;
        } else if (byte == 0xF0 || byte == 0xF7) {
            in.skip(in.vlq("sysex length"), "sysex");
            status = 0;
        } else {
            const bool running = (byte & 0x80) == 0;  // `byte` is then already the first data byte
            if (!running) status = byte;
            else if (status == 0) throw in.error(in.pos() - 1, "data byte without a status (running status unset)");
            const std::size_t dataBytes = (status & 0xF0) == 0xC0 || (status & 0xF0) == 0xD0 ? 1 : 2;
            in.skip(dataBytes - (running ? 1 : 0), "channel message");
        }
    }
}

}  // namespace

std::vector<std::string> midiTextEvents(std::span<const std::uint8_t> bytes, const std::string& name) {
    smf::SmfCursor in(bytes.data(), 0, bytes.size(), name);
    std::vector<std::string> texts;
    if (bytes.size() < 14 || std::memcmp(bytes.data(), "MThd", 4) != 0) throw in.error(0, "not a MIDI file (no MThd header)");
    in.skip(4, "header");
    const std::uint32_t headerLength = in.u32();
    in.skip(headerLength, "header");
    while (in.remaining() >= 8) {
        const std::uint8_t* id = in.bytes(4, "chunk id");
        const std::uint32_t length = in.u32();
        const std::size_t begin = in.pos();
        const std::size_t end = begin + std::min<std::size_t>(length, in.remaining());
        if (std::memcmp(id, "MTrk", 4) == 0) {
            smf::SmfCursor track(bytes.data(), begin, end, name);
            scanTrack(track, texts);
        }
        in.skip(end - begin, "chunk");
    }
    return texts;
}

}  // namespace nf
