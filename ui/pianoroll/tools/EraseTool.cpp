// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/tools/EraseTool.h"

#include <QMouseEvent>

#include "document/ScoreDocument.h"
#include "editing/NoteEdits.h"
#include "pianoroll/PianoRollCanvas.h"

namespace nf {

QString EraseTool::name() const { return QObject::tr("Erase"); }

void EraseTool::mousePress(PianoRollCanvas& canvas, QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    erasing_ = true;
    mergeKey_ = canvas.document()->newMergeKey();
    eraseAt(canvas, event->position());
}

void EraseTool::mouseMove(PianoRollCanvas& canvas, QMouseEvent* event) {
    if (erasing_) eraseAt(canvas, event->position());
}

void EraseTool::mouseRelease(PianoRollCanvas&, QMouseEvent*) { erasing_ = false; }

void EraseTool::eraseAt(PianoRollCanvas& canvas, QPointF pos) {
    ScoreDocument* doc = canvas.document();
    const auto hit = canvas.noteAt(pos);
    if (!hit || static_cast<int>(hit->track) != doc->activeTrack()) return;
    doc->pushNoteChanges(QObject::tr("Erase notes"), edits::remove(doc->score(), {hit->id}), mergeKey_);
}

}  // namespace nf
