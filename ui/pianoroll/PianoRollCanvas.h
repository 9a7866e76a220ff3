// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <optional>
#include <set>

#include "music/Score.h"

namespace nf {

class PianoRollView;
class PianoRollGeometry;
class PianoRollTool;
class ScoreDocument;
class SnapGrid;

struct NoteHit {
    NoteId id = 0;
    std::size_t track = 0;
    bool nearEnd = false;  // on the right edge: a drag resizes
};

// The note area of the piano roll: draws the grid and the notes of every track (the active one on top, the
// others faded) and hands mouse input to the current tool.
class PianoRollCanvas : public QWidget {
    Q_OBJECT
public:
    explicit PianoRollCanvas(PianoRollView* view);

    PianoRollView& view() { return *view_; }
    ScoreDocument* document() const;
    PianoRollGeometry& geometry() const;
    const SnapGrid& grid() const;
    void setTool(PianoRollTool* tool);

    // The note under a point, preferring the active track; nullopt over empty space.
    std::optional<NoteHit> noteAt(QPointF pos) const;
    // Ids of the notes of `track` whose rectangles intersect `rect`.
    std::set<NoteId> notesInRect(const QRectF& rect, std::size_t track) const;
    QRectF noteRect(const Note& note) const;
    Tick tickAt(QPointF pos) const;
    int pitchAt(QPointF pos) const;

signals:
    void hovered(Tick tick, int pitch);
    void left();
    // Right-click on a note (outside the draw tool, where right-click erases): the place for per-note menus.
    void noteContextRequested(nf::NoteId id, const QPoint& globalPos);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void paintRows(QPainter& p, const QRect& area) const;
    void paintCandidate(QPainter& p, Tick from, Tick to, int topPitch, int bottomPitch) const;
    void paintGrid(QPainter& p, const QRect& area, Tick from, Tick to) const;
    void paintNotes(QPainter& p, Tick from, Tick to) const;

    PianoRollView* view_;
    PianoRollTool* tool_ = nullptr;
};

}  // namespace nf
