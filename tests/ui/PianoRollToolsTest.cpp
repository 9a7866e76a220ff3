// SPDX-License-Identifier: GPL-3.0-or-later
// The piano roll's tools driven by real mouse events on the widgets.
#include <QUndoStack>

#include <gtest/gtest.h>

#include "UiTestUtil.h"
#include "document/ScoreDocument.h"
#include "pianoroll/PianoRollCanvas.h"
#include "pianoroll/PianoRollView.h"
#include "pianoroll/VelocityLane.h"

namespace nf {

namespace {

// A view at a known zoom over a small two-track score (ppq 480, 4/4).
class PianoRollToolsTest : public ::testing::Test {
protected:
    void SetUp() override {
        Score s(480);
        s.tracks.resize(2);
        s.addNote(0, Note{0, 60, 80, 0, 480});
        s.addNote(0, Note{0, 64, 80, 480, 480});
        s.addNote(0, Note{0, 67, 80, 960, 480});
        s.addNote(1, Note{0, 48, 70, 0, 1920});
        doc.setScore(s, "tools");
        view.resize(900, 600);
        view.setDocument(&doc);
        view.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
        auto& g = view.geometry();
        g.setPixelsPerTick(0.1);  // a quarter note is 48 px
        g.setKeyHeight(10);
        g.setScrollX(0);
        g.setScrollY(g.pitchToY(75) + g.scrollY());  // pitch 75 at the top row
        view.refresh();
        canvas = view.canvas();
    }

    QPointF at(Tick tick, int pitch) const {
        auto& g = view.geometry();
        return {g.tickToX(tick) + 1, g.pitchToY(pitch) + g.keyHeight() / 2};
    }
    const Note* find(int pitch, std::size_t track = 0) const {
        for (const Note& n : doc.score().tracks[track].notes)
            if (n.pitch == pitch) return &n;
        return nullptr;
    }

    ScoreDocument doc;
    mutable PianoRollView view;
    PianoRollCanvas* canvas = nullptr;
};

}  // namespace

TEST_F(PianoRollToolsTest, HitTestFindsTheNoteUnderThePointer) {
    auto hit = canvas->noteAt(at(500, 64));
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->id, find(64)->id);
    EXPECT_FALSE(hit->nearEnd);
    auto edge = canvas->noteAt(QPointF(view.geometry().tickToX(960) - 2, at(0, 64).y()));
    ASSERT_TRUE(edge.has_value());
    EXPECT_TRUE(edge->nearEnd);
    EXPECT_FALSE(canvas->noteAt(at(2400, 64)).has_value());
    // A note of another track is found when the active track has nothing there.
    auto other = canvas->noteAt(at(1000, 48));
    ASSERT_TRUE(other.has_value());
    EXPECT_EQ(other->track, 1u);
}

TEST_F(PianoRollToolsTest, DrawToolAddsASnappedNoteAndDragLengthensItInOneStep) {
    view.setTool(PianoRollView::ToolKind::Draw);
    view.setGridDivision(SnapGrid::Division::Sixteenth);
    uitest::drag(canvas, at(1460, 72), at(2150, 72));  // starts inside the 16th at 1440
    const Note* n = find(72);
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(n->start, 1440);
    EXPECT_EQ(n->end(), 2160);  // end snapped to the nearest 16th
    EXPECT_EQ(doc.undoStack()->count(), 1);
    EXPECT_TRUE(doc.isSelected(n->id));
    doc.undoStack()->undo();
    EXPECT_EQ(find(72), nullptr);
    EXPECT_EQ(doc.score().tracks[0].notes.size(), 3u);
}

// With a scale shown (View > Scale Guide, or a regeneration's key lock) a note drawn on a row outside it lands on the
// nearest row inside it; without one it stays where it was drawn.
TEST_F(PianoRollToolsTest, DrawingWithAScaleShownKeepsToTheScale) {
    view.setTool(PianoRollView::ToolKind::Draw);
    view.setScaleGuide(parseScale("C major"));
    uitest::click(canvas, at(1440, 70));  // A#4 is not in C major: B4 (71) and A4 (69) are one away, A4 wins ties
    EXPECT_EQ(find(70), nullptr);
    EXPECT_NE(find(69), nullptr);
    uitest::click(canvas, at(1920, 73));  // C#5 -> C5
    EXPECT_NE(find(72), nullptr);
    view.setScaleGuide(std::nullopt);
    uitest::click(canvas, at(2400, 70));
    EXPECT_NE(find(70), nullptr);
}

