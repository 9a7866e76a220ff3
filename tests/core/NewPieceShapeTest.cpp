// SPDX-License-Identifier: GPL-3.0-or-later
// newPieceLike(): the meter and main tempo a new piece is asked for when its texture is compared with a held-out
// piece's (evaluate-infill's structure figure). Before it, every new piece was asked for 120 bpm, so a remi model
// trained on the demo data wrote a 120 bpm folk tune's single line where the held-out piece was a 90 bpm piano piece.
#include <gtest/gtest.h>

#include "evaluation/NewPieceShape.h"
#include "remi/RemiVocabulary.h"

namespace nf {

namespace {

int micros(double bpm) { return static_cast<int>(60'000'000.0 / bpm); }

}  // namespace

TEST(NewPieceShape, TakesTheMeterOfTheLastBarAndTheTempoOfMostOfThePiece) {
    Score s(480);
    // A 3/4 waltz at 90 bpm for four bars that turns into 6/8 at 100 bpm for its last two (tick 4 x 1440).
    s.timeSignatures = {TimeSignature{0, 3, 4}, TimeSignature{5760, 6, 8}};
    s.setTempoChanges({TempoChange{0, micros(90)}, TempoChange{5760, micros(100)}});
    Track t;
    t.notes.push_back({1, 60, 80, 0, 480});
    t.notes.push_back({2, 64, 80, 5760 + 1440 * 2 - 480, 480});
    s.tracks = {t};
    const NewPieceShape shape = newPieceLike(s);
    EXPECT_EQ(shape.numerator, 6);
    EXPECT_EQ(shape.denominator, 8);
    EXPECT_NEAR(shape.bpm, 90.0, 1e-3) << "four bars at 90 against two at 100";
}

TEST(NewPieceShape, AClosingRitardandoIsNotThePiecesTempo) {
    // Eight 4/4 bars at 87 bpm, the last two slowing to 77 (as a demo piano piece does), and a tempo 120 restated
    // for a moment at the start is no more the piece's tempo than the ritardando.
    Score s(480);
    s.timeSignatures = {TimeSignature{0, 4, 4}};
    s.setTempoChanges({TempoChange{0, micros(120)}, TempoChange{240, micros(87)}, TempoChange{6 * 1920, micros(77)}});
    Track t;
    for (int i = 0; i < 16; ++i) t.notes.push_back({static_cast<NoteId>(i + 1), 60 + i % 12, 80, 960 * i, 480});
    s.tracks = {t};
    EXPECT_NEAR(newPieceLike(s).bpm, 87.0, 1e-2);
    // Equal shares: the earlier tempo.
    s.setTempoChanges({TempoChange{0, micros(100)}, TempoChange{4 * 1920, micros(80)}});
    EXPECT_NEAR(newPieceLike(s).bpm, 100.0, 1e-2);
    // No tempo at all: MIDI's 120.
    s.setTempoChanges({});
    EXPECT_NEAR(newPieceLike(s).bpm, 120.0, 1e-2);
}

TEST(NewPieceShape, APieceWithOneTempoAndMeterGivesThem) {
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

TEST(NewPieceShape, AMeterRemiCannotWriteIsAskedForAsTheOneItWritesInstead) {
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
