// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace nf {

class PianoRollView;

// Bars and beats of the score's meter above the notes; a click moves the playhead there.
class TimeRuler : public QWidget {
    Q_OBJECT
public:
    explicit TimeRuler(PianoRollView* view);
    QSize sizeHint() const override { return {200, 24}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    PianoRollView* view_;
};

}  // namespace nf
