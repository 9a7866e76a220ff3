// SPDX-License-Identifier: GPL-3.0-or-later
// newPieceLike(): the meter and tempo a new piece is asked for when its texture is compared with a held-out
// piece's (evaluate-infill's structure figure). Before it, every new piece was asked for 120 bpm, so a remi model
// trained on the demo data wrote a 120 bpm folk tune's single line where the held-out piece was a 90 bpm piano piece.
#include <gtest/gtest.h>

#include "evaluation/NewPieceLike.h"
#include "remi/RemiVocabulary.h"

namespace nf {

namespace {

int micros(double bpm) { return static_cast<int>(60'000'000.0 / bpm); }

}  // namespace

TEST(NewPieceLike, TakesTheMeterAndTempoOfTheLastBar) {
    Score s(480);
    // A 3/4 waltz at 90 bpm that turns into 6/8 at 100 bpm from its fifth bar (tick 4 x 1440).
    s.timeSignatures = {TimeSignature{0, 3, 4}, TimeSignature{5760, 6, 8}};
    s.setTempoChanges({TempoChange{0, micros(90)}, TempoChange{5760, micros(100)}});
    Track t;
    t.notes.push_back({1, 60, 80, 0, 480});
    t.notes.push_back({2, 64, 80, 5760 + 1440 * 2, 480});
    s.tracks = {t};
    const NewPieceShape shape = newPieceLike(s);
    EXPECT_EQ(shape.numerator, 6);
    EXPECT_EQ(shape.denominator, 8);
    EXPECT_NEAR(shape.bpm, 100.0, 1e-3);
}

TEST(NewPieceLike, APieceWithOneTempoAndMeterGivesThem) {
    Score s(480);
    s.timeSignatures = {TimeSignature{0, 4, 4}};
    s.setTempoChanges({TempoChange{0, micros(90)}});
    Track t;
    for (int i = 0; i < 8; ++i) t.notes.push_back({static_cast<NoteId>(i + 1), 60 + i, 80, 960 * i, 480});
    s.tracks = {t};
    const NewPieceShape shape = newPieceLike(s);
    EXPECT_EQ(shape.numerator, 4);
    EXPECT_EQ(shape.denominator, 4);
    EXPECT_NEAR(shape.bpm, 90.0, 1e-3);
}

TEST(NewPieceLike, AMeterRemiCannotWriteIsAskedForAsTheOneItWritesInstead) {
    Score s(480);
    s.timeSignatures = {TimeSignature{0, 7, 32}};
    Track t;
    t.notes.push_back({1, 60, 80, 0, 120});
    s.tracks = {t};
    const NewPieceShape shape = newPieceLike(s);
    const auto expected = remi::vocabularyMeter(7, 32);
    EXPECT_EQ(shape.numerator, expected.numerator);
    EXPECT_EQ(shape.denominator, expected.denominator);
    EXPECT_NE(shape.denominator, 32);
}

}  // namespace nf
