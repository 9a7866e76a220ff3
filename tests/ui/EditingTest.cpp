// SPDX-License-Identifier: GPL-3.0-or-later
#include <QApplication>
#include <QClipboard>
#include <QMimeData>

#include <gtest/gtest.h>

#include "UiTestUtil.h"
#include "controllers/EditController.h"
#include "document/ScoreDocument.h"
#include "editing/NoteClipboard.h"
#include "editing/NoteEdits.h"
#include "editing/TrackMerge.h"
#include "pianoroll/PianoRollView.h"

namespace nf {

TEST(NoteClipboard, RoundTripsAndRescales) {
    std::vector<Note> notes = {{7, 60, 90, 960, 240}, {8, 64, 20, 1200, 480}};
    const std::string text = NoteClipboard::serialize(notes, 480);
    auto back = NoteClipboard::parse(text, 480);
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].start, 0);  // offsets from the first onset
    EXPECT_EQ(back[1].start, 240);
    EXPECT_EQ(back[1].duration, 480);
    EXPECT_EQ(back[1].velocity, 20);
    EXPECT_EQ(back[0].id, 0u);
    auto scaled = NoteClipboard::parse(text, 96);
    EXPECT_EQ(scaled[1].start, 48);
    EXPECT_EQ(scaled[1].duration, 96);
    EXPECT_TRUE(NoteClipboard::parse("hello", 480).empty());
    EXPECT_TRUE(NoteClipboard::parse("noteforge-notes 1 ppq 480\n200 1 0 10\n", 480).empty());
}

// Ctrl+A selects the notes of every track; Select All in Track (Ctrl+Alt+A) only the active track's.
TEST(EditController, SelectAllCoversEveryTrackAndSelectTrackOne) {
    Score s(480);
    s.tracks.resize(2);
    s.addNote(0, Note{0, 60, 80, 0, 240});
    s.addNote(1, Note{0, 40, 80, 0, 480});
    s.addNote(1, Note{0, 43, 80, 480, 480});
    ScoreDocument doc;
    doc.setScore(s, "two tracks");
    PianoRollView view;
    view.setDocument(&doc);
    EditController ed(&doc, &view);
    ed.selectAll();
    EXPECT_EQ(doc.selection().size(), 3u);
    doc.setActiveTrack(1);
    ed.selectTrack();
    EXPECT_EQ(doc.selection().size(), 2u);
    for (const auto& [track, n] : doc.selectedNotes()) EXPECT_EQ(track, 1u);
}

TEST(EditController, CopyPasteQuantizeAndTranspose) {
    Score s(480);
    s.tracks.resize(1);
    s.addNote(0, Note{0, 60, 80, 10, 230});
    s.addNote(0, Note{0, 62, 80, 250, 200});
    ScoreDocument doc;
    doc.setScore(s, "e");
    PianoRollView view;
    view.setDocument(&doc);
    EditController ed(&doc, &view);
    doc.selectAll();

    view.setGridDivision(SnapGrid::Division::Eighth);
    ed.quantize();
    EXPECT_EQ(doc.score().tracks[0].notes[0].start, 0);
    EXPECT_EQ(doc.score().tracks[0].notes[0].duration, 240);
    EXPECT_EQ(doc.score().tracks[0].notes[1].start, 240);

    ed.copy();
    view.setPlayhead(1930);  // pasted at the grid line before it
    ed.paste();
    ASSERT_EQ(doc.score().tracks[0].notes.size(), 4u);
    EXPECT_EQ(doc.score().tracks[0].notes[2].start, 1920);
    EXPECT_EQ(doc.score().tracks[0].notes[3].start, 2160);
    EXPECT_EQ(doc.selection().size(), 2u);  // the pasted notes
    EXPECT_NE(doc.score().tracks[0].notes[2].id, doc.score().tracks[0].notes[0].id);

    ed.transpose(12);
    EXPECT_EQ(doc.score().tracks[0].notes[2].pitch, 72);
    EXPECT_EQ(doc.score().tracks[0].notes[0].pitch, 60);
    EXPECT_EQ(doc.undoStack()->count(), 3);
}

}  // namespace nf

namespace nf {

TEST(TrackMerge, AddsTracksOnFreeChannelsAsOneUndoStep) {
    Score melody(480);
    melody.tracks.resize(1);
    melody.tracks[0].channel = 0;
    melody.addNote(0, Note{0, 72, 90, 0, 480});
    Score drums(96);  // another resolution: rescaled on the way in
    drums.tracks.resize(2);
    drums.tracks[0].isDrum = true;
    drums.tracks[0].channel = 9;
    drums.tracks[1].channel = 0;  // clashes with the melody's channel
    drums.addNote(0, Note{0, 36, 100, 96, 48});
    drums.addNote(1, Note{0, 48, 70, 0, 96});
    ScoreDocument doc;
    doc.setScore(melody, "song");
    doc.pushScoreSnapshot("merge", mergeTracks(doc.score(), drums));
    const Score& s = doc.score();
    ASSERT_EQ(s.tracks.size(), 3u);
    EXPECT_EQ(s.tracks[1].channel, 9);
    EXPECT_TRUE(s.tracks[1].isDrum);
    EXPECT_NE(s.tracks[2].channel, 0);
    EXPECT_NE(s.tracks[2].channel, 9);
    EXPECT_EQ(s.tracks[1].notes[0].start, 480);  // one beat at 96 ppq = 480 ticks at 480
    EXPECT_EQ(s.tracks[1].notes[0].duration, 240);
    std::set<NoteId> ids;
    for (const Track& t : s.tracks)
        for (const Note& n : t.notes) EXPECT_TRUE(ids.insert(n.id).second) << "note ids must stay unique";
    doc.undoStack()->undo();
    EXPECT_EQ(doc.score().tracks.size(), 1u);
    doc.undoStack()->redo();
    EXPECT_EQ(doc.score().tracks.size(), 3u);
}

}  // namespace nf
