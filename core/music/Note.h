// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace nf {

using Tick = std::int64_t;
using NoteId = std::uint64_t;

// One sounding note. The id is stable for the life of a Score: undo commands and per-note annotations
// (model confidence, top-k alternatives) refer to notes by id, never by index, because indices shift on edits.
struct Note {
    NoteId id = 0;
    int pitch = 60;      // MIDI key number 0..127
    int velocity = 80;   // 1..127
    Tick start = 0;      // in ticks of the owning Score's resolution
    Tick duration = 0;   // in ticks; a zero-length note is kept (some files have them) but never produced by editing

    Tick end() const { return start + duration; }
};

inline bool operator==(const Note& a, const Note& b) {
    return a.id == b.id && a.pitch == b.pitch && a.velocity == b.velocity && a.start == b.start &&
           a.duration == b.duration;
}

}  // namespace nf
