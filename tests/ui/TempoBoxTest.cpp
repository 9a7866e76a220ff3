// SPDX-License-Identifier: GPL-3.0-or-later
// The transport's tempo box: shows the tempo at the playhead and changes the piece's tempo as one undo step,
// keeping the ratio between tempo changes and every note's bar and beat.
#include <QUndoStack>

#include <gtest/gtest.h>

#include "MainWindow.h"
#include "UiTestUtil.h"
#include "document/ScoreDocument.h"
#include "widgets/TempoBox.h"

namespace nf {

TEST(TempoBox, ShowsAndRescalesTheTempoUndoably) {
    ScoreDocument doc;
    Score s = uitest::demoScore();
    const int ppq = s.ppq();
    s.setTempoChanges({{0, 600000}, {ppq * 8, 750000}});  // 100 BPM, then 80 BPM from bar 3 (4/4)
    doc.setScore(s, "tempo");
    TempoBox box(&doc);
    EXPECT_EQ(box.value(), 100);
    box.showAt(ppq * 9);
    EXPECT_EQ(box.value(), 80);
    const double before = doc.score().durationSeconds();
    const auto notes = uitest::notesOf(doc.score());

    box.setValue(160);  // twice as fast where the playhead is
    EXPECT_EQ(doc.undoStack()->count(), 1);
    EXPECT_EQ(doc.score().tempoMap().microsPerQuarterAt(0), 300000);       // 200 BPM
    EXPECT_EQ(doc.score().tempoMap().microsPerQuarterAt(ppq * 9), 375000);  // 160 BPM
    EXPECT_NEAR(doc.score().durationSeconds(), before / 2, 1e-3);
    EXPECT_EQ(uitest::notesOf(doc.score()), notes);  // ticks untouched
    EXPECT_EQ(box.value(), 160);

    doc.undoStack()->undo();
    EXPECT_EQ(doc.score().tempoMap().microsPerQuarterAt(0), 600000);
    EXPECT_NEAR(doc.score().durationSeconds(), before, 1e-9);
    EXPECT_EQ(box.value(), 80);
    doc.undoStack()->redo();
    EXPECT_EQ(doc.score().tempoMap().microsPerQuarterAt(ppq * 9), 375000);
}

TEST(TempoBox, APieceWithoutTempoEventsStartsFrom120) {
    ScoreDocument doc;
    Score s = uitest::demoScore();
    s.setTempoChanges({});
    doc.setScore(s, "no tempo");
    TempoBox box(&doc);
    EXPECT_EQ(box.value(), 120);
    box.setValue(60);
    EXPECT_EQ(doc.score().tempoMap().microsPerQuarterAt(0), 1'000'000);
}

TEST(TempoBox, IsInTheMainWindowsTransport) {
    MainWindow w;
    ASSERT_NE(w.tempoBox(), nullptr);
    EXPECT_FALSE(w.tempoBox()->isEnabled());  // nothing open yet
    w.document()->setScore(uitest::demoScore(), "x");
    EXPECT_TRUE(w.tempoBox()->isEnabled());
    EXPECT_FALSE(w.tempoBox()->statusTip().isEmpty());
}

}  // namespace nf
