// SPDX-License-Identifier: GPL-3.0-or-later
// onsetsAround(): the rhythm "keep the rhythm" locks a passage to -- where the music around it starts notes, on
// the grid the remi encoder writes. A hand-made piece whose bars each start notes at their own places, so every
// answer names the bars it came from.
#include <gtest/gtest.h>

#include <array>

#include "generation/OnsetsAround.h"
#include "remi/RemiTokenizer.h"

namespace nf {

namespace {

constexpr Tick kBar = 1920;    // 4/4 at 480 ppq: 48 grid units a bar, 12 a beat
constexpr Tick kUnit = 40;     // one grid unit in ticks
constexpr std::array<int, 6> kSecond{3, 4, 6, 8, 9, 15};  // each bar's own second onset, all on the grid

RemiTokenizer tokenizer() {
    TokenizerSettings s;
    s.kind = TokenizerKind::Remi;
    return RemiTokenizer(s);  // sixteenths and eighth triplets
}

// Six bars; in bar b (index) track 0 starts a note on beat 1 and one on grid unit kSecond[b]; track 1 plays only in
// bars 2-3 (indices), on the "and" of beat 4 (42).
Score piece() {
    Score s;
    Track melody, bass;
    NoteId id = 1;
    for (std::size_t b = 0; b < 6; ++b) {
        const Tick bar = static_cast<Tick>(b) * kBar;
        melody.notes.push_back({id++, 72, 80, bar, 20});
        melody.notes.push_back({id++, 74, 80, bar + kSecond[b] * kUnit, 20});
    }
    for (Tick b = 2; b < 4; ++b) bass.notes.push_back({id++, 40, 80, b * kBar + 42 * kUnit, 200});
    s.tracks = {melody, bass};
    return s;
}

using Units = std::vector<int>;

}  // namespace

TEST(OnsetsAround, TheSameTracksBarsEitherSideAsManyAsThePassageHas) {
    const Score s = piece();
    const auto bars = barLines(s, s.endTick());
    ASSERT_EQ(bars.size(), 6u);
    const RemiTokenizer t = tokenizer();
    // Bars 3-4 (indices 2-3): bars 1-2 before, 5-6 after; never the passage's own onsets (6, 8).
    EXPECT_EQ(onsetsAround(t, s, bars, 2, 3, {0}), (Units{0, 3, 4, 9, 15}));
    // Without the bars after (a continuation replaces them).
    EXPECT_EQ(onsetsAround(t, s, bars, 2, 3, {0}, false), (Units{0, 3, 4}));
    // One bar: one bar each side.
    EXPECT_EQ(onsetsAround(t, s, bars, 1, 1, {0}), (Units{0, 3, 6}));
    // At the piece's edges: only the side that is there.
    EXPECT_EQ(onsetsAround(t, s, bars, 0, 0, {0}), (Units{0, 4}));
    EXPECT_EQ(onsetsAround(t, s, bars, 5, 5, {0}), (Units{0, 9}));
    // The bass is silent around bars 3-4: there the melody's bars around and in the passage lead, and the bass's own.
    EXPECT_EQ(onsetsAround(t, s, bars, 2, 3, {1}), (Units{0, 3, 4, 6, 8, 9, 15}));
}

TEST(OnsetsAround, AContinuationLooksBackAsFarAsItGoesOnEvenPastThePiecesEnd) {
    const Score s = piece();
    const auto bars = barLines(s, s.endTick());
    // Eight bars from the last one: the eight before it (all five there are), not one.
    EXPECT_EQ(onsetsAround(tokenizer(), s, bars, 5, 12, {0, 1}, false), (Units{0, 3, 4, 6, 8, 9, 42}));
}

TEST(OnsetsAround, OnsetsAreSnappedAsTheEncoderSnapsThem) {
    Score s;
    Track t;
    t.notes.push_back({1, 60, 80, 2 * kUnit, 20});                // unit 2: the sixteenth at 3
    t.notes.push_back({2, 62, 80, 47 * kUnit, 20});               // unit 47: onto the next bar line, bar 2's start
    t.notes.push_back({3, 64, 80, 2 * kBar + 24 * kUnit, 20});   // bar 3, beat 3
    s.tracks = {t};
    const auto bars = barLines(s, s.endTick());
    ASSERT_EQ(bars.size(), 3u);
    // Around bar 2: bar 1 (the snapped 3; its last note belongs to bar 2, the passage) and bar 3.
    EXPECT_EQ(onsetsAround(tokenizer(), s, bars, 1, 1, {0}), (Units{3, 24}));
}

TEST(OnsetsAround, ANewPartPlaysWithTheBandAndNothingAroundGivesNoLock) {
    const Score s = piece();
    const auto bars = barLines(s, s.endTick());
    const RemiTokenizer t = tokenizer();
    // A track index past the piece's tracks (a part being added): every track over the bars asked for.
    EXPECT_EQ(onsetsAround(t, s, bars, 0, 5, {2}), (Units{0, 3, 4, 6, 8, 9, 15, 42}));
    Score lone;
    lone.tracks.resize(1);
    lone.tracks[0].notes.push_back({1, 60, 80, 0, 100});
    const auto one = barLines(lone, lone.endTick());
    EXPECT_TRUE(onsetsAround(t, lone, one, 0, 0, {0}).empty()) << "no bar around, no other track";
    EXPECT_TRUE(onsetsAround(t, s, bars, 7, 8, {0}).empty()) << "bars past the piece";
}

}  // namespace nf
