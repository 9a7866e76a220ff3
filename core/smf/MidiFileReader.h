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
// cannot be read. `name` is used in messages only (and a ".kar" name marks a karaoke file).
//
// What the Score holds:
// - One Track per (MTrk chunk, channel) with notes or controls, in chunk order then channel order; a format-0
//   file with four channels gives four Tracks. Each keeps its chunk's name (first 0x03 event, padding trimmed);
//   channel 9 is isDrum. A chunk with only meta events (a conductor track) gives no Track; one with lyrics but
//   no notes gives a Track for its lyrics. Texts are UTF-8 (Latin-1 is converted).
// - Notes pair note-offs (or note-ons of velocity 0) with note-ons first-in first-out per channel and pitch;
//   notes never released end at their track's end (with a warning).
// - Program and bank select before a channel's first note (bank select up to its tick) are Track::program /
//   Track::bank; later ones, other controllers, pitch bend and channel pressure are ControlEvents. Lyrics (0x05;
//   0x01 texts in karaoke files) go to the chunk's first Track.
// - Tempo, meter and key events of every chunk form the Score's lists (the last one wins at one tick). SMPTE
//   time division becomes ppq = frames per second x ticks per frame with a fixed tempo, so seconds are exact.
// - The title is the conductor track's name (or the only track's, in format 0).
// - Note ids are 1, 2, ... in (track, start, pitch) order: SMF cannot store ids, so they follow from the content
//   and a Score read from a file is written and read back with the same ids.
// Bad data inside a track ends that track with a warning and keeps what came before; running status after a
// meta/SysEx event, system messages in a file, unknown chunks, data after End of Track and chunk lengths that
// run past the end of the file are tolerated with a warning. Only a file with nothing sound is an error.
MidiReadResult readMidiBytes(std::span<const std::uint8_t> bytes, const std::string& name);
// Reads a file; refuses files larger than kMaxMidiFileBytes with a MusicError.
MidiReadResult readMidiFile(const std::string& path);

constexpr std::size_t kMaxMidiFileBytes = 64u * 1024u * 1024u;
// Most notes, controls, texts and meta events one file may hold (a few hundred MB in memory). Real pieces have
// well under a million; a hostile file with more is refused instead of exhausting memory.
constexpr std::size_t kMaxMidiEvents = 4'000'000;

}  // namespace nf
