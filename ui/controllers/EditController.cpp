// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/EditController.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>

#include "document/ScoreDocument.h"
#include "editing/NoteClipboard.h"
#include "editing/NoteEdits.h"
#include "pianoroll/PianoRollView.h"

namespace nf {

EditController::EditController(ScoreDocument* document, PianoRollView* view, QObject* parent)
    : QObject(parent), document_(document), view_(view) {}

bool EditController::requireSelection() {
    if (!document_->selection().empty()) return true;
    emit status(tr("Nothing selected"));
    return false;
}

void EditController::copy() {
    if (!requireSelection()) return;
    std::vector<Note> notes;
    for (const auto& [track, note] : document_->selectedNotes()) notes.push_back(note);
    auto* mime = new QMimeData;
    mime->setData(NoteClipboard::kMimeType,
                  QByteArray::fromStdString(NoteClipboard::serialize(notes, document_->score().ppq())));
    QApplication::clipboard()->setMimeData(mime);
    emit status(tr("Copied %n note(s)", nullptr, static_cast<int>(notes.size())));
}

void EditController::cut() {
    if (!requireSelection()) return;
    copy();
    document_->pushNoteChanges(tr("Cut"), edits::remove(document_->score(), document_->selection()));
    document_->setSelection({});
}

void EditController::paste() {
    if (document_->isEmpty()) return;
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!mime || !mime->hasFormat(NoteClipboard::kMimeType)) {
        emit status(tr("The clipboard holds no notes"));
        return;
    }
    const int ppq = document_->score().ppq();
    auto notes = NoteClipboard::parse(mime->data(NoteClipboard::kMimeType).toStdString(), ppq);
    if (notes.empty()) return;
    Tick at = view_->pastePosition();
    if (view_->grid().enabled()) at = view_->grid().snapFloor(at, ppq);
    std::set<NoteId> pasted;
    for (Note& n : notes) {
        n.start += at;
        n.id = document_->newNoteId();
        pasted.insert(n.id);
    }
    const auto track = static_cast<std::size_t>(std::max(0, document_->activeTrack()));
    document_->pushNoteChanges(tr("Paste"), edits::insert(track, notes));
    document_->setSelection(std::move(pasted));
}

void EditController::deleteSelection() {
    if (!requireSelection()) return;
    document_->pushNoteChanges(tr("Delete notes"), edits::remove(document_->score(), document_->selection()));
    document_->setSelection({});
}

void EditController::selectAll() { document_->selectAllTracks(); }
void EditController::selectTrack() { document_->selectAll(); }

void EditController::selectNone() { document_->setSelection({}); }

void EditController::transpose(int semitones) {
    if (!requireSelection()) return;
    auto changes = edits::transpose(document_->score(), document_->selection(), semitones);
    if (changes.empty()) {
        emit status(tr("Cannot transpose: a note would leave the MIDI range 0..127"));
        return;
    }
    document_->pushNoteChanges(semitones > 0 ? tr("Transpose up") : tr("Transpose down"), std::move(changes));
}

void EditController::quantize() {
    if (!requireSelection()) return;
    if (!view_->grid().enabled()) {
        emit status(tr("Choose a snap grid to quantize to"));
        return;
    }
    auto changes = edits::quantize(document_->score(), document_->selection(), view_->grid(), true);
    if (changes.empty()) {
        emit status(tr("Already on the grid"));
        return;
    }
    document_->pushNoteChanges(tr("Quantize"), std::move(changes));
}

}  // namespace nf
