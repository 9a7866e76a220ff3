// SPDX-License-Identifier: GPL-3.0-or-later
// Call and response as data: a phrase ends after the silence and not before, keys still down keep it open, the
// answer is planned for the next downbeat (after the last answer) and moved on when it comes too late, the phrase is
// quantized onto the click's bars, and the take holds every note played and every answer where it was heard.
#include <gtest/gtest.h>

#include "music/ClickTrack.h"
#include "music/JamSession.h"

namespace nf {
namespace {

JamOptions options120() {
    JamOptions o;
    o.clock.bpm = 120;  // 4/4: a beat is 0.5 s, a bar 2 s
    o.answerBars = 2;
    o.silenceBars = 1;
    return o;
}

void play(JamSession& s, int pitch, double on, double off) {
    s.noteOn(pitch, 90, on);
    s.noteOff(pitch, off);
}

TEST(JamSession, APhraseEndsAfterABarWithoutANoteAndIsAnsweredFromTheNextDownbeat) {
    JamSession s(options120());
    play(s, 60, 2.0, 2.4);   // bar 1, beat 1
    play(s, 62, 2.5, 2.9);
    play(s, 64, 3.0, 3.9);   // released at 3.9: the phrase is over at 5.9
    EXPECT_FALSE(s.poll(3.95));
    EXPECT_FALSE(s.poll(5.89));
    const auto heard = s.poll(5.9);
    ASSERT_TRUE(heard);
    EXPECT_DOUBLE_EQ(heard->phrase.endedAt, 5.9);
    EXPECT_EQ(heard->answerBar, 3);  // 5.9 s is in bar 2; the next downbeat is bar 3 at 6 s
    EXPECT_DOUBLE_EQ(heard->answerAt, 6.0);
    EXPECT_EQ(heard->phrase.notes.size(), 3u);
    EXPECT_FALSE(s.poll(10)) << "a phrase is reported once";

    // On the grid, with the phrase's first bar at tick 0.
    EXPECT_EQ(heard->call.firstBar, 1);
    EXPECT_EQ(heard->call.bars, 1);
    const auto& notes = heard->call.score.tracks.at(0).notes;
    ASSERT_EQ(notes.size(), 3u);
    EXPECT_EQ(notes[0].start, 0);
    EXPECT_EQ(notes[1].start, 480);
    EXPECT_EQ(notes[2].start, 960);
    EXPECT_EQ(notes[2].duration, 840);  // 0.9 s = 1.8 quarters, on a sixteenth grid 1.75
    EXPECT_EQ(heard->call.score.tempoMap().microsPerQuarterAt(0), 500000);
}

TEST(JamSession, AKeyHeldDownKeepsThePhraseOpen) {
    JamSession s(options120());
    s.noteOn(60, 90, 1.0);
    play(s, 64, 1.2, 1.3);
    EXPECT_FALSE(s.poll(8.0)) << "60 is still down";
    s.noteOff(60, 8.0);
    EXPECT_FALSE(s.poll(9.9));
    EXPECT_TRUE(s.poll(10.0));
}

TEST(JamSession, TheSilenceThatEndsAPhraseIsAnOption) {
    JamOptions o = options120();
    o.silenceBars = 0.5;  // one second
    JamSession s(o);
    play(s, 60, 0.5, 1.0);
    EXPECT_FALSE(s.poll(1.99));
    const auto heard = s.poll(2.0);
    ASSERT_TRUE(heard);
    EXPECT_EQ(heard->answerBar, 2) << "2.0 s is bar 1's downbeat itself: the next one is bar 2";
}

TEST(JamSession, AnAnswerTooLateForItsDownbeatMovesToTheNextOne) {
    JamSession s(options120());
    play(s, 60, 0.0, 0.5);
    const auto heard = s.poll(3.0);  // ended at 2.5 s, bar 1: answer planned at bar 2 (4 s)
    ASSERT_TRUE(heard);
    ASSERT_EQ(heard->answerBar, 2);
    const std::vector<Note> notes = {{0, 67, 80, 0, 240}, {0, 69, 80, 3840, 240}, {0, 71, 80, 4000, 240}};
    const JamAnswer a = s.placeAnswer(*heard, notes, 3.98);  // 20 ms before the downbeat: less than the lead
    EXPECT_EQ(a.plannedBar, 2);
    EXPECT_EQ(a.callBar, 0);
    EXPECT_EQ(a.bar, 3);
    EXPECT_TRUE(a.late());
    EXPECT_EQ(a.notes, 1) << "notes past the answer's two bars (3840 ticks) are cut";
    EXPECT_NEAR(a.readySeconds(), 1.48, 1e-9);
    EXPECT_NEAR(a.budgetSeconds(), 1.5, 1e-9);

    const Score playing = s.playing();
    ASSERT_EQ(playing.tracks.size(), 3u);
    EXPECT_TRUE(playing.tracks[0].isDrum);
    EXPECT_EQ(playing.tracks[0].channel, 9);
    EXPECT_TRUE(playing.tracks[1].notes.empty()) << "the keyboard's channel: heard live, not played back";
    EXPECT_EQ(playing.tracks[1].channel, kJamCallChannel);
    ASSERT_EQ(playing.tracks[2].notes.size(), 1u);
    EXPECT_EQ(playing.tracks[2].channel, kJamAnswerChannel);
    EXPECT_EQ(playing.tracks[2].notes[0].start, 3 * 1920);
    EXPECT_EQ(playing.tracks[2].notes[0].pitch, 67);
}

TEST(JamSession, AnAnswerInTimeKeepsItsBarAndTheNextPhraseWaitsForItsEnd) {
    JamSession s(options120());
    play(s, 60, 0.0, 0.5);
    auto first = s.poll(2.5);
    ASSERT_TRUE(first);
    const JamAnswer a = s.placeAnswer(*first, {{0, 72, 80, 0, 480}}, 2.6);
    EXPECT_FALSE(a.late());
    EXPECT_EQ(a.bar, 2);  // bars 2 and 3 are the answer's
    // The musician plays over the answer; that phrase is answered after it, at bar 4 at the earliest.
    play(s, 62, 4.2, 4.4);
    auto second = s.poll(6.4);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->answerBar, 4);
    s.placeAnswer(*second, {{0, 74, 80, 0, 480}}, 6.5);
    play(s, 65, 9.0, 9.5);  // not over yet when the session stops

