// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/TimeRuler.h"

#include <QMouseEvent>
#include <QPainter>

#include "document/ScoreDocument.h"
#include "pianoroll/BarLines.h"
#include "pianoroll/PianoRollView.h"

namespace nf {

TimeRuler::TimeRuler(PianoRollView* view) : QWidget(view), view_(view) {
    setFixedHeight(sizeHint().height());
    setToolTip(tr("Bars and beats; click to move the playhead"));
}

void TimeRuler::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    const QColor text = palette().color(QPalette::WindowText);
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(0, height() - 1, width(), height() - 1);
    const ScoreDocument* doc = view_->document();
    if (!doc || doc->isEmpty()) return;
    const auto& g = view_->geometry();
    const Score& score = doc->score();
    const Tick from = g.xToTick(0);
    const Tick to = g.xToTick(width()) + 1;
    if (view_->loopEnd() > view_->loopStart()) {
        QColor band = palette().color(QPalette::Highlight);
        band.setAlpha(90);
        const double x0 = g.tickToX(view_->loopStart()), x1 = g.tickToX(view_->loopEnd());
        p.fillRect(QRectF(x0, 0, x1 - x0, height()), band);
    }
    QFont f = font();
    f.setPixelSize(11);
    p.setFont(f);
    // Label every n-th bar so numbers never overlap when zoomed out.
    const double barPixels = score.ticksPerBar(0) * g.pixelsPerTick();
    int every = 1;
    while (barPixels * every < 28) every *= 2;
    forEachBar(score, from, to, [&](const BarInfo& bar) {
        const double x = g.tickToX(bar.start);
        const bool labelled = (bar.number - 1) % every == 0;
        p.setPen(text);
        p.drawLine(QPointF(x, labelled ? 2 : height() / 2.0), QPointF(x, height()));
        if (labelled) p.drawText(QPointF(x + 3, 12), QString::number(bar.number));
        if (bar.beatLength * g.pixelsPerTick() >= 8) {
            p.setPen(palette().color(QPalette::Mid));
            for (Tick t = bar.start + bar.beatLength; t < bar.start + bar.length; t += bar.beatLength)
                p.drawLine(QPointF(g.tickToX(t), height() * 0.7), QPointF(g.tickToX(t), height()));
        }
    });
    if (view_->playhead() >= 0) {
        const double x = g.tickToX(view_->playhead());
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(230, 60, 50));
        const QPointF tri[3] = {{x - 5, 14}, {x + 5, 14}, {x, static_cast<double>(height())}};
        p.drawPolygon(tri, 3);
    }
}

void TimeRuler::mousePressEvent(QMouseEvent* event) {
    if (view_->document() && !view_->document()->isEmpty())
        view_->setPlayhead(view_->geometry().xToTick(event->position().x()));
}

void TimeRuler::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton) mousePressEvent(event);
}

void TimeRuler::wheelEvent(QWheelEvent* event) { view_->handleWheel(event, this); }

}  // namespace nf
