// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include "music/Score.h"

namespace nf {

// Gives each note of `score` that equals a note of `reference` on the same track (start, pitch, length, velocity)
// that note's id, and the others ids from `freshId` (ids nobody else uses: the editor's next ids). Note ids do not
// survive a file; this is how candidates read from a project name the notes of the piece they were asked of.
void adoptNoteIds(const Score& reference, Score& score, const std::function<NoteId()>& freshId);

}  // namespace nf