    const Score take = s.take(10.0);
    ASSERT_EQ(take.tracks.size(), 2u);
    EXPECT_EQ(take.tracks[0].name, "You");
    EXPECT_EQ(take.tracks[1].name, "NoteForge");
    std::vector<int> calls, answers;
    for (const Note& n : take.tracks[0].notes) calls.push_back(n.pitch);
    for (const Note& n : take.tracks[1].notes) answers.push_back(n.pitch);
    EXPECT_EQ(calls, (std::vector<int>{60, 62, 65}));
    EXPECT_EQ(answers, (std::vector<int>{72, 74}));
    // The take starts at the first call's bar (0 here), so everything stays where it was heard.
    EXPECT_EQ(take.tracks[1].notes[0].start, 2 * 1920);
    EXPECT_EQ(take.tracks[1].notes[1].start, 4 * 1920);
    EXPECT_EQ(take.tracks[0].notes[2].start, 18 * 480);  // 9.0 s = 18 quarters
}

// A phrase heard while the model still answers the one before is planned after that answer; when that answer comes
// late and moves on, the waiting one moves behind it instead of playing over it.
TEST(JamSession, ALateAnswerPushesTheOneWaitingBehindIt) {
    JamSession s(options120());
    play(s, 60, 0.0, 0.5);
    const auto a = s.poll(2.5);  // planned at bar 2 (4 s), answers bars 2-3
    ASSERT_TRUE(a);
    play(s, 62, 2.6, 2.7);
    const auto b = s.poll(4.7);  // planned behind a: bar 4
    ASSERT_TRUE(b);
    ASSERT_EQ(b->answerBar, 4);
    const JamAnswer first = s.placeAnswer(*a, {{0, 72, 80, 0, 480}}, 4.0);  // late: bars 3-4
    ASSERT_EQ(first.bar, 3);
    const JamAnswer second = s.placeAnswer(*b, {{0, 74, 80, 0, 480}}, 4.1);
    EXPECT_EQ(second.bar, 5) << "bar 4 is still the first answer's";
    EXPECT_TRUE(second.late());
    const Score playing = s.playing();
    ASSERT_EQ(playing.tracks[2].notes.size(), 2u);
    EXPECT_EQ(playing.tracks[2].notes[1].start, 5 * 1920);
}

TEST(JamSession, TheClickMarksEveryBeatWithTheDownbeatAccented) {
    JamClock clock;
    clock.numerator = 3;
    clock.denominator = 8;
    const Track t = clickTrack(clock, 480, 2);
    ASSERT_EQ(t.notes.size(), 6u);
    EXPECT_EQ(t.notes[0].pitch, kClickDownbeatKey);
    EXPECT_EQ(t.notes[1].pitch, kClickBeatKey);
    EXPECT_EQ(t.notes[1].start, 240);
    EXPECT_EQ(t.notes[3].start, 720);
    EXPECT_EQ(t.notes[3].pitch, kClickDownbeatKey);
    EXPECT_GT(t.notes[0].velocity, t.notes[1].velocity);
}

TEST(JamSession, TheClickGrowsBeforeAMusicianReachesItsEnd) {
    JamSession s(options120());
    const int bars = s.clickBars();
    EXPECT_FALSE(s.extendClick(0));
    EXPECT_TRUE(s.extendClick(s.options().clock.downbeat(bars - 10)));
    EXPECT_GT(s.clickBars(), bars);
}

TEST(JamSession, ANotePlayedJustBeforeTheFirstDownbeatIsAPickup) {
    const JamClock clock;
    const PhraseScore p = quantizePhrase({{60, 80, -0.5, -0.25}, {62, 80, 0.0, 0.5}}, clock, 480, 4);
    EXPECT_EQ(p.firstBar, -1);
    EXPECT_EQ(p.bars, 2);
    ASSERT_EQ(p.score.tracks[0].notes.size(), 2u);
    EXPECT_EQ(p.score.tracks[0].notes[0].start, 1920 - 480);
}

}  // namespace
}  // namespace nf
