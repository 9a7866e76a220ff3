// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/NoteEditCommand.h"

namespace nf {

namespace {
constexpr int kNoteEditId = 0x4e46;  // "NF": all note edits share one id; the merge key tells gestures apart
}

NoteEditCommand::NoteEditCommand(NoteChangeTarget* target, const QString& text, NoteChanges changes, qint64 mergeKey)
    : QUndoCommand(text), target_(target), changes_(std::move(changes)), mergeKey_(mergeKey) {}

void NoteEditCommand::redo() { target_->applyNoteChanges(changes_, true); }

void NoteEditCommand::undo() { target_->applyNoteChanges(changes_, false); }

int NoteEditCommand::id() const { return mergeKey_ != 0 ? kNoteEditId : -1; }

bool NoteEditCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = dynamic_cast<const NoteEditCommand*>(other);
    if (!o || o->mergeKey_ != mergeKey_ || o->target_ != target_) return false;
    mergeNoteChanges(changes_, o->changes_);
    // A gesture that ended where it began leaves no step behind.
    setObsolete(changes_.empty());
    return true;
}

}  // namespace nf
