// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/PianoRollView.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <limits>
#include <cmath>

#include "document/ScoreDocument.h"
#include "pianoroll/BarLines.h"
#include "pianoroll/PianoKeyboard.h"
#include "pianoroll/PianoRollCanvas.h"
#include "pianoroll/TimeRuler.h"
#include "pianoroll/VelocityLane.h"
#include "pianoroll/tools/DrawTool.h"
#include "pianoroll/tools/EraseTool.h"
#include "pianoroll/tools/SelectTool.h"
#include "pianoroll/PitchLabel.h"

namespace nf {

namespace {
constexpr double kZoomStep = 1.25;
}

PianoRollView::PianoRollView(QWidget* parent)
    : QWidget(parent),
      selectTool_(std::make_unique<SelectTool>()),
      drawTool_(std::make_unique<DrawTool>()),
      eraseTool_(std::make_unique<EraseTool>()) {
    canvas_ = new PianoRollCanvas(this);
    keyboard_ = new PianoKeyboard(this);
    ruler_ = new TimeRuler(this);
    lane_ = new VelocityLane(this);
    hScroll_ = new QScrollBar(Qt::Horizontal, this);
    vScroll_ = new QScrollBar(Qt::Vertical, this);
    auto* laneLabel = new QLabel(tr("Vel"), this);
    laneLabel->setAlignment(Qt::AlignCenter);
    laneLabel->setFixedWidth(keyboard_->width());
    laneLabel->setObjectName("velocityLaneLabel");
    auto* corner = new QWidget(this);
    corner->setFixedSize(keyboard_->width(), ruler_->height());

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(0);
    // Row 0 holds strips a part of the studio puts above the notes (addStrip: the steering controls).
    grid->addWidget(corner, 1, 0);
    grid->addWidget(ruler_, 1, 1);
    grid->addWidget(keyboard_, 2, 0);
    grid->addWidget(canvas_, 2, 1);
    grid->addWidget(vScroll_, 2, 2);
    grid->addWidget(laneLabel, 3, 0);
    grid->addWidget(lane_, 3, 1);
    grid->addWidget(hScroll_, 4, 1);
    grid->setRowStretch(2, 1);
    grid->setColumnStretch(1, 1);

    connect(hScroll_, &QScrollBar::valueChanged, this, [this](int v) {
        if (syncing_) return;
        geometry_.setScrollX(v);
        refresh();
    });
    connect(vScroll_, &QScrollBar::valueChanged, this, [this](int v) {
        if (syncing_) return;
        geometry_.setScrollY(v);
        refresh();
    });
    connect(canvas_, &PianoRollCanvas::hovered, this, &PianoRollView::onHover);
    connect(canvas_, &PianoRollCanvas::left, this, [this] { keyboard_->setHoveredPitch(-1); });
    connect(keyboard_, &PianoKeyboard::keyPressed, this, [this](int p) { emit keyAuditioned(p, true); });
    connect(keyboard_, &PianoKeyboard::keyReleased, this, [this](int p) { emit keyAuditioned(p, false); });
    connect(keyboard_, &PianoKeyboard::rangeDragged, this, &PianoRollView::keyboardRangeDragged);
    canvas_->setTool(selectTool_.get());
    setVelocityLaneVisible(true);
}

PianoRollView::~PianoRollView() = default;

void PianoRollView::setDocument(ScoreDocument* document) {
    if (document_) disconnect(document_, nullptr, this, nullptr);
    document_ = document;
    if (document_) {
        connect(document_, &ScoreDocument::scoreReplaced, this, &PianoRollView::onScoreReplaced);
        connect(document_, &ScoreDocument::scoreChanged, this, &PianoRollView::onScoreChanged);
        connect(document_, &ScoreDocument::selectionChanged, this, &PianoRollView::refresh);
        connect(document_, &ScoreDocument::activeTrackChanged, this, &PianoRollView::refresh);
    }
    onScoreReplaced();
}

void PianoRollView::setGridDivision(SnapGrid::Division division) {
    if (division == grid_.division()) return;
    grid_.setDivision(division);
    emit gridChanged(division);
    canvas_->update();
}

PianoRollTool* PianoRollView::tool() const {
    switch (toolKind_) {
        case ToolKind::Select: return selectTool_.get();
        case ToolKind::Draw: return drawTool_.get();
        case ToolKind::Erase: return eraseTool_.get();
    }
    return selectTool_.get();
}

void PianoRollView::setTool(ToolKind kind) {
    if (kind == toolKind_) return;
    toolKind_ = kind;
    canvas_->setTool(tool());
    emit toolChanged(kind);
}

void PianoRollView::setColourByConfidence(bool on) {
    colourByConfidence_ = on;
    canvas_->update();
}

void PianoRollView::setPlayhead(Tick tick) {
    if (tick == playhead_) return;
    playhead_ = tick;
    emit playheadMoved(tick);
    canvas_->update();
    ruler_->update();
}

void PianoRollView::followPlayhead(Tick tick, bool scroll) {
    playhead_ = tick;
    if (scroll) {
        const double x = geometry_.tickToX(tick);
        const double w = canvas_->width();
        // Page-wise, like a score follower: a jump when the playhead nears the right edge, not a constant crawl.
        if (x > w * 0.9 || x < 0) geometry_.setScrollX(geometry_.scrollX() + x - w * 0.1);
    }
    refresh();
}

void PianoRollView::setLoopRegion(Tick start, Tick end) {
    loopStart_ = start;
    loopEnd_ = std::max(start, end);
    canvas_->update();
    ruler_->update();
}

void PianoRollView::addStrip(QWidget* strip) {
    auto* grid = static_cast<QGridLayout*>(layout());
    strip->setParent(this);
    grid->addWidget(strip, 0, 0, 1, 3);
}

void PianoRollView::setBarSelection(Tick start, Tick end) {
    end = std::max(start, end);
    if (start == barSelectionStart_ && end == barSelectionEnd_) return;
    barSelectionStart_ = start;
    barSelectionEnd_ = end;
    canvas_->update();
    ruler_->update();
    emit barSelectionChanged();
}

void PianoRollView::ensurePitchesVisible(int low, int high) {
    const double top = geometry_.pitchToY(high), bottom = geometry_.pitchToY(low) + geometry_.keyHeight();
    if (top >= 0 && bottom <= canvas_->height()) return;
    const double middle = (top + bottom) / 2 + geometry_.scrollY();
    geometry_.setScrollY(middle - canvas_->height() / 2.0);
    refresh();
}

void PianoRollView::setCandidateOverlay(CandidateOverlay overlay) {
    overlay_ = std::move(overlay);
    revealCandidate();
    refresh();
}

void PianoRollView::revealCandidate() {
    // A candidate that writes out of sight (bars after the end, drums below the melody's rows) would look like
    // nothing written: the view moves to its notes, keeping the zoom, when none of them is in view.
    if (overlay_.added.empty()) return;
    Tick first = std::numeric_limits<Tick>::max(), last = 0;
    int lo = 127, hi = 0;
    for (const auto& [track, n] : overlay_.added) {
        first = std::min(first, n.start);
        last = std::max(last, n.end());
        lo = std::min(lo, n.pitch);
        hi = std::max(hi, n.pitch);
    }
    const double width = canvas_->width(), height = canvas_->height();
    // Its start well inside the view, not a sliver at the edge (Zoom to Fit leaves 2 % past the last bar line,
    // where a continuation's first note would begin).
    const double x = geometry_.tickToX(first);
    const bool timeInView = x >= 0 && x < width * 0.8 && geometry_.tickToX(last) > 0;
    if (!timeInView) geometry_.setScrollX(geometry_.scrollX() + x - width * 0.1);
    const bool pitchInView = geometry_.pitchToY(lo) + geometry_.keyHeight() > 0 && geometry_.pitchToY(hi) < height;
    if (!pitchInView) {
        const double mid = (geometry_.pitchToY(hi) + geometry_.pitchToY(lo) + geometry_.keyHeight()) / 2 + geometry_.scrollY();
        geometry_.setScrollY(mid - height / 2);
    }
}

void PianoRollView::setPitchRange(std::optional<std::pair<int, int>> range) {
    pitchRange_ = range;
    keyboard_->update();
}

void PianoRollView::setScaleGuide(std::optional<Scale> scale) {
    scaleGuide_ = std::move(scale);
    canvas_->update();
    keyboard_->update();
}

void PianoRollView::setScaleHighlight(std::optional<Scale> scale) {
    scaleHighlight_ = std::move(scale);
    canvas_->update();
    keyboard_->update();
}

Tick PianoRollView::visibleStartTick() const { return geometry_.xToTick(0); }
Tick PianoRollView::visibleEndTick() const { return geometry_.xToTick(canvas_->width()); }

Tick PianoRollView::pastePosition() const { return playhead_ >= 0 ? playhead_ : geometry_.xToTick(0); }

Tick PianoRollView::contentEndTick() const {
    if (!document_ || document_->isEmpty()) return 0;
    const Score& s = document_->score();
    // Room for four more bars after the end, to draw into, and for a candidate's notes past it (a continuation).
    Tick end = s.endTick();
    for (const auto& [track, n] : overlay_.added) end = std::max(end, n.end());
    return end + 4 * s.ticksPerBar(end);
}

void PianoRollView::refresh() {
    syncing_ = true;
    const int hMax = std::max(0, static_cast<int>(geometry_.contentWidth(contentEndTick())) - canvas_->width());
    const int vMax = std::max(0, static_cast<int>(geometry_.contentHeight()) - canvas_->height());
    geometry_.setScrollX(std::min<double>(geometry_.scrollX(), hMax));
    geometry_.setScrollY(std::min<double>(geometry_.scrollY(), vMax));
    hScroll_->setRange(0, hMax);
    hScroll_->setPageStep(std::max(1, canvas_->width()));
    hScroll_->setSingleStep(std::max(1, canvas_->width() / 20));
    hScroll_->setValue(static_cast<int>(geometry_.scrollX()));
    vScroll_->setRange(0, vMax);
    vScroll_->setPageStep(std::max(1, canvas_->height()));
    vScroll_->setSingleStep(std::max(1, static_cast<int>(geometry_.keyHeight())));
    vScroll_->setValue(static_cast<int>(geometry_.scrollY()));
    syncing_ = false;
    canvas_->update();
    keyboard_->update();
    ruler_->update();
    lane_->update();
}

void PianoRollView::onScoreReplaced() {
    noteIndex_.rebuild(document_ ? document_->score() : Score{});
    playhead_ = -1;
    loopStart_ = loopEnd_ = 0;
    setBarSelection(0, 0);
    overlay_ = {};
    fitView(FitExtent::Opening);
}

void PianoRollView::onScoreChanged() {
    noteIndex_.rebuild(document_->score());
    refresh();
}

void PianoRollView::zoomToFit() { fitView(FitExtent::WholePiece); }

void PianoRollView::fitView(FitExtent extent) {
    if (!document_ || document_->isEmpty()) {
        geometry_.setScrollY(geometry_.contentHeight() / 2 - canvas_->height() / 2.0);
        refresh();
        return;
    }
    const Score& s = document_->score();
    const bool whole = extent == FitExtent::WholePiece;
    // Zoom to Fit shows every bar and every pitch; a piece just opened starts at about 16 bars at most, so a long
    // one opens with readable notes.
    // A candidate being auditioned is part of what there is to see (a continuation past the end, drums).
    Tick notesEnd = s.endTick();
    for (const auto& [track, n] : overlay_.added) notesEnd = std::max(notesEnd, n.end());
    const Tick end = std::max<Tick>(notesEnd, s.ticksPerBar(0));
    const double width = std::max(100, canvas_->width());
    if (whole) {
        // To the bar line after the last note, and a sliver more so the last note's end is inside the view.
        const Tick bar = std::max<Tick>(1, s.ticksPerBar(end));
        const Tick barEnd = (end + bar - 1) / bar * bar;
        geometry_.setPixelsPerTick(width / (static_cast<double>(barEnd) * 1.02));
    } else {
        geometry_.setPixelsPerTick(std::max(width / end, width / (16.0 * s.ticksPerBar(0))));
    }
    geometry_.setScrollX(0);
    int lo = 127, hi = 0;
    for (const auto& tr : s.tracks)
        for (const Note& n : tr.notes) {
            lo = std::min(lo, n.pitch);
            hi = std::max(hi, n.pitch);
        }
    for (const auto& [track, n] : overlay_.added) {
        lo = std::min(lo, n.pitch);
        hi = std::max(hi, n.pitch);
    }
    if (lo > hi) lo = hi = 60;
    const double height = std::max(80, canvas_->height());
    // The whole pitch range in view even when it is wide (rows down to the smallest height); on opening, rows stay
    // tall enough to click.
    const double rows = hi - lo + (whole ? 3 : 7);
    geometry_.setKeyHeight(std::clamp(height / rows, whole ? PianoRollGeometry::kMinKeyHeight : 6.0, 16.0));
    const double mid = (geometry_.pitchToY(hi) + geometry_.pitchToY(lo) + geometry_.keyHeight()) / 2 + geometry_.scrollY();
    geometry_.setScrollY(mid - height / 2);
    refresh();
}

void PianoRollView::zoomIn() { geometry_.zoomHorizontally(kZoomStep, canvas_->width() / 2.0), refresh(); }
void PianoRollView::zoomOut() { geometry_.zoomHorizontally(1 / kZoomStep, canvas_->width() / 2.0), refresh(); }
void PianoRollView::zoomInVertically() { geometry_.zoomVertically(kZoomStep, canvas_->height() / 2.0), refresh(); }
void PianoRollView::zoomOutVertically() { geometry_.zoomVertically(1 / kZoomStep, canvas_->height() / 2.0), refresh(); }

void PianoRollView::setVelocityLaneVisible(bool visible) {
    lane_->setVisible(visible);
    if (auto* label = findChild<QLabel*>("velocityLaneLabel")) label->setVisible(visible);
}

void PianoRollView::handleWheel(QWheelEvent* event, QWidget* source) {
    const QPoint delta = event->angleDelta();
    const double steps = (delta.y() != 0 ? delta.y() : delta.x()) / 120.0;
    const QPointF at = canvas_->mapFrom(source, event->position());
    if (event->modifiers() & Qt::ControlModifier) {
        const double factor = std::pow(kZoomStep, steps);
        if (event->modifiers() & Qt::ShiftModifier)
            geometry_.zoomVertically(factor, at.y());
        else
            geometry_.zoomHorizontally(factor, at.x());
    } else if ((event->modifiers() & Qt::ShiftModifier) || delta.y() == 0) {
        geometry_.setScrollX(geometry_.scrollX() - steps * canvas_->width() / 8.0);
    } else {
        geometry_.setScrollY(geometry_.scrollY() - steps * 3 * geometry_.keyHeight());
    }
    refresh();
    event->accept();
}

void PianoRollView::onHover(Tick tick, int pitch) {
    keyboard_->setHoveredPitch(pitch);
    if (!document_ || document_->isEmpty()) return;
    emit hoverText(tr("Bar %1  ·  %2  ·  tick %3")
                       .arg(QString::fromStdString(formatBarBeat(document_->score(), tick)))
                       .arg(pitchLabel(pitch))
                       .arg(tick));
}

void PianoRollView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    refresh();
}

}  // namespace nf
