// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "music/Score.h"

namespace nf {

// One note edit, described by the note's state before and after: nullopt before = inserted, nullopt after =
// removed. Edits refer to notes by their stable id, so they can be replayed in either direction however the
// track's note order shifts in between.
struct NoteChange {
    std::size_t track = 0;
    std::optional<Note> before;
    std::optional<Note> after;

    NoteId id() const { return before ? before->id : (after ? after->id : 0); }
};

using NoteChanges = std::vector<NoteChange>;

// Applies the changes to the score (after-states when `forward`, before-states in reverse order otherwise) and
// re-sorts the touched tracks. Changes naming a track that does not exist are ignored.
void applyNoteChanges(Score& score, const NoteChanges& changes, bool forward);

// Folds `later` into `earlier`: a note changed twice keeps its first before-state and its last after-state.
// Changes that end where they began (inserted then removed, moved and moved back) drop out.
void mergeNoteChanges(NoteChanges& earlier, const NoteChanges& later);

}  // namespace nf
