// SPDX-License-Identifier: GPL-3.0-or-later
// View > Zoom to Fit (Ctrl+0) shows the whole piece, however long and however wide its pitch range; a piece just
// opened still starts at a readable zoom.
#include <gtest/gtest.h>

#include "UiTestUtil.h"
#include "document/ScoreDocument.h"
#include "pianoroll/PianoRollCanvas.h"
#include "pianoroll/PianoRollView.h"

namespace nf {

namespace {
// 64 bars of 4/4 (ppq 480): one note a bar, climbing from pitch 30 to 93, plus a last note at the very end.
Score longPiece() {
    Score s(480);
    s.tracks.resize(1);
    const Tick bar = 4 * 480;
    for (int b = 0; b < 64; ++b) s.addNote(0, Note{0, 30 + b, 80, b * bar, 480});
    return s;
}
}  // namespace

TEST(ZoomToFit, ShowsEveryBarAndEveryPitchOfALongPiece) {
    ScoreDocument doc;
    doc.setScore(longPiece(), "long");
    PianoRollView view;
    view.resize(1000, 500);
    view.setDocument(&doc);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    const Tick end = doc.score().endTick();
    view.zoomToFit();
    EXPECT_LE(view.visibleStartTick(), 0);
    EXPECT_GE(view.visibleEndTick(), end) << "the view ends at tick " << view.visibleEndTick() << " of " << end;
    const PianoRollGeometry& g = view.geometry();
    const int height = view.canvas()->height();
    EXPECT_GE(g.pitchToY(93), 0.0) << "the highest note is above the view";
    EXPECT_LE(g.pitchToY(30) + g.keyHeight(), height) << "the lowest note is below the view";
    // Fitting is not zooming out without limit: the piece fills most of the width.
    EXPECT_LT(view.visibleEndTick(), end * 2);
}

TEST(ZoomToFit, AJustOpenedLongPieceStartsReadable) {
    ScoreDocument doc;
    PianoRollView view;
    view.resize(1000, 500);
    view.setDocument(&doc);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    doc.setScore(longPiece(), "long");
    // About 16 bars across, not all 64.
    EXPECT_LT(view.visibleEndTick(), doc.score().endTick() / 2);
    view.zoomToFit();
    EXPECT_GE(view.visibleEndTick(), doc.score().endTick());
}

}  // namespace nf
