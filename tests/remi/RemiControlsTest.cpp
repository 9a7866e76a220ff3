// SPDX-License-Identifier: GPL-3.0-or-later
// The attribute controls measured on crafted bars, the scale names, and the exact tokens of a small score.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "music/Scale.h"
#include "remi/BarControls.h"
#include "remi/RemiTokenizer.h"
#include "remi/RemiVocabulary.h"

namespace nf {
namespace {

using remi::GridNote;

TEST(RemiControls, FourQuarterNotesOfAScale) {
    const std::vector<GridNote> bar{{0, 60, 80, 12}, {12, 64, 80, 12}, {24, 67, 80, 12}, {36, 72, 80, 12}};
    const auto c = remi::measureControls(bar, 48);
    EXPECT_EQ(c.density, 3);    // 3-4 notes
    EXPECT_EQ(c.polyphony, 0);  // one at a time
    EXPECT_EQ(c.low, 5);        // C4 is in octave bin 5
    EXPECT_EQ(c.high, 6);       // C5
    EXPECT_EQ(c.length, 2);     // a beat each
}

TEST(RemiControls, ASustainedTriadAndRunsOfSixteenths) {
    const std::vector<GridNote> triad{{0, 60, 80, 48}, {0, 64, 80, 48}, {0, 67, 80, 48}};
    const auto c = remi::measureControls(triad, 48);
    EXPECT_EQ(c.density, 3);
    EXPECT_EQ(c.polyphony, 3);  // three at once: 2.5 <= 3 < 3.5
    EXPECT_EQ(c.length, 4);     // four beats: 2.8 <= 4 < 5.6
    EXPECT_EQ(remi::maxPolyphony(triad, 48), 3);

    std::vector<GridNote> run;
    for (int i = 0; i < 16; ++i) run.push_back({i * 3, 72 + (i % 5), 90, 3});
    const auto r = remi::measureControls(run, 48);
    EXPECT_EQ(r.density, 7);  // 14-19 notes
    EXPECT_EQ(r.polyphony, 0);
    EXPECT_EQ(r.length, 0);   // a sixteenth
}

TEST(RemiControls, AnEmptyBarIsAllZeros) {
    EXPECT_EQ(remi::measureControls({}, 48), remi::BarControls{});
    EXPECT_EQ(remi::densityBin(0), 0);
    EXPECT_EQ(remi::densityBin(30), remi::kDensityBins - 1);
}

TEST(RemiControls, ScalesByName) {
    const auto d = parseScale("D dorian");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->tonic, 2);
    EXPECT_TRUE(d->minorThird);
    for (int pc : {2, 4, 5, 7, 9, 11, 0}) EXPECT_TRUE(d->contains(pc)) << pc;
    for (int pc : {1, 3, 6, 8, 10}) EXPECT_FALSE(d->contains(pc)) << pc;
    const auto bb = parseScale("Bb major");
    ASSERT_TRUE(bb);
    EXPECT_EQ(bb->tonic, 10);
    EXPECT_FALSE(bb->minorThird);
    EXPECT_TRUE(parseScale("f# harmonic minor"));
    EXPECT_TRUE(parseScale("A"));
    EXPECT_FALSE(parseScale("H major"));
    EXPECT_FALSE(parseScale("D dorianish"));
    EXPECT_FALSE(parseScale(""));
}

TEST(RemiTokens, ASmallScoreIsWrittenBarByBarTrackByTrack) {
    Score s(480);
    s.timeSignatures = {{0, 3, 4}};
    s.tracks.resize(1);
    s.tracks[0].program = 40;
    s.addNote(0, Note{0, 62, 100, 0, 480});     // D4, a beat, bar 1
    s.addNote(0, Note{0, 66, 64, 482, 240});    // F#4 a hair late: snapped to beat 2
    s.addNote(0, Note{0, 74, 64, 1440, 960});   // D5 in bar 2
    TokenizerSettings settings;
    settings.kind = TokenizerKind::Remi;
    const auto tokens = RemiTokenizer(settings).encode(s);
    const std::vector<std::string> expected{
        "BOS", "BAR", "TS_3/4", remi::tempoToken(remi::tempoBin(120)), "KEY_2M", "INST_40",
        "DENS_2", "POLY_0", "LOW_5", "HIGH_5", "LEN_2",
        "POS_0", "PITCH_62", "VEL_12", "DUR_12", "POS_12", "PITCH_66", "VEL_8", "DUR_6",
        "BAR", "KEY_2M", "INST_40", "DENS_1", "POLY_0", "LOW_6", "HIGH_6", "LEN_3",
        "POS_0", "PITCH_74", "VEL_8", "DUR_24", "EOS"};
    EXPECT_EQ(tokens, expected);
}

TEST(RemiVocabulary, IsFixedAndHoldsEveryTokenTheEncoderWrites) {
    const auto& v = remi::vocabularyTokens();
    EXPECT_EQ(v.front(), "BOS");
    EXPECT_EQ(std::set<std::string>(v.begin(), v.end()).size(), v.size());
    EXPECT_LT(v.size(), 1000u);
    for (int u : {1, 47, 48, 51, 192}) EXPECT_NE(std::find(v.begin(), v.end(), remi::durationToken(u)), v.end()) << u;
    EXPECT_EQ(remi::nearestDuration(49), 48);
    EXPECT_EQ(remi::nearestDuration(50), 51);
    EXPECT_EQ(remi::nearestDuration(10000), 192);
    // Meters outside the vocabulary keep their length: 9/4 (36 eighths) -> 18/8 does not exist -> 9 quarters... as n/4.
    const auto m = remi::vocabularyMeter(17, 4);
    EXPECT_TRUE(remi::meterInVocabulary(m.numerator, m.denominator));
}

}  // namespace
}  // namespace nf
