// SPDX-License-Identifier: GPL-3.0-or-later
// How a drum part sits with the band (drums/DrumBandFit.h), counted by hand on a two-bar piece: steps with hits,
// steps with band onsets, both; kicks and bass notes.
#include <gtest/gtest.h>

#include "drums/DrumBandFit.h"

namespace nf {
namespace {

Score drumsAndBand() {
    Score s(480);
    Track drums;
    drums.channel = 9;
    drums.isDrum = true;
    s.tracks.push_back(drums);
    s.timeSignatures = {TimeSignature{0, 4, 4}, TimeSignature{1920, 6, 8}};
    s.addNote(0, Note{0, 36, 110, 0, 60});           // kick, bar 1 step 0
    s.addNote(0, Note{0, 42, 40, 0, 60});            // closed hat, same step
    s.addNote(0, Note{0, 38, 90, 480, 60});          // snare, bar 1 step 4
    s.addNote(0, Note{0, 49, 120, 1920 + 720, 60});  // crash, bar 2 step 6
    Track keys;
    keys.channel = 0;
    s.tracks.push_back(keys);
    for (int p : {36, 60, 64, 67}) s.addNote(1, Note{0, p, 80, 0, 240});  // bar 1 step 0, one low
    s.addNote(1, Note{0, 72, 80, 120, 120});                             // bar 1 step 1
    for (int p : {60, 64, 67, 71}) s.addNote(1, Note{0, p, 80, 480, 240});  // bar 1 step 4
    s.addNote(1, Note{0, 50, 80, 1915, 240});                              // early: bar 2 step 0
    return s;
}

TEST(DrumBandFit, CountsTheStepsWhereDrumsAndBandMeet) {
    const auto fit = measureBandFit(drumsAndBand());
    ASSERT_TRUE(fit.has_value());
    EXPECT_EQ(fit->pieces, 1u);
    EXPECT_EQ(fit->hitSteps, 3u);
    EXPECT_EQ(fit->bandSteps, 4u);
    EXPECT_EQ(fit->bothSteps, 2u);
    EXPECT_EQ(fit->kickSteps, 1u);
    EXPECT_EQ(fit->lowSteps, 1u);
    EXPECT_EQ(fit->kickLowSteps, 1u);
    EXPECT_DOUBLE_EQ(fit->hitsOnBand(), 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(fit->bandDrummed(), 0.5);
    EXPECT_DOUBLE_EQ(fit->kicksOnBass(), 1.0);
    EXPECT_DOUBLE_EQ(fit->bassKicked(), 1.0);
    // Pieces add up step by step.
    const DrumBandFit two = DrumBandFit::of({*fit, *fit});
    EXPECT_EQ(two.pieces, 2u);
    EXPECT_EQ(two.bothSteps, 4u);
    EXPECT_DOUBLE_EQ(two.hitsOnBand(), 2.0 / 3.0);
}

TEST(DrumBandFit, NeedsBothDrumsAndABand) {
    Score drumsOnly = drumsAndBand();
    drumsOnly.tracks.pop_back();
    EXPECT_FALSE(measureBandFit(drumsOnly).has_value());
    Score bandOnly = drumsAndBand();
    bandOnly.tracks.erase(bandOnly.tracks.begin());
    EXPECT_FALSE(measureBandFit(bandOnly).has_value());
    EXPECT_DOUBLE_EQ(DrumBandFit{}.hitsOnBand(), 0.0);  // no steps: no share, not a division by zero
}

}  // namespace
}  // namespace nf
