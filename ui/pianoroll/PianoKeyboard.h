// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace nf {

class PianoRollView;

// The keyboard at the left of the piano roll, aligned with its rows; pressing a key asks for an audition, dragging
// over keys chooses a pitch range (the steering strip's Range), drawn as a bar beside those keys.
class PianoKeyboard : public QWidget {
    Q_OBJECT
public:
    explicit PianoKeyboard(PianoRollView* view);
    QSize sizeHint() const override { return {64, 200}; }
    void setHoveredPitch(int pitch);

signals:
    void keyPressed(int pitch);
    void keyReleased(int pitch);
    // A drag from one key to another: the keys low..high (live, while the button is down).
    void rangeDragged(int low, int high);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    PianoRollView* view_;
    int hovered_ = -1;
    int pressed_ = -1;     // the key sounding under the button
    int dragFrom_ = -1;    // the key the button went down on; -1: not down
    bool ranging_ = false; // the drag left its first key: a range, not an audition
};

}  // namespace nf
