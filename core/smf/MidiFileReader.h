// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "music/MusicError.h"
#include "music/Score.h"

namespace nf {

struct MidiReadResult {
    Score score;
    int format = 1;                       // SMF format of the file (0 or 1)
    std::vector<MusicWarning> warnings;   // recoverable problems (unclosed notes, lying chunk lengths, ...)
};

// Reads a Standard MIDI File (format 0 or 1) into a Score. Throws MusicError naming the byte offset for what
// cannot be read. `name` is used in messages only.
MidiReadResult readMidiBytes(std::span<const std::uint8_t> bytes, const std::string& name);
// Reads a file; refuses files larger than kMaxMidiFileBytes with a MusicError.
MidiReadResult readMidiFile(const std::string& path);

constexpr std::size_t kMaxMidiFileBytes = 64u * 1024u * 1024u;
// Most notes, controls, texts and meta events one file may hold (a few hundred MB in memory). Real pieces have
// well under a million; a hostile file with more is refused instead of exhausting memory.
constexpr std::size_t kMaxMidiEvents = 4'000'000;

}  // namespace nf
