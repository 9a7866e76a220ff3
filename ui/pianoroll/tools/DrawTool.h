// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pianoroll/tools/NoteDrag.h"
#include "pianoroll/tools/PianoRollTool.h"

namespace nf {

// Click on empty space adds a note of one grid step at the snapped position in the active track; dragging
// right lengthens it. On an existing note it moves or resizes like the select tool; right-click erases.
class DrawTool : public PianoRollTool {
public:
    QString name() const override;
    QCursor cursor() const override { return Qt::CrossCursor; }
    void mousePress(PianoRollCanvas& canvas, QMouseEvent* event) override;
    void mouseMove(PianoRollCanvas& canvas, QMouseEvent* event) override;
    void mouseRelease(PianoRollCanvas& canvas, QMouseEvent* event) override;
    void cancel() override { drag_.end(); }

    int velocity() const { return velocity_; }
    void setVelocity(int v) { velocity_ = v; }

private:
    NoteDrag drag_;
    int velocity_ = 90;
};

}  // namespace nf
