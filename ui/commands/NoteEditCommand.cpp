// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/NoteEditCommand.h"

#include "controllers/ScoreDocument.h"

namespace nf {

namespace {
constexpr int kNoteEditId = 0x4e46;  // "NF": all note edits share one id; the merge key tells gestures apart
}

NoteEditCommand::NoteEditCommand(ScoreDocument* document, const QString& text, NoteChanges changes, qint64 mergeKey)
    : QUndoCommand(text), document_(document), changes_(std::move(changes)), mergeKey_(mergeKey) {}

void NoteEditCommand::redo() { document_->applyNoteChanges(changes_, true); }

void NoteEditCommand::undo() { document_->applyNoteChanges(changes_, false); }

int NoteEditCommand::id() const { return mergeKey_ != 0 ? kNoteEditId : -1; }

bool NoteEditCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = dynamic_cast<const NoteEditCommand*>(other);
    if (!o || o->mergeKey_ != mergeKey_ || o->document_ != document_) return false;
    mergeNoteChanges(changes_, o->changes_);
    // A gesture that ended where it began leaves no step behind.
    setObsolete(changes_.empty());
    return true;
}

}  // namespace nf
