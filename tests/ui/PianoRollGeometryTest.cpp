// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "pianoroll/PianoRollGeometry.h"

namespace nf {

TEST(PianoRollGeometry, TicksAndPitchesMapToPixelsAndBack) {
    PianoRollGeometry g;
    g.setPixelsPerTick(0.05);
    g.setKeyHeight(10);
    g.setScrollX(300);
    g.setScrollY(500);
    for (Tick t : {Tick(0), Tick(6000), Tick(123457), Tick(960000)}) {
        const double x = g.tickToX(t);
        EXPECT_DOUBLE_EQ(x, t * 0.05 - 300);
        // Any pixel inside the tick's span maps back to it.
        EXPECT_EQ(g.xToTick(x + 0.01), t);
    }
    for (int p = 0; p <= 127; ++p) {
        const double top = g.pitchToY(p);
        EXPECT_DOUBLE_EQ(top, (127 - p) * 10.0 - 500);
        EXPECT_EQ(g.yToPitch(top + 0.5), p);
        EXPECT_EQ(g.yToPitch(top + 9.5), p);
    }
    // Higher pitches are drawn higher up.
    EXPECT_LT(g.pitchToY(72), g.pitchToY(60));
}

TEST(PianoRollGeometry, ClampsOutsideTheKeyboardAndBeforeTheStart) {
    PianoRollGeometry g;
    g.setKeyHeight(8);
    EXPECT_EQ(g.yToPitch(-50), 127);
    EXPECT_EQ(g.yToPitch(g.contentHeight() + 50), 0);
    EXPECT_EQ(g.xToTick(-10), 0);
    g.setScrollX(-5);
    EXPECT_EQ(g.scrollX(), 0);
}

TEST(PianoRollGeometry, ZoomKeepsTheAnchorPointInPlace) {
    PianoRollGeometry g;
    g.setPixelsPerTick(0.1);
    g.setScrollX(1000);
    const double anchor = 250;
    const Tick before = g.xToTick(anchor);
    g.zoomHorizontally(2.0, anchor);
    EXPECT_DOUBLE_EQ(g.pixelsPerTick(), 0.2);
    EXPECT_NEAR(static_cast<double>(g.xToTick(anchor)), static_cast<double>(before), 1.0);

    g.setKeyHeight(10);
    g.setScrollY(400);
    const int pitch = g.yToPitch(120);
    g.zoomVertically(1.5, 120);
    EXPECT_DOUBLE_EQ(g.keyHeight(), 15);
    EXPECT_EQ(g.yToPitch(120), pitch);
}

TEST(PianoRollGeometry, ZoomIsBounded) {
    PianoRollGeometry g;
    for (int i = 0; i < 100; ++i) g.zoomHorizontally(2.0, 0);
    EXPECT_DOUBLE_EQ(g.pixelsPerTick(), PianoRollGeometry::kMaxPixelsPerTick);
    for (int i = 0; i < 200; ++i) g.zoomVertically(0.5, 0);
    EXPECT_DOUBLE_EQ(g.keyHeight(), PianoRollGeometry::kMinKeyHeight);
}

}  // namespace nf
