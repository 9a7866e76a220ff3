// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUndoCommand>

#include "commands/NoteChange.h"
#include "commands/NoteChangeTarget.h"

namespace nf {

// The undo step of every note edit (draw, erase, move, resize, velocity, transpose, quantize, paste, delete).
// Commands pushed with the same non-zero merge key (one mouse gesture) merge into one step.
class NoteEditCommand : public QUndoCommand {
public:
    NoteEditCommand(NoteChangeTarget* target, const QString& text, NoteChanges changes, qint64 mergeKey);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    const NoteChanges& changes() const { return changes_; }

private:
    NoteChangeTarget* target_;
    NoteChanges changes_;
    qint64 mergeKey_;
};

}  // namespace nf
