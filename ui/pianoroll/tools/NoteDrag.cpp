// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/tools/NoteDrag.h"

#include <algorithm>

#include "document/ScoreDocument.h"
#include "editing/NoteEdits.h"
#include "pianoroll/PianoRollCanvas.h"

namespace nf {

void NoteDrag::begin(PianoRollCanvas& canvas, const NoteHit& grabbed, QPointF pos, Mode mode, qint64 mergeKey) {
    const Note* note = canvas.document()->findNote(grabbed.id);
    if (!note) return;
    mode_ = mode;
    grabbed_ = grabbed.id;
    original_ = *note;
    pressTick_ = canvas.tickAt(pos);
    pressPitch_ = canvas.pitchAt(pos);
    mergeKey_ = mergeKey != 0 ? mergeKey : canvas.document()->newMergeKey();
}

void NoteDrag::update(PianoRollCanvas& canvas, QPointF pos) {
    if (mode_ == Mode::None) return;
    ScoreDocument* doc = canvas.document();
    const Note* current = doc->findNote(grabbed_);
    if (!current) return;
    const Score& score = doc->score();
    const SnapGrid& grid = canvas.grid();
    const int ppq = score.ppq();
    if (mode_ == Mode::Move) {
        Tick start = std::max<Tick>(0, original_.start + canvas.tickAt(pos) - pressTick_);
        if (grid.enabled()) start = grid.snapNearest(start, ppq);
        const int pitch = original_.pitch + canvas.pitchAt(pos) - pressPitch_;
        doc->pushNoteChanges(QObject::tr("Move notes"),
                             edits::move(score, doc->selection(), start - current->start, pitch - current->pitch),
                             mergeKey_);
    } else {
        const Tick minDuration = grid.enabled() ? grid.step(ppq) : 1;
        Tick end = canvas.tickAt(pos);
        if (grid.enabled()) end = grid.snapNearest(end, ppq);
        end = std::max(end, current->start + minDuration);
        doc->pushNoteChanges(QObject::tr("Resize notes"),
                             edits::resize(score, doc->selection(), end - current->end(), minDuration), mergeKey_);
    }
}

}  // namespace nf
