// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <utility>

#include "music/Score.h"

#include <QWidget>

namespace nf {

class PianoRollView;

// Bars and beats of the score's meter above the notes. A click moves the playhead there (and clears a bar
// selection); a drag across bar lines selects those whole bars for Regenerate Selection.
class TimeRuler : public QWidget {
    Q_OBJECT
public:
    explicit TimeRuler(PianoRollView* view);
    QSize sizeHint() const override { return {200, 24}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;  // selects the one bar
    void wheelEvent(QWheelEvent* event) override;

private:
    // The bar [start, end) holding `tick`.
    std::pair<Tick, Tick> barAt(Tick tick) const;

    PianoRollView* view_;
    Tick pressTick_ = -1;  // where the left button went down; -1: not pressed
    bool selecting_ = false;
};

}  // namespace nf
