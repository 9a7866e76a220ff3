// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/NoteChange.h"

namespace nf {

// What a note edit command changes: the document implements it. Commands know only this, so they sit below the
// document in the include layers (document -> commands, never back).
class NoteChangeTarget {
public:
    virtual ~NoteChangeTarget() = default;
    // Applies `changes` (forward) or reverts them, and tells the views.
    virtual void applyNoteChanges(const NoteChanges& changes, bool forward) = 0;
};

}  // namespace nf
