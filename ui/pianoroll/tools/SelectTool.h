// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QRectF>

#include <set>

#include "music/Note.h"
#include "pianoroll/tools/NoteDrag.h"
#include "pianoroll/tools/PianoRollTool.h"

namespace nf {

// Click selects a note (Shift adds or removes it), a drag on empty space selects with a rubber band, a drag on
// a note moves the selection and a drag on a note's right edge resizes it.
class SelectTool : public PianoRollTool {
public:
    QString name() const override;
    void mousePress(PianoRollCanvas& canvas, QMouseEvent* event) override;
    void mouseMove(PianoRollCanvas& canvas, QMouseEvent* event) override;
    void mouseRelease(PianoRollCanvas& canvas, QMouseEvent* event) override;
    void paintOverlay(PianoRollCanvas& canvas, QPainter& painter) override;
    void cancel() override;

private:
    NoteDrag drag_;
    bool banding_ = false;
    QPointF bandStart_;
    QRectF band_;
    std::set<NoteId> selectionBeforeBand_;
};

}  // namespace nf
