// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/PianoKeyboard.h"

#include <algorithm>

#include <QMouseEvent>
#include <QPainter>

#include "pianoroll/PianoRollView.h"
#include "pianoroll/PitchLabel.h"

namespace nf {

namespace {
bool isBlack(int pitch) {
    const int pc = pitch % 12;
    return pc == 1 || pc == 3 || pc == 6 || pc == 8 || pc == 10;
}
}  // namespace

PianoKeyboard::PianoKeyboard(PianoRollView* view) : QWidget(view), view_(view) {
    setFixedWidth(sizeHint().width());
    setToolTip(tr("Click a key to hear it; drag over keys to set the pitch range of a regeneration"));
}

void PianoKeyboard::setHoveredPitch(int pitch) {
    if (pitch == hovered_) return;
    hovered_ = pitch;
    update();
}

void PianoKeyboard::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const auto& g = view_->geometry();
    const double h = g.keyHeight();
    const int w = width();
    const QColor accent = palette().color(QPalette::Highlight);
    p.fillRect(rect(), QColor(250, 250, 250));
    const int top = g.yToPitch(0);
    const int bottom = g.yToPitch(height());
    QFont f = font();
    f.setPixelSize(std::max(8, std::min(11, static_cast<int>(h) - 1)));
    p.setFont(f);
    for (int pitch = bottom; pitch <= top; ++pitch) {
        const QRectF row(0, g.pitchToY(pitch), w, h);
        const bool black = isBlack(pitch);
        QColor fill = black ? QColor(40, 40, 44) : QColor(250, 250, 250);
        if (pitch == pressed_ || pitch == hovered_) fill = black ? accent.darker(130) : accent.lighter(160);
        // Black keys are drawn shorter, as on a real keyboard; white rows keep the full width.
        p.fillRect(black ? QRectF(row.left(), row.top(), w * 0.62, h) : row, fill);
        p.setPen(QColor(190, 190, 190));
        if (!black && (pitch % 12 == 4 || pitch % 12 == 11 || pitch % 12 == 0))
            p.drawLine(QPointF(0, row.bottom()), QPointF(w, row.bottom()));
    }
    // Every C named (C1 ... C8) after the keys, so a label taller than its row is not painted over by the next key:
    // the octaves stay readable when the rows are zoomed small.
    p.setPen(QColor(90, 90, 90));
    const double labelHeight = std::max(h, 9.0);
    for (int pitch = bottom; pitch <= top; ++pitch) {
        if (pitch % 12 != 0) continue;
        const double middle = g.pitchToY(pitch) + h / 2;
        p.drawText(QRectF(0, middle - labelHeight / 2, w - 4, labelHeight), Qt::AlignRight | Qt::AlignVCenter,
                   pitchLabel(pitch));
    }
    if (const auto range = view_->pitchRange()) {  // the steering strip's range: a bar beside its keys
        const double y0 = g.pitchToY(range->second), y1 = g.pitchToY(range->first) + h;
        p.fillRect(QRectF(w - 6, y0, 5, y1 - y0), palette().color(QPalette::Link));
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(w - 1, 0, w - 1, height());
}

void PianoKeyboard::mousePressEvent(QMouseEvent* event) {
    pressed_ = dragFrom_ = view_->geometry().yToPitch(event->position().y());
    ranging_ = false;
    emit keyPressed(pressed_);
    update();
}

void PianoKeyboard::mouseMoveEvent(QMouseEvent* event) {
    if (dragFrom_ < 0 || !(event->buttons() & Qt::LeftButton)) return;
    const int pitch = std::clamp(view_->geometry().yToPitch(event->position().y()), 0, 127);
    if (!ranging_ && pitch == dragFrom_) return;
    if (!ranging_ && pressed_ >= 0) {  // the audition stops where the range begins
        emit keyReleased(pressed_);
        pressed_ = -1;
    }
    ranging_ = true;
    emit rangeDragged(std::min(dragFrom_, pitch), std::max(dragFrom_, pitch));
    update();
}

void PianoKeyboard::mouseReleaseEvent(QMouseEvent*) {
    if (pressed_ >= 0) emit keyReleased(pressed_);
    pressed_ = dragFrom_ = -1;
    ranging_ = false;
    update();
}

void PianoKeyboard::wheelEvent(QWheelEvent* event) { view_->handleWheel(event, this); }

}  // namespace nf
