// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/tools/DrawTool.h"

#include <QMouseEvent>

#include "document/ScoreDocument.h"
#include "editing/NoteEdits.h"
#include "pianoroll/PianoRollCanvas.h"
#include "pianoroll/PianoRollView.h"

namespace nf {

namespace {

// The scale's key nearest to `pitch` (the lower one on a tie): drawing with a scale shown stays in it.
int nearestInScale(const Scale& scale, int pitch) {
    for (int d = 0; d < 12; ++d) {
        if (pitch - d >= 0 && scale.contains(pitch - d)) return pitch - d;
        if (pitch + d <= 127 && scale.contains(pitch + d)) return pitch + d;
    }
    return pitch;
}

}  // namespace

QString DrawTool::name() const { return QObject::tr("Draw"); }

void DrawTool::mousePress(PianoRollCanvas& canvas, QMouseEvent* event) {
    ScoreDocument* doc = canvas.document();
    if (doc->isEmpty()) return;
    const QPointF pos = event->position();
    const auto hit = canvas.noteAt(pos);
    if (event->button() == Qt::RightButton) {
        if (hit) doc->pushNoteChanges(QObject::tr("Erase note"), edits::remove(doc->score(), {hit->id}));
        return;
    }
    if (event->button() != Qt::LeftButton) return;
    if (hit && static_cast<int>(hit->track) == doc->activeTrack()) {
        if (!doc->isSelected(hit->id)) doc->setSelection({hit->id});
        drag_.begin(canvas, *hit, pos, hit->nearEnd ? NoteDrag::Mode::Resize : NoteDrag::Mode::Move);
        return;
    }
    const SnapGrid& grid = canvas.grid();
    const int ppq = doc->score().ppq();
    Note note;
    note.id = doc->newNoteId();
    note.pitch = canvas.pitchAt(pos);
    const auto track = static_cast<std::size_t>(std::max(0, doc->activeTrack()));
    const bool drums = track < doc->score().tracks.size() && doc->score().tracks[track].isDrum;
    if (const auto& scale = canvas.view().shownScale(); scale && !drums) note.pitch = nearestInScale(*scale, note.pitch);
    note.velocity = velocity_;
    note.start = grid.enabled() ? grid.snapFloor(canvas.tickAt(pos), ppq) : canvas.tickAt(pos);
    note.duration = grid.enabled() ? grid.step(ppq) : ppq / 4;
    // The insertion and the drag that lengthens it share a merge key: one undo step.
    NoteHit grabbed{note.id, track, true};
    const qint64 key = doc->newMergeKey();
    doc->pushNoteChanges(QObject::tr("Draw note"), edits::insert(track, {note}), key);
    doc->setSelection({note.id});
    drag_.begin(canvas, grabbed, pos, NoteDrag::Mode::Resize, key);
}

void DrawTool::mouseMove(PianoRollCanvas& canvas, QMouseEvent* event) {
    if (drag_.active()) drag_.update(canvas, event->position());
}

void DrawTool::mouseRelease(PianoRollCanvas&, QMouseEvent*) { drag_.end(); }

}  // namespace nf
