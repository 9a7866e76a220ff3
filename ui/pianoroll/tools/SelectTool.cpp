// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/tools/SelectTool.h"

#include <QMouseEvent>
#include <QPainter>

#include "document/ScoreDocument.h"
#include "pianoroll/PianoRollCanvas.h"

namespace nf {

QString SelectTool::name() const { return QObject::tr("Select"); }

void SelectTool::mousePress(PianoRollCanvas& canvas, QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    ScoreDocument* doc = canvas.document();
    const bool additive = event->modifiers() & Qt::ShiftModifier;
    const QPointF pos = event->position();
    if (auto hit = canvas.noteAt(pos)) {
        doc->setActiveTrack(static_cast<int>(hit->track));
        auto selection = doc->selection();
        if (additive) {
            if (!selection.erase(hit->id)) selection.insert(hit->id);
            doc->setSelection(selection);
            return;
        }
        if (!doc->isSelected(hit->id)) doc->setSelection({hit->id});
        drag_.begin(canvas, *hit, pos, hit->nearEnd ? NoteDrag::Mode::Resize : NoteDrag::Mode::Move);
        return;
    }
    banding_ = true;
    bandStart_ = pos;
    band_ = QRectF(pos, pos);
    selectionBeforeBand_ = additive ? doc->selection() : std::set<NoteId>{};
    doc->setSelection(selectionBeforeBand_);
}

void SelectTool::mouseMove(PianoRollCanvas& canvas, QMouseEvent* event) {
    const QPointF pos = event->position();
    if (drag_.active()) {
        drag_.update(canvas, pos);
        return;
    }
    if (banding_) {
        band_ = QRectF(bandStart_, pos).normalized();
        auto selection = selectionBeforeBand_;
        const auto inside =
            canvas.notesInRect(band_, static_cast<std::size_t>(std::max(0, canvas.document()->activeTrack())));
        selection.insert(inside.begin(), inside.end());
        canvas.document()->setSelection(std::move(selection));
        canvas.update();
        return;
    }
    // Hover: show where a drag would resize.
    const auto hit = canvas.noteAt(pos);
    canvas.setCursor(hit && hit->nearEnd ? Qt::SizeHorCursor : (hit ? Qt::SizeAllCursor : Qt::ArrowCursor));
}

void SelectTool::mouseRelease(PianoRollCanvas& canvas, QMouseEvent*) {
    drag_.end();
    if (banding_) {
        banding_ = false;
        canvas.update();
    }
}

void SelectTool::paintOverlay(PianoRollCanvas& canvas, QPainter& painter) {
    if (!banding_) return;
    QColor fill = canvas.palette().color(QPalette::Highlight);
    fill.setAlpha(50);
    painter.setPen(QPen(canvas.palette().color(QPalette::Highlight), 1, Qt::DashLine));
    painter.setBrush(fill);
    painter.drawRect(band_);
}

void SelectTool::cancel() {
    drag_.end();
    banding_ = false;
}

}  // namespace nf
