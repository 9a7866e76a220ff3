// SPDX-License-Identifier: GPL-3.0-or-later
// onsetsAround(): the rhythm "keep the rhythm" locks a passage to -- where the music around it starts notes. A
// hand-made piece whose bars each start notes at their own places, so every answer names the bars it came from.
#include <gtest/gtest.h>

#include "generation/OnsetsAround.h"

namespace nf {

namespace {

constexpr Tick kBar = 1920;  // 4/4 at 480 ppq: 48 grid units a bar, 12 a beat

// Six bars; in bar b (index) track 0 starts a note on beat 1 and on grid unit 2 + b (a sixteenth is 3 units, so
// each bar's second onset is its own); track 1 plays only in bars 2-3, on the "and" of beat 4 (42).
Score piece() {
    Score s;
    Track melody, bass;
    NoteId id = 1;
    for (Tick b = 0; b < 6; ++b) {
        melody.notes.push_back({id++, 72, 80, b * kBar, 20});
        melody.notes.push_back({id++, 74, 80, b * kBar + (2 + b) * 40, 20});  // 40 ticks = 1 unit at 480 ppq
    }
    for (Tick b = 2; b < 4; ++b) bass.notes.push_back({id++, 40, 80, b * kBar + 42 * 40, 200});
    s.tracks = {melody, bass};
    return s;
}

}  // namespace

TEST(OnsetsAround, TheSameTracksBarsEitherSideAsManyAsThePassageHas) {
    const Score s = piece();
    const auto bars = barLines(s, s.endTick());
    ASSERT_EQ(bars.size(), 6u);
    // Bars 3-4 (indices 2-3): bars 1-2 before, 5-6 after; never the passage's own onsets (4, 5).
    EXPECT_EQ(onsetsAround(s, bars, 2, 3, {0}), (std::vector<int>{0, 2, 3, 6, 7}));
    // Without the bars after (a continuation replaces them).
    EXPECT_EQ(onsetsAround(s, bars, 2, 3, {0}, false), (std::vector<int>{0, 2, 3}));
    // One bar: one bar each side.
    EXPECT_EQ(onsetsAround(s, bars, 1, 1, {0}), (std::vector<int>{0, 2, 4}));
    // At the piece's edges: only the side that is there.
    EXPECT_EQ(onsetsAround(s, bars, 0, 0, {0}), (std::vector<int>{0, 3}));
    EXPECT_EQ(onsetsAround(s, bars, 5, 5, {0}), (std::vector<int>{0, 6}));
    // The bass is silent around bars 3-4: there the melody's bars around and in the passage lead.
    EXPECT_EQ(onsetsAround(s, bars, 2, 3, {1}), (std::vector<int>{0, 2, 3, 4, 5, 6, 7}));
}

TEST(OnsetsAround, ANewPartPlaysWithTheBandAndNothingAroundGivesNoLock) {
    const Score s = piece();
    const auto bars = barLines(s, s.endTick());
    // A track index past the piece's tracks (a part being added): every track over the bars asked for.
    EXPECT_EQ(onsetsAround(s, bars, 0, 5, {2}), (std::vector<int>{0, 2, 3, 4, 5, 6, 7, 42}));
    Score lone;
    lone.tracks.resize(1);
    lone.tracks[0].notes.push_back({1, 60, 80, 0, 100});
    const auto one = barLines(lone, lone.endTick());
    EXPECT_TRUE(onsetsAround(lone, one, 0, 0, {0}).empty()) << "no bar around, no other track";
    EXPECT_TRUE(onsetsAround(s, bars, 7, 8, {0}).empty()) << "bars past the piece";
}

}  // namespace nf
