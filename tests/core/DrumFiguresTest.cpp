// SPDX-License-Identifier: GPL-3.0-or-later
// The drum figures on patterns whose answers are known: a plain rock beat, a pattern that never repeats, empty
// beats, a one-bar loop against varied bars, and the longest passage copied from training patterns.
#include <gtest/gtest.h>

#include "drums/DrumFigures.h"

namespace nf {
namespace {

void set(DrumBar& bar, std::size_t step, DrumClass c, int bin = 2) {
    bar.steps.at(step)[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(1 + bin);
}

// Kick on 1 and 3, snare on 2 and 4, closed hat on every eighth.
DrumBar rockBar() {
    DrumBar b{4, 4, std::vector<DrumStep>(16, DrumStep{})};
    for (std::size_t s = 0; s < 16; s += 2) set(b, s, DrumClass::ClosedHat);
    set(b, 0, DrumClass::Kick);
    set(b, 8, DrumClass::Kick);
    set(b, 4, DrumClass::Snare);
    set(b, 12, DrumClass::Snare);
    return b;
}

DrumPattern repeated(const DrumBar& bar, int times) {
    DrumPattern p;
    p.bars.assign(static_cast<std::size_t>(times), bar);
    return p;
}

TEST(DrumFigures, APlainRockBeatIsAllBackboneAndHoldsItsGroove) {
    const DrumFigures f = measureDrums(repeated(rockBar(), 4));
    EXPECT_EQ(f.bars, 4u);
    EXPECT_EQ(f.hits, 4u * 12u);
    EXPECT_DOUBLE_EQ(f.hitsPerBar, 12.0);
    EXPECT_DOUBLE_EQ(f.emptyBeatRate, 0.0);
    EXPECT_DOUBLE_EQ(f.backbone, 1.0);
    EXPECT_DOUBLE_EQ(f.patternConsistency, 1.0);
    EXPECT_DOUBLE_EQ(f.grooveConsistency, 1.0);
    EXPECT_EQ(f.distinctPatterns, 1u);
    EXPECT_DOUBLE_EQ(f.distinctShare, 0.25);  // one bar looped
}

TEST(DrumFigures, KicksAndSnaresOffTheBackboneAndEmptyBeatsCount) {
    DrumBar odd{4, 4, std::vector<DrumStep>(16, DrumStep{})};
    set(odd, 4, DrumClass::Kick);   // kick on 2: off the backbone
    set(odd, 0, DrumClass::Snare);  // snare on 1: off
    set(odd, 12, DrumClass::Snare); // snare on 4: on
    const DrumFigures f = measureDrums(repeated(odd, 2));
    EXPECT_NEAR(f.backbone, 1.0 / 3.0, 1e-12);
    EXPECT_DOUBLE_EQ(f.emptyBeatRate, 0.25);  // beat 3 of each bar is silent
}

TEST(DrumFigures, BarsThatChangeLowerTheConsistencyAndRaiseDistinctPatterns) {
    DrumPattern p;
    for (int i = 0; i < 4; ++i) {
        DrumBar b{4, 4, std::vector<DrumStep>(16, DrumStep{})};
        set(b, static_cast<std::size_t>(i), DrumClass::Kick);  // a kick that moves each bar
        set(b, 8, DrumClass::Snare);                           // and a snare that stays
        p.bars.push_back(b);
    }
    const DrumFigures f = measureDrums(p);
    EXPECT_DOUBLE_EQ(f.patternConsistency, 0.5);          // of the two hits of bars 2-4, the snare repeats
    EXPECT_NEAR(f.grooveConsistency, 1.0 - 2.0 / 16.0, 1e-12);  // two steps differ between neighbours
    EXPECT_EQ(f.distinctPatterns, 4u);
    EXPECT_DOUBLE_EQ(f.distinctShare, 1.0);
    // Compound time: 6/8's beats are dotted quarters (6 sixteenths).
    DrumBar jig{6, 8, std::vector<DrumStep>(12, DrumStep{})};
    set(jig, 0, DrumClass::Kick);
    set(jig, 6, DrumClass::Snare);
    const DrumFigures j = measureDrums(repeated(jig, 2));
    EXPECT_DOUBLE_EQ(j.emptyBeatRate, 0.0);
    EXPECT_DOUBLE_EQ(j.backbone, 1.0);
}

TEST(DrumFigures, ManyPiecesCountEveryBarOnce) {
    const DrumFigures both = DrumFigures::of({repeated(rockBar(), 3), repeated(rockBar(), 1)});
    EXPECT_EQ(both.bars, 4u);
    EXPECT_EQ(both.distinctPatterns, 1u);
    EXPECT_DOUBLE_EQ(both.patternConsistency, 1.0);  // the second piece's one bar has no bar before it
}

TEST(DrumCopyIndex, FindsTheLongestRunOfBarsCopiedFromOneTrainingPiece) {
    DrumBar a = rockBar(), b = rockBar(), c = rockBar(), empty{4, 4, std::vector<DrumStep>(16, DrumStep{})};
    set(b, 14, DrumClass::Crash);
    set(c, 10, DrumClass::HighTom);
    DrumCopyIndex index;
    DrumPattern training;
    training.bars = {a, b, c, a};
    index.add(training);
    EXPECT_EQ(index.bars(), 4u);

    DrumPattern generated;
    generated.bars = {c, a, b, c, b};  // "a b c" appears in the training piece: three bars
    EXPECT_EQ(index.longestCopy(generated), 3);
    generated.bars = {empty, empty, empty};
    EXPECT_EQ(index.longestCopy(generated), 0) << "silence is copied from nobody";
    DrumBar fresh = rockBar();
    set(fresh, 3, DrumClass::Clap);
    generated.bars = {fresh, fresh};
    EXPECT_EQ(index.longestCopy(generated), 0);
}

}  // namespace
}  // namespace nf
