// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <set>

#include "music/Note.h"

namespace nf {

class PianoRollView;

// Velocity of each note of the active track as a stem under the piano roll. Dragging a stem up or down sets
// that note's velocity, or every selected note's when the stem belongs to the selection; one drag, one undo step.
class VelocityLane : public QWidget {
    Q_OBJECT
public:
    explicit VelocityLane(PianoRollView* view);
    QSize sizeHint() const override { return {200, 72}; }

    // The velocity a y position in the lane stands for (1..127) and back.
    int velocityAt(double y) const;
    double yForVelocity(int velocity) const;
    // The note whose stem is nearest to x (within a few pixels), preferring selected notes; 0 if none.
    NoteId stemAt(double x) const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void applyVelocity(double y);

    PianoRollView* view_;
    std::set<NoteId> targets_;
    qint64 mergeKey_ = 0;
};

}  // namespace nf
