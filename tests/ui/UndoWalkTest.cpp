// SPDX-License-Identifier: GPL-3.0-or-later
// Every edit is an undo step: apply a long mixed sequence of edits, then walk back through every state and
// forward again comparing whole Scores.
#include <QApplication>
#include <QClipboard>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "UiTestUtil.h"
#include "commands/LambdaCommand.h"
#include "controllers/EditController.h"
#include "document/ScoreDocument.h"
#include "editing/NoteEdits.h"
#include "pianoroll/PianoRollView.h"

namespace nf {

namespace {

std::set<NoteId> firstNotes(const Score& s, std::size_t track, std::size_t count) {
    std::set<NoteId> ids;
    for (std::size_t i = 0; i < count && i < s.tracks.at(track).notes.size(); ++i)
        ids.insert(s.tracks[track].notes[i].id);
    return ids;
}

}  // namespace

TEST(UndoWalk, EveryStateComesBackExactly) {
    Score original = uitest::demoScore();
    ASSERT_GE(original.tracks.size(), 2u);
    ASSERT_GT(original.noteCount(), 50u);
    ScoreDocument doc;
    PianoRollView view;
    view.setDocument(&doc);
    doc.setScore(original, "test");
    EditController editor(&doc, &view);
    QUndoStack* undo = doc.undoStack();

    std::vector<Score> states{doc.score()};
    auto record = [&](const char* what) {
        ASSERT_EQ(undo->count(), static_cast<int>(states.size())) << "no single undo step for: " << what;
        ASSERT_FALSE(doc.score() == states.back()) << what << " changed nothing";
        states.push_back(doc.score());
    };
    const std::size_t t0 = 0;
    const std::size_t t1 = 1;
    auto sel = firstNotes(doc.score(), t0, 8);

    doc.pushNoteChanges("transpose", edits::transpose(doc.score(), sel, 3));
    record("transpose");
    doc.pushNoteChanges("move", edits::move(doc.score(), sel, 240, -5));
    record("move");
    doc.pushNoteChanges("resize", edits::resize(doc.score(), sel, 60, 1));
    record("resize");
    doc.pushNoteChanges("velocity", edits::setVelocity(doc.score(), sel, 33));
    record("velocity");
    SnapGrid grid(SnapGrid::Division::EighthTriplet);
    doc.pushNoteChanges("quantize", edits::quantize(doc.score(), firstNotes(doc.score(), t1, 20), grid, true));
    record("quantize");
    doc.pushNoteChanges("remove", edits::remove(doc.score(), firstNotes(doc.score(), t1, 5)));
    record("remove");
    Note n{doc.newNoteId(), 90, 100, 480 * 7, 240};
    doc.pushNoteChanges("insert", edits::insert(t1, {n}));
    record("insert");

    doc.setSelection(sel);
    editor.copy();
    view.setPlayhead(480 * 16);
    editor.paste();
    record("paste");
    editor.transpose(-12);
    record("octave down");
    doc.setSelection(firstNotes(doc.score(), t0, 3));
    editor.cut();
    record("cut");
    doc.setSelection(firstNotes(doc.score(), t1, 4));
    editor.deleteSelection();
    record("delete");
    const int before = doc.score().tracks[t1].program;
    doc.undoStack()->push(new LambdaCommand(
        "instrument",
        [&doc, t1] { doc.mutableScore().tracks[t1].program = 41, doc.notifyScoreChanged(); },
        [&doc, t1, before] { doc.mutableScore().tracks[t1].program = before, doc.notifyScoreChanged(); }));
    record("instrument");

    // Back through every state...
    for (int i = static_cast<int>(states.size()) - 1; i > 0; --i) {
        undo->undo();
        ASSERT_TRUE(doc.score() == states[static_cast<std::size_t>(i - 1)]) << "after undoing step " << i;
    }
    EXPECT_TRUE(doc.score() == original);
    // ...and forward again.
    for (std::size_t i = 1; i < states.size(); ++i) {
        undo->redo();
        ASSERT_TRUE(doc.score() == states[i]) << "after redoing step " << i;
    }
}

TEST(UndoWalk, OneGestureIsOneStepAndAReturnedGestureLeavesNone) {
    ScoreDocument doc;
    doc.setScore(uitest::demoScore(), "test");
    const Score original = doc.score();
    const auto ids = firstNotes(doc.score(), 0, 4);
    const qint64 key = doc.newMergeKey();
    for (int i = 0; i < 5; ++i) doc.pushNoteChanges("move", edits::move(doc.score(), ids, 10, 1), key);
    EXPECT_EQ(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    EXPECT_TRUE(doc.score() == original);
    doc.undoStack()->redo();

    const qint64 back = doc.newMergeKey();
    doc.pushNoteChanges("move", edits::move(doc.score(), ids, 30, 2), back);
    doc.pushNoteChanges("move", edits::move(doc.score(), ids, -30, -2), back);
    EXPECT_EQ(doc.undoStack()->count(), 1) << "a drag that ends where it began must not leave an undo step";
}

TEST(UndoWalk, ImpossibleEditsChangeNothing) {
    ScoreDocument doc;
    Score s(480);
    s.tracks.resize(1);
    s.addNote(0, Note{0, 125, 80, 0, 480});
    s.addNote(0, Note{0, 60, 80, 480, 480});
    doc.setScore(s, "edge");
    std::set<NoteId> all = {doc.score().tracks[0].notes[0].id, doc.score().tracks[0].notes[1].id};
    EXPECT_TRUE(edits::transpose(doc.score(), all, 3).empty());  // 125 + 3 leaves the MIDI range
    EXPECT_EQ(edits::transpose(doc.score(), all, 2).size(), 2u);
    // A group moved left stops at tick 0 and keeps its shape.
    auto moved = edits::move(doc.score(), all, -1000, 0);
    ASSERT_EQ(moved.size(), 0u);  // the earliest note is already at 0
    EXPECT_TRUE(edits::remove(doc.score(), {}).empty());
}

}  // namespace nf
