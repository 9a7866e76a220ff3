// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <set>
#include <vector>

#include "commands/NoteChange.h"
#include "editing/SnapGrid.h"

namespace nf {

// Pure functions that describe an edit of a score as NoteChanges without touching it; the document pushes
// them as one undo step. Each returns no changes when the edit is impossible (a pitch would leave 0..127) or
// would change nothing.
namespace edits {

NoteChanges transpose(const Score& score, const std::set<NoteId>& ids, int semitones);
// Moves notes by whole ticks and semitones; onsets stop at tick 0 and pitches at 0..127 (the group keeps shape).
NoteChanges move(const Score& score, const std::set<NoteId>& ids, Tick deltaTicks, int deltaPitch);
// Changes durations by deltaTicks, never below minDuration.
NoteChanges resize(const Score& score, const std::set<NoteId>& ids, Tick deltaTicks, Tick minDuration);
NoteChanges setVelocity(const Score& score, const std::set<NoteId>& ids, int velocity);
NoteChanges remove(const Score& score, const std::set<NoteId>& ids);
// Snaps onsets to the nearest grid line, and ends too when `ends` (never shorter than one grid step).
NoteChanges quantize(const Score& score, const std::set<NoteId>& ids, const SnapGrid& grid, bool ends);
// Inserts notes (ids already given by the caller) into a track.
NoteChanges insert(std::size_t track, const std::vector<Note>& notes);

}  // namespace edits
}  // namespace nf
