// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/VelocityLane.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <vector>

#include "document/ScoreDocument.h"
#include "editing/NoteEdits.h"
#include "pianoroll/PianoRollView.h"
#include "pianoroll/TrackPalette.h"

namespace nf {

namespace {
constexpr double kMargin = 4;
constexpr double kStemSlack = 5;
}  // namespace

VelocityLane::VelocityLane(PianoRollView* view) : QWidget(view), view_(view) {
    setFixedHeight(sizeHint().height());
    setToolTip(tr("Velocity: drag a stem up or down (all selected notes when the stem is selected)"));
}

int VelocityLane::velocityAt(double y) const {
    const double usable = height() - 2 * kMargin;
    const double v = (height() - kMargin - y) / usable * 127.0;
    return std::clamp(static_cast<int>(std::lround(v)), 1, 127);
}

double VelocityLane::yForVelocity(int velocity) const {
    return height() - kMargin - velocity / 127.0 * (height() - 2 * kMargin);
}

NoteId VelocityLane::stemAt(double x) const {
    const ScoreDocument* doc = view_->document();
    if (!doc || doc->activeTrack() < 0) return 0;
    const auto& g = view_->geometry();
    const Tick slack = static_cast<Tick>(std::ceil(kStemSlack / g.pixelsPerTick()));
    const Tick tick = g.xToTick(x);
    NoteId best = 0;
    double bestScore = 1e9;
    view_->noteIndex().forEachInRange(doc->score(), static_cast<std::size_t>(doc->activeTrack()), tick - slack,
                                      tick + slack + 1, [&](const Note& n) {
                                          const double d = std::abs(g.tickToX(n.start) - x);
                                          if (d > kStemSlack) return;
                                          // Selected stems win ties so a chord's selected note can be reached.
                                          const double score = d - (doc->isSelected(n.id) ? 0.5 : 0);
                                          if (score < bestScore) {
                                              bestScore = score;
                                              best = n.id;
                                          }
                                      });
    return best;
}

void VelocityLane::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(0, 0, width(), 0);
    for (int v : {32, 64, 96}) {
        p.setPen(QPen(palette().color(QPalette::Midlight), 1, Qt::DotLine));
        p.drawLine(QPointF(0, yForVelocity(v)), QPointF(width(), yForVelocity(v)));
    }
    const ScoreDocument* doc = view_->document();
    if (!doc || doc->isEmpty() || doc->activeTrack() < 0) return;
    const auto& g = view_->geometry();
    const int track = doc->activeTrack();
    // Stems batched by colour (selected, or the track colour in 16 velocity steps): one drawLines call each.
    std::vector<QLineF> stems[17];
    std::vector<QPointF> tips[17];
    view_->noteIndex().forEachInRange(doc->score(), static_cast<std::size_t>(track), g.xToTick(0),
                                      g.xToTick(width()) + 1, [&](const Note& n) {
                                          const double x = g.tickToX(n.start);
                                          const double y = yForVelocity(n.velocity);
                                          const int bin = doc->isSelected(n.id) ? 16 : std::clamp(n.velocity, 0, 127) / 8;
                                          stems[bin].emplace_back(QPointF(x, height() - kMargin), QPointF(x, y));
                                          tips[bin].emplace_back(x, y);
                                      });
    std::size_t total = 0;
    for (const auto& s : stems) total += s.size();
    const bool dots = total <= 2000;  // level of detail: dots only while they can be told apart
    for (int bin = 0; bin <= 16; ++bin) {
        if (stems[bin].empty()) continue;
        const QColor c = bin == 16 ? palette().color(QPalette::Highlight) : TrackPalette::noteColor(track, bin * 8 + 4);
        p.setPen(QPen(c, 2));
        p.drawLines(stems[bin].data(), static_cast<int>(stems[bin].size()));
        if (!dots) continue;
        p.setPen(QPen(c, 5, Qt::SolidLine, Qt::RoundCap));
        p.drawPoints(tips[bin].data(), static_cast<int>(tips[bin].size()));
    }
}

void VelocityLane::mousePressEvent(QMouseEvent* event) {
    ScoreDocument* doc = view_->document();
    if (!doc || event->button() != Qt::LeftButton) return;
    const NoteId id = stemAt(event->position().x());
    if (id == 0) return;
    targets_ = doc->isSelected(id) ? doc->selection() : std::set<NoteId>{id};
    mergeKey_ = doc->newMergeKey();
    applyVelocity(event->position().y());
}

void VelocityLane::mouseMoveEvent(QMouseEvent* event) {
    if (!targets_.empty()) applyVelocity(event->position().y());
}

void VelocityLane::mouseReleaseEvent(QMouseEvent*) { targets_.clear(); }

void VelocityLane::applyVelocity(double y) {
    ScoreDocument* doc = view_->document();
    doc->pushNoteChanges(tr("Change velocity"), edits::setVelocity(doc->score(), targets_, velocityAt(y)), mergeKey_);
}

void VelocityLane::wheelEvent(QWheelEvent* event) { view_->handleWheel(event, this); }

}  // namespace nf
