// SPDX-License-Identifier: GPL-3.0-or-later
// resolveEqualNoteOverlaps(): what a model writes must survive a MIDI file, and only the model's notes give way.
#include <gtest/gtest.h>

#include "generation/EqualNoteOverlaps.h"

namespace nf {

namespace {
Note note(NoteId id, int pitch, Tick start, Tick duration, int velocity = 80) { return {id, pitch, velocity, start, duration}; }
}  // namespace

TEST(EqualNoteOverlaps, GeneratedNotesAtOnceKeepTheLoudestAndOverlapsEndWhereTheNextStarts) {
    Track t;
    t.notes = {note(1, 42, 0, 96, 40), note(2, 42, 0, 96, 90), note(3, 42, 0, 96, 60),  // three hats at once
               note(4, 38, 0, 480), note(5, 38, 240, 480)};                              // a snare sounding into the next
    const auto dropped = resolveEqualNoteOverlaps(t, {1, 2, 3, 4, 5});
    EXPECT_EQ(dropped, (std::vector<NoteId>{1, 3}));
    ASSERT_EQ(t.notes.size(), 3u);
    for (const Note& n : t.notes)
        if (n.id == 4) {
            EXPECT_EQ(n.end(), 240);
        }
}

TEST(EqualNoteOverlaps, TheMusiciansOwnNotesStayAsTheyAre) {
    Track t;
    t.notes = {note(1, 60, 0, 960), note(2, 60, 480, 240), note(3, 62, 0, 480), note(4, 62, 240, 960),
               note(5, 64, 0, 480), note(6, 64, 0, 480)};
    // 2 (generated) starts under 1 (the musician's): dropped. 3 (generated) sounds into 4 (the musician's):
    // shortened. 5 and 6 are both the musician's: nothing the model may change.
    const auto dropped = resolveEqualNoteOverlaps(t, {2, 3});
    EXPECT_EQ(dropped, (std::vector<NoteId>{2}));
    for (const Note& n : t.notes) {
        if (n.id == 1) {
            EXPECT_EQ(n.duration, 960);
        }
        if (n.id == 3) {
            EXPECT_EQ(n.duration, 240);
        }
        if (n.id == 4) {
            EXPECT_EQ(n.duration, 960);
        }
    }
    EXPECT_EQ(t.notes.size(), 5u);
}

}  // namespace nf
