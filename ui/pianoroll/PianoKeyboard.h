// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace nf {

class PianoRollView;

// The keyboard at the left of the piano roll, aligned with its rows; pressing a key asks for an audition.
class PianoKeyboard : public QWidget {
    Q_OBJECT
public:
    explicit PianoKeyboard(PianoRollView* view);
    QSize sizeHint() const override { return {64, 200}; }
    void setHoveredPitch(int pitch);

signals:
    void keyPressed(int pitch);
    void keyReleased(int pitch);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    PianoRollView* view_;
    int hovered_ = -1;
    int pressed_ = -1;
};

}  // namespace nf
