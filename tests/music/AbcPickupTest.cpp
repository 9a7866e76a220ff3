// SPDX-License-Identifier: GPL-3.0-or-later
// A tune's pickup becomes a bar of its own short meter, so that bar lines (and bar numbers) fall where the tune has
// them; the writer reads that back as the tune's meter with a short first bar.
#include <gtest/gtest.h>

#include "abc/AbcReader.h"
#include "abc/AbcWriter.h"
#include "music/BarGrid.h"

namespace nf {
namespace {

Score read(const std::string& text) {
    auto tunes = readAbcText(text, "pickup.abc");
    EXPECT_EQ(tunes.size(), 1u);
    EXPECT_FALSE(tunes.front().error) << tunes.front().error->what();
    return tunes.front().score.value_or(Score(480));
}

const char* kJig = "X:1\nT:Pickup\nM:6/8\nL:1/8\nK:D\nA|d2d fed|cBA A2:|\n";

TEST(AbcPickup, IsBarZeroOfItsOwnShortMeter) {
    const Score s = read(kJig);
    const int eighth = s.ppq() / 2;
    ASSERT_EQ(s.timeSignatures.size(), 2u);
    EXPECT_EQ(s.timeSignatures[0], (TimeSignature{0, 1, 8}));
    EXPECT_EQ(s.timeSignatures[1], (TimeSignature{eighth, 6, 8}));
    const auto bars = barLines(s, s.endTick());
    ASSERT_GE(bars.size(), 3u);
    EXPECT_EQ(bars[0].number, 0);
    EXPECT_EQ(bars[0].length, eighth);
    EXPECT_EQ(bars[1].number, 1);
    EXPECT_EQ(bars[1].start, eighth);
    EXPECT_EQ(bars[1].length, 6 * eighth);
}

TEST(AbcPickup, TunesThatStartOnTheBarLineKeepOneMeter) {
    const Score s = read("X:1\nM:4/4\nL:1/4\nK:C\nCDEF|GABc|\n");
    ASSERT_EQ(s.timeSignatures.size(), 1u);
    EXPECT_EQ(barLines(s, s.endTick()).front().number, 1);
    // A dotted-quarter pickup in 3/4 is 3/8.
    const Score w = read("X:2\nM:3/4\nL:1/8\nK:G\nD3|G2 B2 d2|g6|\n");
    ASSERT_EQ(w.timeSignatures.size(), 2u);
    EXPECT_EQ(w.timeSignatures[0], (TimeSignature{0, 3, 8}));
}

TEST(AbcPickup, WritesBackAsTheTunesMeterWithAShortFirstBar) {
    const Score s = read(kJig);
    const std::string text = writeAbc(s, 0);
    EXPECT_NE(text.find("M:6/8\n"), std::string::npos) << text;
    EXPECT_EQ(text.find("[M:"), std::string::npos) << text;
    const Score back = read(text);
    EXPECT_EQ(back.timeSignatures, s.timeSignatures);
    ASSERT_EQ(back.tracks.size(), 1u);
    ASSERT_EQ(back.tracks[0].notes.size(), s.tracks[0].notes.size());
    for (std::size_t i = 0; i < s.tracks[0].notes.size(); ++i) {
        EXPECT_EQ(back.tracks[0].notes[i].pitch, s.tracks[0].notes[i].pitch);
        EXPECT_EQ(back.tracks[0].notes[i].start, s.tracks[0].notes[i].start);
    }
}

}  // namespace
}  // namespace nf
