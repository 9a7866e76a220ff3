// SPDX-License-Identifier: GPL-3.0-or-later
// Repeats, variant endings and parts, expanded in play order.
#include <gtest/gtest.h>

#include "AbcTestSupport.h"
#include "abc/AbcRepeats.h"

using namespace nf;
using namespace nf::abctest;

namespace {

// Letters of the notes played, for compact expectations ("C D C D E").
std::string played(const std::string& music, const std::string& header = "M:1/4\nL:1/4\nK:C") {
    std::string out;
    for (int p : pitches(body(header, music))) {
        static const char* names[12] = {"C", "^C", "D", "^D", "E", "F", "^F", "G", "^G", "A", "^A", "B"};
        if (!out.empty()) out += ' ';
        out += names[p % 12];
    }
    return out;
}

}  // namespace

TEST(AbcRepeats, SimpleRepeat) {
    EXPECT_EQ(played("C|:D:|E|"), "C D D E");
    EXPECT_EQ(played("|:C|D:|E|"), "C D C D E");
}

TEST(AbcRepeats, RepeatWithoutStartGoesBackToTheStart) {
    EXPECT_EQ(played("C|D:|E|"), "C D C D E");
    EXPECT_EQ(played("C||D:|E|"), "C D C D E");  // a plain double bar does not start a repeat (abc2midi)
}

TEST(AbcRepeats, LaterRepeatsWithoutStartGoBackToThePreviousOne) {
    EXPECT_EQ(played("C|:D:|E|F:|G|"), "C D D E F E F G");
    EXPECT_EQ(played("C:|D:|E:|"), "C C D D E E");
}

TEST(AbcRepeats, DoubleRepeats) {
    EXPECT_EQ(played("C|:D::E:|F|"), "C D D E E F");
    EXPECT_EQ(played("|:C:|:D:|"), "C C D D");
    EXPECT_EQ(played("|:C:||:D:|"), "C C D D");
}

TEST(AbcRepeats, VariantEndings) {
    EXPECT_EQ(played("C|:D|[1E:|[2F|G|"), "C D E D F G");
    EXPECT_EQ(played("C|:D|1E:|2F|G|"), "C D E D F G");
    EXPECT_EQ(played("C|:D|[1E:|[2F||G|"), "C D E D F G");
    EXPECT_EQ(played("C|:D|[1E|F:|[2G|A|"), "C D E F D G A");
    EXPECT_EQ(played("C|:D|[1E:|[2F|[3G:|A|"), "C D E D F A");
}

TEST(AbcRepeats, EndingsForSeveralPasses) {
    // As abc2midi plays them: every :| met inside a played ending goes back once more.
    EXPECT_EQ(played("C|:D|[1,3E:|[2F:|A|"), "C D E D F D E D A");
    EXPECT_EQ(played("C|:D|[1-2E:|[3F|A|"), "C D E D E D F A");
    EXPECT_EQ(played("C|:D|[1E:|[2F:|G|"), "C D E D F D G");
}

TEST(AbcRepeats, EachStrainWithEndingsRepeatsOnItsOwn) {
    // The Nottingham convention: "||" closes the second ending; the next strain is a repeat of its own
    // (abc2midi differs here, see tests/abc_oracle/known-differences.txt).
    EXPECT_EQ(played("|:C|[1D:|[2E||F|[1G:|[2A|]"), "C D C E F G F A");
    EXPECT_EQ(played("|:C|[1D:|[2E||F|G:|"), "C D C E F G F G");
}

TEST(AbcRepeats, AccidentalsFollowTheWrittenBarNotThePlayedOne) {
    EXPECT_EQ(played("|:^C|C:|", "M:1/4\nL:1/4\nK:C"), "^C C ^C C");
}

TEST(AbcRepeats, PartOrderFromTheHeader) {
    EXPECT_EQ(nf::abc::expandPartOrder("ABAC"), "ABAC");
    EXPECT_EQ(nf::abc::expandPartOrder("A2B"), "AAB");
    EXPECT_EQ(nf::abc::expandPartOrder("(AB)2C"), "ABABC");
    EXPECT_EQ(nf::abc::expandPartOrder("A.B.C"), "ABC");
    EXPECT_EQ(nf::abc::expandPartOrder("((A)2B)2"), "AABAAB");
    EXPECT_EQ(nf::abc::expandPartOrder("A999999").size(), nf::abc::kMaxPartsPlayed);
    Score s = readOne("X:1\nT:p\nM:1/4\nL:1/4\nP:BAB\nK:C\nP:A\nC|D|\nP:B\nE|F:|\n");
    EXPECT_EQ(pitches(s), (std::vector<int>{64, 65, 64, 65, 60, 62, 64, 65, 64, 65}));
}

TEST(AbcRepeats, EachPartKeepsItsOwnKey) {
    // Part A (in G) is played again after part B (in D): its F stays sharp and its C natural.
    Score s = readOne("X:1\nT:p\nM:2/4\nL:1/4\nP:ABA\nK:G\nP:A\nF c|\nP:B\nK:F\nF B|\n");
    EXPECT_EQ(pitches(s), (std::vector<int>{66, 72, 65, 70, 66, 72}));
}

TEST(AbcRepeats, BodyPartsWithoutHeaderOrderPlayInWrittenOrder) {
    Score s = readOne("X:1\nT:p\nM:1/4\nL:1/4\nK:C\nP:A\nC|D:|\nP:B\nE|F:|\n");
    EXPECT_EQ(pitches(s), (std::vector<int>{60, 62, 60, 62, 64, 65, 64, 65}));
}

TEST(AbcRepeats, AnEndingCanBePlayedOnManyPasses) {
    Score s = body("M:1/4\nL:1/4\nK:C", "|:C|[1,2,3,4,5,6,7,8,9,10D:|[11E|]");
    EXPECT_EQ(s.tracks[0].notes.size(), 22u);  // ten passes of C D, then C E
}
