// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the Standard MIDI File reader: any byte string must either load or be refused with a
// MusicError. Whatever loads is also written back and read again, so the writer sees hostile scores too.
#include <cstddef>
#include <cstdint>
#include <span>

#include "smf/MidiFileReader.h"
#include "smf/MidiFileWriter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const nf::MidiReadResult r = nf::readMidiBytes(std::span<const std::uint8_t>(data, size), "fuzz.mid");
        const std::vector<std::uint8_t> written = nf::writeMidiBytes(r.score);
        const nf::MidiReadResult back = nf::readMidiBytes(written, "fuzz-written.mid");
        // The writer's output is always sound, and reads back as the same score.
        if (!back.warnings.empty() || !(back.score == r.score)) __builtin_trap();
    } catch (const nf::MusicError&) {
    }
    return 0;
}
