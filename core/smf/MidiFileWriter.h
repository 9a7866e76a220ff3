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

// Writes SMF format 1: track 0 holds the title (track name), `options.texts`, meter, key and the tempo map; then
// one track per Score track with its name, bank select and program at tick 0, controls, lyrics (0x05) and notes
// (note-offs as 0x80) on its channel (channel 9 when isDrum). At one tick note-offs come first, then lyrics and
// controls, then note-ons (shortest first within a pitch), so repeated notes do not cut each other and a
// first-in first-out reader pairs them as they were. What readMidiBytes produced reads back identically (==,
// ids included); other scores read back with ids renumbered 1.. and, where the MIDI form cannot say more,
// with empty tracks dropped and chord symbols (not stored in SMF) lost. Throws MusicError for a ppq above 32767.
std::vector<std::uint8_t> writeMidiBytes(const Score& score, const MidiWriteOptions& options = {});
// Writes atomically (temporary file + rename). Throws MusicError on I/O failure (disk full, no permission).
void writeMidiFile(const Score& score, const std::string& path, const MidiWriteOptions& options = {});

}  // namespace nf
