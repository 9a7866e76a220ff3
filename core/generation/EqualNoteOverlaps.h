// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <set>
#include <vector>

#include "music/Track.h"

namespace nf {

// Two notes of the same pitch on one track that start together or overlap cannot be written to a MIDI file (a
// channel has one key of each pitch: the file would pair the note-offs differently and the piece read back would
// differ), and a sampled model writes them (five hi-hats on one tick). Resolves them, changing only the notes in
// `generated` so the musician's own notes stay as they are:
// - a generated note starting with, or under, another of its pitch is dropped (the quieter one when both are
//   generated);
// - a generated note sounding into a later note of its pitch ends where that note starts.
// Returns the ids of the dropped notes; the track stays sorted.
std::vector<NoteId> resolveEqualNoteOverlaps(Track& track, const std::set<NoteId>& generated);

}  // namespace nf
