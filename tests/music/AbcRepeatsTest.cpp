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

TEST(AbcRepeats, AfterAStrainWithEndingsThePassCounterDecides) {
    // As abc2midi plays them (tests/data/abc/continued_endings.abc X:7): the first strain's endings leave the
    // pass counter at 2, so a later strain's [1 is skipped and a later :| without |: goes back to the last |:
    // (or the start), where both endings are now skipped.
    EXPECT_EQ(played("|:C|[1D:|[2E||F|[1G:|[2A|]"), "C D C E F A");
    EXPECT_EQ(played("|:C|[1D:|[2E||F|G:|"), "C D C E F G C F G");
    EXPECT_EQ(played("C|[1D:|[2E||F|G:|"), "C D C E F G C F G");
    // A strain that starts with its own |: is repeated on its own.
    EXPECT_EQ(played("|:C|[1D:|[2E|||:F|G:|"), "C D C E F G F G");
}

TEST(AbcRepeats, MissingStartAfterAnEarlierRepeatIsTheLastDoubleBarOrEnd) {
    // The first repeat sign is a :| : it goes back to the start, whatever double bars come before it.
    EXPECT_EQ(played("C|D||E|F:|G|"), "C D E F C D E F G");
    // After an earlier repeat, abc2midi starts the repeat at the last double bar ("||", "[|") or :| before it.
    EXPECT_EQ(played("|:C:|D||E:|F|"), "C C D E E F");
    EXPECT_EQ(played("|:C:|D[|E:|F|"), "C C D E E F");
    EXPECT_EQ(played("|:C:|D|E:|F|"), "C C D E D E F");
    // With voices or a P: field abc2midi does not patch, and the pass counter (2) has used the repeat up.
    Score s = readOne("X:1\nT:v\nM:1/4\nL:1/4\nK:C\nV:1\n|:C:|D||E:|\nV:2\nC|D|E|\n");
    ASSERT_FALSE(s.tracks.empty());
    EXPECT_EQ(s.tracks[0].notes.size(), 4u);  // C C D E
}

TEST(AbcRepeats, BarLinesReadSignBySignAsAbc2midiReadsThem) {
    // ":|:" is an end and a dotted (double) bar, so the next :| repeats from it; "||:" is two double bars.
    EXPECT_EQ(played("C|:D:|:E:|F|"), "C D D E E F");
    EXPECT_EQ(played("C|:D:||:E:|F|"), "C D D E E F");
    EXPECT_EQ(played("|:C:|D||:E:|F|"), "C C D E E F");
    // ...which matters after a variant ending, when abc2midi no longer patches a missing |:
    // (the pass counter, 3 after the second ending's :|, then skips both endings)
    EXPECT_EQ(played("|:C|[1D:|[2E:|:F:|G|"), "C D C E C F G");
    EXPECT_EQ(played("|:C|[1D:|[2E:||:F:|G|"), "C D C E C F F G");
}

TEST(AbcRepeats, TiesJoinTheNoteWrittenNextNotTheNotePlayedNext) {
    // abc2midi joins ties before it plays the repeats (tests/data/abc/ties_over_repeats.abc).
    const std::string header = "M:1/4\nL:1/4\nK:C";
    // The next note as written is an E: the D tied into :| is not joined with the D the repeat goes back to.
    EXPECT_EQ(beats(body(header, "|:D|D-:|E|")),
              (std::vector<BeatNote>{{0, 62, 1}, {1, 62, 1}, {2, 62, 1}, {3, 62, 1}, {4, 64, 1}}));
    // The next D as written: held under the restart on the first pass, joined on the second.
    EXPECT_EQ(beats(body(header, "|:C|D-:|D|E|")),
              (std::vector<BeatNote>{{0, 60, 1}, {1, 62, 2}, {2, 60, 1}, {3, 62, 2}, {5, 64, 1}}));
    // A pick-up tied over |: : the note it joins is silent when the repeat comes back to it.
    EXPECT_EQ(beats(body(header, "C-|:C|D:|E|")),
              (std::vector<BeatNote>{{0, 60, 2}, {2, 62, 1}, {4, 62, 1}, {5, 64, 1}}));
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

TEST(AbcRepeats, AnEndingCanBePlayedOnUpToFourPasses) {
    // abc2midi plays a repeat at most four times, whatever passes its endings name.
    EXPECT_EQ(played("|:C|[1,2,3D:|[4E|]"), "C D C D C D C E");
    EXPECT_EQ(played("|:C|[1-3D:|[4E|]"), "C D C D C D C E");
    EXPECT_EQ(played("|:C|[1,2,3,4,5,6,7,8,9,10D:|[11E|]"), "C D C D C D C D");
}
