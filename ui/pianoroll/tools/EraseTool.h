// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pianoroll/tools/PianoRollTool.h"

namespace nf {

// Click or drag over notes of the active track to delete them; one drag is one undo step.
class EraseTool : public PianoRollTool {
public:
    QString name() const override;
    QCursor cursor() const override { return Qt::PointingHandCursor; }
    void mousePress(PianoRollCanvas& canvas, QMouseEvent* event) override;
    void mouseMove(PianoRollCanvas& canvas, QMouseEvent* event) override;
    void mouseRelease(PianoRollCanvas& canvas, QMouseEvent* event) override;
    void cancel() override { erasing_ = false; }

private:
    void eraseAt(PianoRollCanvas& canvas, QPointF pos);
    bool erasing_ = false;
    qint64 mergeKey_ = 0;
};

}  // namespace nf
