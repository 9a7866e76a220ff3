// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCursor>
#include <QString>

class QMouseEvent;
class QPainter;

namespace nf {

class PianoRollCanvas;

// An editing tool of the piano roll. The canvas forwards its mouse events to the current tool; a tool changes
// the score only by pushing undo commands through the canvas's document.
class PianoRollTool {
public:
    virtual ~PianoRollTool() = default;
    virtual QString name() const = 0;
    virtual QCursor cursor() const { return Qt::ArrowCursor; }
    virtual void mousePress(PianoRollCanvas& canvas, QMouseEvent* event) = 0;
    virtual void mouseMove(PianoRollCanvas& canvas, QMouseEvent* event) = 0;
    virtual void mouseRelease(PianoRollCanvas& canvas, QMouseEvent* event) = 0;
    // Drawn over the notes (rubber band and the like).
    virtual void paintOverlay(PianoRollCanvas& canvas, QPainter& painter);
    // The tool is switched away from in mid-gesture.
    virtual void cancel() {}
};

}  // namespace nf
