// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/PianoRollCanvas.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "document/ScoreDocument.h"
#include "pianoroll/BarLines.h"
#include "pianoroll/NoteBatches.h"
#include "pianoroll/PianoRollView.h"
#include "pianoroll/TrackPalette.h"
#include "pianoroll/tools/PianoRollTool.h"

namespace nf {

namespace {
bool isBlackKey(int pitch) {
    const int pc = pitch % 12;
    return pc == 1 || pc == 3 || pc == 6 || pc == 8 || pc == 10;
}
QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}
}  // namespace

PianoRollCanvas::PianoRollCanvas(PianoRollView* view) : QWidget(view), view_(view) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(120, 80);
}

ScoreDocument* PianoRollCanvas::document() const { return view_->document(); }
PianoRollGeometry& PianoRollCanvas::geometry() const { return view_->geometry(); }
const SnapGrid& PianoRollCanvas::grid() const { return view_->grid(); }

void PianoRollCanvas::setTool(PianoRollTool* tool) {
    if (tool_) tool_->cancel();
    tool_ = tool;
    setCursor(tool ? tool->cursor() : QCursor(Qt::ArrowCursor));
    update();
}

QRectF PianoRollCanvas::noteRect(const Note& note) const {
    const auto& g = geometry();
    const double x = g.tickToX(note.start);
    const double w = std::max(2.0, static_cast<double>(note.duration) * g.pixelsPerTick());
    return QRectF(x, g.pitchToY(note.pitch), w, g.keyHeight());
}

Tick PianoRollCanvas::tickAt(QPointF pos) const { return geometry().xToTick(pos.x()); }
int PianoRollCanvas::pitchAt(QPointF pos) const { return geometry().yToPitch(pos.y()); }

std::optional<NoteHit> PianoRollCanvas::noteAt(QPointF pos) const {
    const ScoreDocument* doc = document();
    if (!doc) return std::nullopt;
    const Score& score = doc->score();
    const int pitch = pitchAt(pos);
    const Tick tick = tickAt(pos);
    // Allow a couple of pixels of slack so very short notes can still be grabbed.
    const Tick slack = static_cast<Tick>(std::ceil(2.0 / geometry().pixelsPerTick()));
    auto search = [&](std::size_t t) -> std::optional<NoteHit> {
        std::optional<NoteHit> found;
        view_->noteIndex().forEachInRange(score, t, tick - slack, tick + slack + 1, [&](const Note& n) {
            if (n.pitch != pitch || found) return;
            const QRectF r = noteRect(n);
            if (pos.x() < r.left() - 2 || pos.x() > r.right() + 2) return;
            const double edge = std::min(6.0, r.width() / 3);
            found = NoteHit{n.id, t, pos.x() >= r.right() - edge};
        });
        return found;
    };
    const int active = doc->activeTrack();
    if (active >= 0)
        if (auto hit = search(static_cast<std::size_t>(active))) return hit;
    for (std::size_t t = 0; t < score.tracks.size(); ++t)
        if (static_cast<int>(t) != active)
            if (auto hit = search(t)) return hit;
    return std::nullopt;
}

std::set<NoteId> PianoRollCanvas::notesInRect(const QRectF& rect, std::size_t track) const {
    std::set<NoteId> out;
    const ScoreDocument* doc = document();
    if (!doc) return out;
    const Tick from = tickAt(rect.topLeft());
    const Tick to = tickAt(rect.bottomRight()) + 1;
    view_->noteIndex().forEachInRange(doc->score(), track, from, to, [&](const Note& n) {
        if (noteRect(n).intersects(rect)) out.insert(n.id);
    });
    return out;
}

void PianoRollCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QRect area = rect();
    paintRows(p, area);
    const ScoreDocument* doc = document();
    if (!doc || doc->isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter, tr("Double-click a file in the Dataset panel to show it here"));
        return;
    }
    const Tick from = geometry().xToTick(0);
    const Tick to = geometry().xToTick(area.width()) + 1;
    paintGrid(p, area, from, to);
    if (view_->loopEnd() > view_->loopStart()) {
        QColor band = palette().color(QPalette::Highlight);
        band.setAlpha(28);
        const double x0 = geometry().tickToX(view_->loopStart()), x1 = geometry().tickToX(view_->loopEnd());
        p.fillRect(QRectF(x0, 0, x1 - x0, area.height()), band);
    }
    if (view_->hasBarSelection()) {  // the bars Regenerate Selection rewrites, across every lane
        QColor band = palette().color(QPalette::Link);
        const double x0 = geometry().tickToX(view_->barSelectionStart());
        const double x1 = geometry().tickToX(view_->barSelectionEnd());
        band.setAlpha(36);
        p.fillRect(QRectF(x0, 0, x1 - x0, area.height()), band);
        band.setAlpha(160);
        p.setPen(QPen(band, 1.5));
        p.drawLine(QPointF(x0, 0), QPointF(x0, area.height()));
        p.drawLine(QPointF(x1, 0), QPointF(x1, area.height()));
    }
    paintNotes(p, from, to);
    if (view_->playhead() >= 0) {
        const double x = geometry().tickToX(view_->playhead());
        p.setPen(QPen(QColor(230, 60, 50), 2));
        p.drawLine(QPointF(x, 0), QPointF(x, area.height()));
    }
    if (tool_) tool_->paintOverlay(*this, p);
}

void PianoRollCanvas::paintRows(QPainter& p, const QRect& area) const {
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const QColor black = mix(base, text, 0.07);
    const QColor octaveLine = mix(base, text, 0.25);
    p.fillRect(area, base);
    const auto& g = geometry();
    const int top = g.yToPitch(area.top());
    const int bottom = g.yToPitch(area.bottom());
    const std::optional<Scale>& scale = view_->shownScale();
    const QColor inScale = mix(base, palette().color(QPalette::Link), 0.16);
    for (int pitch = bottom; pitch <= top; ++pitch) {
        const double y = g.pitchToY(pitch);
        // With a scale shown, its rows are tinted and the others keep the black-key shade: the lock is visible.
        if (scale && scale->contains(pitch)) p.fillRect(QRectF(area.left(), y, area.width(), g.keyHeight()), inScale);
        else if (isBlackKey(pitch) || scale) p.fillRect(QRectF(area.left(), y, area.width(), g.keyHeight()), black);
        if (pitch % 12 == 0) {  // line under each C: the octave boundary
            p.setPen(octaveLine);
            p.drawLine(QPointF(area.left(), y + g.keyHeight()), QPointF(area.right(), y + g.keyHeight()));
        }
    }
}

void PianoRollCanvas::paintGrid(QPainter& p, const QRect& area, Tick from, Tick to) const {
    const auto& g = geometry();
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const QColor barPen = mix(base, text, 0.45);
    const QColor beatPen = mix(base, text, 0.2);
    const QColor subPen = mix(base, text, 0.1);
    const Score& score = document()->score();
    const Tick step = grid().step(score.ppq());
    const bool showSub = grid().enabled() && step * g.pixelsPerTick() >= 6;
    forEachBar(score, from, to, [&](const BarInfo& bar) {
        if (showSub)
            for (Tick t = bar.start + step; t < bar.start + bar.length; t += step) {
                p.setPen(subPen);
                p.drawLine(QPointF(g.tickToX(t), area.top()), QPointF(g.tickToX(t), area.bottom()));
            }
        if (bar.beatLength * g.pixelsPerTick() >= 4)
            for (Tick t = bar.start + bar.beatLength; t < bar.start + bar.length; t += bar.beatLength) {
                p.setPen(beatPen);
                p.drawLine(QPointF(g.tickToX(t), area.top()), QPointF(g.tickToX(t), area.bottom()));
            }
        p.setPen(barPen);
        p.drawLine(QPointF(g.tickToX(bar.start), area.top()), QPointF(g.tickToX(bar.start), area.bottom()));
    });
}

