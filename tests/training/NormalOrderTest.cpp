// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "tokenize/NormalOrder.h"

using nf::chordToken;
using nf::normalOrder;

// Expected values are music21's Chord.normalOrder for the same pitches.
TEST(NormalOrder, MajorTriadInAnyVoicing) {
    EXPECT_EQ(chordToken({60, 64, 67}), "0.4.7");  // C E G
    EXPECT_EQ(chordToken({64, 67, 72}), "0.4.7");  // E G C
    EXPECT_EQ(chordToken({55, 64, 72, 76}), "0.4.7");  // doubled, spread
    EXPECT_EQ(chordToken({67, 71, 74}), "7.11.2");  // G B D starts on G
}

TEST(NormalOrder, MinorAndSeventhChords) {
    EXPECT_EQ(chordToken({57, 60, 64}), "9.0.4");     // A C E
    EXPECT_EQ(chordToken({67, 71, 74, 77}), "11.2.5.7");  // G7: most compact rotation B D F G
    EXPECT_EQ(chordToken({62, 65, 69, 72}), "9.0.2.5");  // Dm7 D F A C: A C D F spans only 8
}

TEST(NormalOrder, SymmetricSetsStartOnTheLowestPitchClass) {
    EXPECT_EQ(chordToken({71, 74, 77, 80}), "2.5.8.11");  // B D F G#: diminished seventh
    EXPECT_EQ(chordToken({60, 64, 68}), "0.4.8");         // augmented triad
    EXPECT_EQ(chordToken({62, 66, 70}), "2.6.10");
}

TEST(NormalOrder, ClustersAndTies) {
    EXPECT_EQ(chordToken({60, 61, 62}), "0.1.2");  // C C# D
    EXPECT_EQ(chordToken({61, 62, 72}), "0.1.2");  // C wraps below C#
    // Equal spans broken by packing to the left, the convention of music21's tables (5-20 is (0,1,3,7,8)).
    EXPECT_EQ(normalOrder({0, 1, 3, 7, 8}), (std::vector<int>{0, 1, 3, 7, 8}));
    EXPECT_EQ(normalOrder({0, 1, 5, 6, 8}), (std::vector<int>{5, 6, 8, 0, 1}));
    // 6-31 (0,1,3,5,8,9) against its equally spanning rotation (0,1,4,5,7,9).
    EXPECT_EQ(normalOrder({0, 1, 3, 5, 8, 9}), (std::vector<int>{0, 1, 3, 5, 8, 9}));
}

TEST(NormalOrder, OctavesAndSingletons) {
    EXPECT_EQ(chordToken({48, 60, 72}), "0");
    EXPECT_EQ(chordToken({}), "");
    EXPECT_EQ(normalOrder({-1, 11}), (std::vector<int>{11}));
}
