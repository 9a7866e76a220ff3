// SPDX-License-Identifier: GPL-3.0-or-later
// adoptNoteIds(): a score read back from a file names the notes of the piece it came from again, so a candidate
// kept in a project changes exactly what the model changed.
#include <gtest/gtest.h>

#include "music/NoteIdentity.h"

namespace nf {

TEST(NoteIdentity, EqualNotesTakeTheReferenceIdsAndOthersGetNewOnes) {
    Score reference;
    reference.tracks.resize(2);
    reference.tracks[0].notes = {{7, 60, 80, 0, 480}, {9, 62, 80, 480, 480}, {11, 62, 80, 480, 480}};
    reference.tracks[1].notes = {{20, 36, 100, 0, 120}};
    Score read;
    read.tracks.resize(3);
    // Ids as a file reader gives them: 1, 2, 3, ...
    read.tracks[0].notes = {{1, 60, 80, 0, 480}, {2, 62, 80, 480, 480}, {3, 64, 80, 960, 480}, {4, 62, 80, 480, 480}};
    read.tracks[1].notes = {{5, 60, 80, 0, 480}};  // the same as a note of track 0, but on another track
    read.tracks[2].notes = {{6, 36, 100, 0, 120}};
    NoteId fresh = 500;
    adoptNoteIds(reference, read, [&fresh] { return fresh++; });
    EXPECT_EQ(read.tracks[0].notes[0].id, 7u);
    // Two equal notes (a doubled note) take the two reference ids, each once.
    EXPECT_NE(read.tracks[0].notes[1].id, read.tracks[0].notes[3].id);
    EXPECT_TRUE((read.tracks[0].notes[1].id == 9 && read.tracks[0].notes[3].id == 11) ||
                (read.tracks[0].notes[1].id == 11 && read.tracks[0].notes[3].id == 9));
    EXPECT_EQ(read.tracks[0].notes[2].id, 500u) << "a new note gets the next fresh id";
    EXPECT_EQ(read.tracks[1].notes[0].id, 501u) << "only the same track matches";
    EXPECT_EQ(read.tracks[2].notes[0].id, 502u);
    EXPECT_NE(read.tracks[1].notes[0].id, read.tracks[2].notes[0].id);
}

}  // namespace nf
