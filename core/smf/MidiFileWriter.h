// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "music/Score.h"

namespace nf {

struct MidiWriteOptions {
    // Extra text meta events (type 0x01) written at tick 0 of the conductor track, e.g. a generation recipe.
    std::vector<std::string> texts;
};

// Writes SMF format 1: track 0 holds the tempo map, meter, key and title; one track per Score track.
std::vector<std::uint8_t> writeMidiBytes(const Score& score, const MidiWriteOptions& options = {});
// Writes atomically (temporary file + rename). Throws MusicError on I/O failure (disk full, no permission).
void writeMidiFile(const Score& score, const std::string& path, const MidiWriteOptions& options = {});

}  // namespace nf