TEST_F(PianoRollToolsTest, SelectToolMovesTheSelectionOnTheGrid) {
    view.setGridDivision(SnapGrid::Division::Eighth);
    uitest::click(canvas, at(100, 60));
    uitest::click(canvas, at(600, 64), Qt::ShiftModifier);
    EXPECT_EQ(doc.selection().size(), 2u);
    // Drag the C4 right by a little over an eighth and up two semitones: both notes follow.
    uitest::drag(canvas, at(100, 60), at(100 + 250, 62));
    EXPECT_EQ(find(62)->start, 240);
    EXPECT_EQ(find(66)->start, 720);
    EXPECT_EQ(find(67)->start, 960);  // not selected: unmoved
    EXPECT_EQ(doc.undoStack()->count(), 1);
}

TEST_F(PianoRollToolsTest, RubberBandSelectsTheActiveTrackOnly) {
    uitest::drag(canvas, at(0, 70) - QPointF(0, 0), at(1500, 55));
    std::set<NoteId> expected;
    for (const Note& n : doc.score().tracks[0].notes) expected.insert(n.id);
    EXPECT_EQ(doc.selection(), expected);
    EXPECT_EQ(doc.undoStack()->count(), 0);  // selecting is not an edit
}

TEST_F(PianoRollToolsTest, ResizeByTheRightEdge) {
    view.setGridDivision(SnapGrid::Division::Quarter);
    const QPointF edge(view.geometry().tickToX(480) - 2, at(0, 60).y());
    uitest::drag(canvas, edge, edge + QPointF(96, 0));  // two quarters further
    EXPECT_EQ(find(60)->duration, 480 * 3);
}

TEST_F(PianoRollToolsTest, EraseToolDeletesWhatTheDragCrossesAsOneStep) {
    view.setTool(PianoRollView::ToolKind::Erase);
    uitest::drag(canvas, at(100, 60), at(1000, 67), Qt::NoModifier, 30);
    EXPECT_EQ(doc.score().tracks[0].notes.size(), 0u);
    EXPECT_EQ(doc.score().tracks[1].notes.size(), 1u);  // other track untouched
    EXPECT_EQ(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    EXPECT_EQ(doc.score().tracks[0].notes.size(), 3u);
}

TEST_F(PianoRollToolsTest, VelocityLaneDragSetsTheSelectedNotesVelocity) {
    VelocityLane* lane = view.velocityLane();
    ASSERT_TRUE(lane->isVisible());
    doc.selectAll();
    const double x = view.geometry().tickToX(480);
    EXPECT_EQ(lane->stemAt(x), find(64)->id);
    uitest::drag(lane, QPointF(x, lane->yForVelocity(80)), QPointF(x, lane->yForVelocity(110)));
    for (const Note& n : doc.score().tracks[0].notes) EXPECT_EQ(n.velocity, 110);
    EXPECT_EQ(doc.score().tracks[1].notes[0].velocity, 70);
    EXPECT_EQ(doc.undoStack()->count(), 1);
    EXPECT_EQ(lane->velocityAt(lane->yForVelocity(37)), 37);
}

TEST_F(PianoRollToolsTest, WheelScrollsAndCtrlWheelZooms) {
    const double ppt = view.geometry().pixelsPerTick();
    QWheelEvent zoom(QPointF(100, 100), canvas->mapToGlobal(QPointF(100, 100)), QPoint(), QPoint(0, 120),
                     Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas, &zoom);
    EXPECT_GT(view.geometry().pixelsPerTick(), ppt);
    const double y = view.geometry().scrollY();
    QWheelEvent scroll(QPointF(100, 100), canvas->mapToGlobal(QPointF(100, 100)), QPoint(), QPoint(0, -120),
                       Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas, &scroll);
    EXPECT_GT(view.geometry().scrollY(), y);
}

}  // namespace nf
