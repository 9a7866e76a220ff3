// SPDX-License-Identifier: GPL-3.0-or-later
// Pitches on screen (the piano roll's hover line, the keyboard's tooltips, the token descriptions) read as a
// musician writes them: a flat sign, not music21's "-", which read like an octave below zero ("B-1").
#include <gtest/gtest.h>

#include "pianoroll/PitchLabel.h"

namespace nf {
namespace {

TEST(PitchLabel, FlatsAreFlatSignsAndTheRestAsCoreSpellsThem) {
    EXPECT_EQ(pitchLabel(70), QString::fromUtf8("B\u266D4"));
    EXPECT_EQ(pitchLabel(34), QString::fromUtf8("B\u266D1"));
    EXPECT_EQ(pitchLabel(63), QString::fromUtf8("E\u266D4"));
    EXPECT_EQ(pitchLabel(60), "C4");
    EXPECT_EQ(pitchLabel(68), "G#4");
    EXPECT_EQ(pitchLabel(10), QString::fromUtf8("B\u266D-1")) << "the minus of octave -1 stays";
    EXPECT_EQ(pitchLabel(0), "C-1") << "a natural of octave -1 is no flat";
    EXPECT_EQ(pitchLabel(11), "B-1");
    for (int p = 12; p < 128; ++p) EXPECT_FALSE(pitchLabel(p).contains('-')) << p;
}

}  // namespace
}  // namespace nf
