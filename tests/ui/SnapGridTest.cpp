// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "editing/SnapGrid.h"
#include "pianoroll/BarLines.h"

namespace nf {

TEST(SnapGrid, StepsAreFractionsOfAWholeNote) {
    using D = SnapGrid::Division;
    EXPECT_EQ(SnapGrid(D::Quarter).step(480), 480);
    EXPECT_EQ(SnapGrid(D::Eighth).step(480), 240);
    EXPECT_EQ(SnapGrid(D::Sixteenth).step(480), 120);
    EXPECT_EQ(SnapGrid(D::ThirtySecond).step(480), 60);
    EXPECT_EQ(SnapGrid(D::QuarterTriplet).step(480), 320);  // three in a half note
    EXPECT_EQ(SnapGrid(D::EighthTriplet).step(480), 160);
    EXPECT_EQ(SnapGrid(D::SixteenthTriplet).step(480), 80);
    EXPECT_EQ(SnapGrid(D::Off).step(480), 1);
    EXPECT_FALSE(SnapGrid(D::Off).enabled());
}

TEST(SnapGrid, SnapsToNearestAndFloor) {
    SnapGrid g(SnapGrid::Division::Sixteenth);
    EXPECT_EQ(g.snapNearest(59, 480), 0);
    EXPECT_EQ(g.snapNearest(60, 480), 120);
    EXPECT_EQ(g.snapNearest(1000, 480), 960);
    EXPECT_EQ(g.snapFloor(239, 480), 120);
    EXPECT_EQ(g.snapFloor(-1, 480), -120);
}

TEST(BarLines, FollowTimeSignatureChanges) {
    Score s(480);
    s.timeSignatures = {{0, 4, 4}, {3840, 3, 4}, {3840 + 2 * 1440, 6, 8}};
    std::vector<BarInfo> bars;
    forEachBar(s, 0, 3840 + 2 * 1440 + 2 * 1440, [&](const BarInfo& b) { bars.push_back(b); });
    ASSERT_EQ(bars.size(), 6u);
    EXPECT_EQ(bars[0].length, 1920);
    EXPECT_EQ(bars[2].start, 3840);
    EXPECT_EQ(bars[2].length, 1440);
    EXPECT_EQ(bars[2].beats, 3);
    EXPECT_EQ(bars[4].beatLength, 240);  // 6/8: eighth-note beats
    EXPECT_EQ(bars[4].length, 1440);
    EXPECT_EQ(bars[5].number, 6);
    EXPECT_EQ(formatBarBeat(s, 0), "1.1");
    EXPECT_EQ(formatBarBeat(s, 1920 + 480 * 2 + 5), "2.3");
    EXPECT_EQ(formatBarBeat(s, 3840 + 1440 + 480), "4.2");
}

}  // namespace nf
