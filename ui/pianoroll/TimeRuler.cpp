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
    setToolTip(tr("Bars and beats; click to move the playhead, drag across bars (or double-click one) to select "
                  "them for Regenerate Selection"));
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
    if (view_->hasBarSelection()) {
        QColor band = palette().color(QPalette::Link);
        band.setAlpha(110);
        const double x0 = g.tickToX(view_->barSelectionStart()), x1 = g.tickToX(view_->barSelectionEnd());
        p.fillRect(QRectF(x0, height() / 2.0, x1 - x0, height() / 2.0), band);
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

std::pair<Tick, Tick> TimeRuler::barAt(Tick tick) const {
    std::pair<Tick, Tick> found{0, 0};
    forEachBar(view_->document()->score(), tick, tick + 1, [&](const BarInfo& bar) {
        if (tick >= bar.start && tick < bar.start + bar.length) found = {bar.start, bar.start + bar.length};
    });
    return found;
}

void TimeRuler::mousePressEvent(QMouseEvent* event) {
    if (!view_->document() || view_->document()->isEmpty() || event->button() != Qt::LeftButton) return;
    pressTick_ = std::max<Tick>(0, view_->geometry().xToTick(event->position().x()));
    selecting_ = false;
    view_->setPlayhead(pressTick_);
}

void TimeRuler::mouseMoveEvent(QMouseEvent* event) {
    if (pressTick_ < 0 || !(event->buttons() & Qt::LeftButton)) return;
    const Tick tick = std::max<Tick>(0, view_->geometry().xToTick(event->position().x()));
    const auto pressed = barAt(pressTick_);
    const auto now = barAt(tick);
    // Within the bar it started in, a drag scrubs the playhead; across a bar line it becomes a bar selection.
    if (!selecting_ && now == pressed) {
        view_->setPlayhead(tick);
        return;
    }
    selecting_ = true;
    view_->setPlayhead(std::min(pressed.first, now.first));
    view_->setBarSelection(std::min(pressed.first, now.first), std::max(pressed.second, now.second));
}

void TimeRuler::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || pressTick_ < 0) return;
    if (!selecting_) view_->setBarSelection(0, 0);
    pressTick_ = -1;
    selecting_ = false;
}

void TimeRuler::mouseDoubleClickEvent(QMouseEvent* event) {
    if (!view_->document() || view_->document()->isEmpty() || event->button() != Qt::LeftButton) return;
    const auto bar = barAt(std::max<Tick>(0, view_->geometry().xToTick(event->position().x())));
    view_->setBarSelection(bar.first, bar.second);
    pressTick_ = -1;  // the release that follows must not clear it
}

void TimeRuler::wheelEvent(QWheelEvent* event) { view_->handleWheel(event, this); }

}  // namespace nf