void PianoRollCanvas::paintNotes(QPainter& p, Tick from, Tick to) const {
    const ScoreDocument* doc = document();
    const Score& score = doc->score();
    const int active = doc->activeTrack();
    const int topPitch = geometry().yToPitch(0);
    const int bottomPitch = geometry().yToPitch(height());
    const bool byConfidence = view_->colourByConfidence() && doc->hasInsights();
    // Colours come from a small table (velocity and confidence in 16 steps): computing an HSV colour per note
    // would cost more than drawing it.
    std::unordered_map<int, QRgb> colours;
    auto colour = [&](int track, int velocity, const NoteInsight* insight, bool isActive, bool selected) {
        const int bin = insight ? 1000 + static_cast<int>(insight->probability * 15.99f) : velocity / 8;
        const int key = ((track * 2048 + bin) * 2 + (isActive ? 1 : 0)) * 2 + (selected ? 1 : 0);
        auto [it, inserted] = colours.try_emplace(key, 0);
        if (inserted) {
            QColor c = insight ? TrackPalette::confidenceColor((bin - 1000 + 0.5) / 16.0)
                               : TrackPalette::noteColor(track, bin * 8 + 4);
            // Faded tracks: the colour mixed with the background, opaque (blending thousands of notes costs more).
            if (!isActive) c = mix(palette().color(QPalette::Base), c, 0.35);
            if (selected) c = c.lighter(145);  // selected notes stand out whatever the track colour
            it->second = c.rgba();
        }
        return it->second;
    };
    NoteBatches batches;
    const std::set<NoteId>& removed = view_->candidateOverlay().removed;
    const QRgb faint = mix(palette().color(QPalette::Base), palette().color(QPalette::Text), 0.12).rgba();
    auto collect = [&](std::size_t t, bool isActive) {
        view_->noteIndex().forEachInRange(score, t, from, to, [&](const Note& n) {
            if (n.pitch > topPitch || n.pitch < bottomPitch) return;
            if (removed.count(n.id)) {  // what the auditioned candidate replaces: still there, barely
                batches.add(faint, NoteBatches::Frame::None, noteRect(n).adjusted(0, 1, 0, -1));
                return;
            }
            const bool selected = isActive && doc->isSelected(n.id);
            const NoteInsight* insight = byConfidence ? doc->insight(n.id) : nullptr;
            batches.add(colour(static_cast<int>(t), n.velocity, insight, isActive, selected),
                        selected ? NoteBatches::Frame::Selected
                                 : (isActive ? NoteBatches::Frame::Thin : NoteBatches::Frame::None),
                        noteRect(n).adjusted(0, 1, 0, -1));
        });
    };
    for (std::size_t t = 0; t < score.tracks.size(); ++t)
        if (static_cast<int>(t) != active) collect(t, false);
    if (active >= 0 && active < static_cast<int>(score.tracks.size())) collect(static_cast<std::size_t>(active), true);
    p.setRenderHint(QPainter::Antialiasing, false);
    batches.draw(p, palette().color(QPalette::Text), geometry().keyHeight() >= 6);
    paintCandidate(p, from, to, topPitch, bottomPitch);
}

void PianoRollCanvas::paintCandidate(QPainter& p, Tick from, Tick to, int topPitch, int bottomPitch) const {
    const auto& added = view_->candidateOverlay().added;
    if (added.empty()) return;
    // The notes the model would write: their track's colour, framed in the selection-band colour, so they read
    // as "proposed" over the piece.
    p.setPen(QPen(palette().color(QPalette::Link), 1.5));
    for (const auto& [track, n] : added) {
        if (n.end() < from || n.start > to || n.pitch > topPitch || n.pitch < bottomPitch) continue;
        QColor fill = TrackPalette::noteColor(static_cast<int>(track), n.velocity);
        fill.setAlpha(200);
        p.setBrush(fill);
        p.drawRect(noteRect(n).adjusted(0, 1, 0, -1));
    }
}

void PianoRollCanvas::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    if (document() && event->button() == Qt::RightButton && view_->toolKind() != PianoRollView::ToolKind::Draw)
        if (auto hit = noteAt(event->position())) emit noteContextRequested(hit->id, event->globalPosition().toPoint());
    if (tool_ && document()) tool_->mousePress(*this, event);
}

void PianoRollCanvas::mouseMoveEvent(QMouseEvent* event) {
    emit hovered(tickAt(event->position()), pitchAt(event->position()));
    if (tool_ && document()) tool_->mouseMove(*this, event);
}

void PianoRollCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (tool_ && document()) tool_->mouseRelease(*this, event);
}

void PianoRollCanvas::wheelEvent(QWheelEvent* event) { view_->handleWheel(event, this); }

void PianoRollCanvas::leaveEvent(QEvent*) { emit left(); }

}  // namespace nf
