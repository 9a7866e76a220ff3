// SPDX-License-Identifier: GPL-3.0-or-later
// measureSpan(): where the studio's steering controls start when bars are selected. Hand-made scores whose
// figures are known: notes per bar, the most notes at once, the range, the mean length and the key.
#include <gtest/gtest.h>

#include "evaluation/SpanMetrics.h"
#include "generation/SpanControls.h"

namespace nf {

namespace {

// Two 4/4 bars at 480 ppq: bar 1 a C major arpeggio of quarter notes, bar 2 a held C major triad (three at once)
// and, on a drum track, four kicks.
Score twoBars() {
    Score s;
    Track melody;
    NoteId id = 1;
    for (int i = 0; i < 4; ++i) melody.notes.push_back({id++, std::array{60, 64, 67, 72}[i], 80, 480 * i, 480});
    for (int pitch : {60, 64, 67}) melody.notes.push_back({id++, pitch, 80, 1920, 1920});
    Track drums;
    drums.isDrum = true;
    drums.channel = 9;
    for (int i = 0; i < 4; ++i) drums.notes.push_back({id++, 36, 100, 1920 + 480 * i, 120});
    s.tracks = {melody, drums};
    return s;
}

}  // namespace

TEST(SpanControls, MeasuresTheSelectedBarsOfTheSelectedTracks) {
    const Score s = twoBars();
    const SpanControlValues first = measureSpan(s, 0, 1920, 1, {0});
    EXPECT_EQ(first.density, 4);
    EXPECT_EQ(first.polyphony, 1) << "legato quarters never overlap";
    EXPECT_EQ(first.lowest, 60);
    EXPECT_EQ(first.highest, 72);
    EXPECT_DOUBLE_EQ(first.noteBeats, 1.0);
    EXPECT_EQ(first.notes, 4);

    const SpanControlValues second = measureSpan(s, 1920, 3840, 1, {0, 1});
    EXPECT_EQ(second.density, 7) << "three chord notes and four kicks start in bar 2";
    EXPECT_EQ(second.polyphony, 3);
    EXPECT_EQ(second.highest, 67) << "drum keys are not pitches";
    EXPECT_DOUBLE_EQ(second.noteBeats, 4.0);

    const SpanControlValues both = measureSpan(s, 0, 3840, 2, {0});
    EXPECT_EQ(both.density, 4) << "7 notes over 2 bars, rounded";
}

TEST(SpanControls, TheKeyComesFromTheWholePieceAndAnEmptySpanGivesNeutralValues) {
    const Score s = twoBars();
    const SpanControlValues empty = measureSpan(s, 3840, 5760, 1, {0});
    EXPECT_EQ(empty.notes, 0);
    EXPECT_EQ(empty.density, 0);
    ASSERT_TRUE(empty.key.has_value());
    EXPECT_EQ(empty.key->name, "C major");
    EXPECT_FALSE(estimateScale(Score{}).has_value());
}

// barPatterns(): a part looping one bar has one pattern; a changed bar makes a second.
TEST(SpanControls, BarPatternsCountsDistinctBarsOfATrack) {
    Score s = twoBars();
    const BarPatterns melody = barPatterns(s, 0);
    EXPECT_EQ(melody.bars, 2);
    EXPECT_EQ(melody.distinct, 2);
    Track& drums = s.tracks[1];
    for (int i = 0; i < 4; ++i) drums.notes.push_back({100u + static_cast<NoteId>(i), 36, 100, 3840 + 480 * i, 120});
    BarPatterns loop = barPatterns(s, 1);
    EXPECT_EQ(loop.bars, 2);
    EXPECT_EQ(loop.distinct, 1) << "the same four kicks twice";
    drums.notes.back().pitch = 38;  // a snare on the last beat of bar 3
    loop = barPatterns(s, 1);
    EXPECT_EQ(loop.distinct, 2);
    EXPECT_EQ(barPatterns(s, 7).bars, 0);
}

// "More of the same": a one-note passage is widened to an octave, within the keyboard; an empty one asks nothing.
TEST(SpanControls, ControlsLikeAPassageWidenItsRangeToAnOctave) {
    EXPECT_EQ(widenToOctave(60, 60), (std::pair<int, int>{54, 66}));
    EXPECT_EQ(widenToOctave(1, 3), (std::pair<int, int>{0, 12}));
    EXPECT_EQ(widenToOctave(127, 127), (std::pair<int, int>{115, 127}));
    EXPECT_EQ(widenToOctave(40, 70), (std::pair<int, int>{40, 70})) << "wide enough already";
    EXPECT_EQ(widenToOctave(66, 54), (std::pair<int, int>{54, 66})) << "given the wrong way round";
    EXPECT_EQ(widenToOctave(-5, 200), (std::pair<int, int>{0, 127})) << "kept on the keyboard";
    SpanControlValues v;
    v.notes = 8;
    v.density = 4;
    v.polyphony = 2;
    v.lowest = 62;
    v.highest = 64;
    v.noteBeats = 0.5;
    v.key = parseScale("D major");
    SteeringControls c = controlsLike(v, false);
    EXPECT_EQ(c.density, 4);
    EXPECT_EQ(c.polyphony, 2);
    EXPECT_EQ(c.lowest, 57);
    EXPECT_EQ(c.highest, 69);
    EXPECT_EQ(c.noteBeats, 0.5);
    EXPECT_FALSE(c.scale);
    c = controlsLike(v, true);
    ASSERT_TRUE(c.scale);
    EXPECT_EQ(c.scale->name, "D major");
    // A drum part (hits, no pitched note): its density only; silent bars: the key lock alone when asked for.
    v.notes = 0;
    c = controlsLike(v, false);
    EXPECT_EQ(c.density, 4);
    EXPECT_FALSE(c.polyphony || c.lowest || c.highest || c.noteBeats || c.scale);
    v.density = 0;
    EXPECT_FALSE(controlsLike(v, false).any());
    c = controlsLike(v, true);
    ASSERT_TRUE(c.scale);
    EXPECT_FALSE(c.density);
}

// The piece's own notes as a lock: a G mixolydian tune (F natural, no F#) locks to G A B C D E F, which a G major
// lock would not allow; a stray note below the share is left out; the key token's tonic is the estimate's.
TEST(SpanControls, ThePiecesOwnNotesAreALockThatKeepsItsMode) {
    Score s;
    Track tune;
    NoteId id = 1;
    Tick at = 0;
    for (int round = 0; round < 8; ++round)
        for (int pitch : {67, 71, 74, 72, 69, 65, 64, 67, 62, 67})  // G B D C A F E G D G
            tune.notes.push_back({id++, pitch, 80, at += 240, 240});
    tune.notes.push_back({id++, 66, 80, at += 240, 240});  // one F#: 1 of 81 notes
    Track chords;
    chords.notes.push_back({id++, 61, 80, 0, 960});  // another track's C# is not the tune's
    s.tracks = {tune, chords};
    const auto lock = pieceNotesScale(s, {0});
    ASSERT_TRUE(lock.has_value());
    for (int pc : {7, 9, 11, 0, 2, 4, 5}) EXPECT_TRUE(lock->pitchClasses[static_cast<std::size_t>(pc)]) << pc;
    for (int pc : {6, 1, 3, 8, 10}) EXPECT_FALSE(lock->pitchClasses[static_cast<std::size_t>(pc)]) << pc;
    EXPECT_EQ(lock->tonic, estimateScale(s)->tonic);
    EXPECT_NE(lock->name.find("G"), std::string::npos) << lock->name;
    // Every note counts with a lower share; a track with too few notes of its own takes the whole piece's.
    EXPECT_TRUE(pieceNotesScale(s, {0}, 0.0)->pitchClasses[6]);
    EXPECT_FALSE(pieceNotesScale(s, {1})->pitchClasses[1]) << "the lone chord note is under 2% of the piece's notes";
    EXPECT_TRUE(pieceNotesScale(s, {1})->pitchClasses[5]) << "the tune's F counts for the chord track";
    EXPECT_FALSE(pieceNotesScale(Score{}, {0}).has_value());
}

}  // namespace nf
