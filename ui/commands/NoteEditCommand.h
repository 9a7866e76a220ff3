// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUndoCommand>

#include "commands/NoteChange.h"

namespace nf {

class ScoreDocument;

// The undo step of every note edit (draw, erase, move, resize, velocity, transpose, quantize, paste, delete).
// Commands pushed with the same non-zero merge key (one mouse gesture) merge into one step.
class NoteEditCommand : public QUndoCommand {
public:
    NoteEditCommand(ScoreDocument* document, const QString& text, NoteChanges changes, qint64 mergeKey);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    const NoteChanges& changes() const { return changes_; }

private:
    ScoreDocument* document_;
    NoteChanges changes_;
    qint64 mergeKey_;
};

}  // namespace nf
