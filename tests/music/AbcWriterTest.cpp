// SPDX-License-Identifier: GPL-3.0-or-later
// The ABC writer: what it writes reads back to the same pitches, onsets and durations.
#include <gtest/gtest.h>

#include "AbcTestSupport.h"
#include "abc/AbcSpelling.h"
#include "abc/AbcWriter.h"

using namespace nf;
using namespace nf::abctest;

namespace {

Score melody(std::vector<std::tuple<Tick, int, Tick>> notes, int ppq = 480) {
    Score s(ppq);
    s.tracks.push_back(Track{});
    for (auto [start, pitch, length] : notes) s.addNote(0, Note{0, pitch, 80, start, length});
    return s;
}

// Writes track 0 and reads it back; expects the same notes.
void expectRoundTrip(const Score& s, const std::string& what) {
    const std::string text = writeAbc(s, 0);
    auto tunes = readAbcText(text, what, AbcReadOptions{s.ppq(), false});
    ASSERT_EQ(tunes.size(), 1u) << text;
    ASSERT_TRUE(tunes[0].score) << tunes[0].error->what() << "\n" << text;
    EXPECT_TRUE(tunes[0].warnings.empty()) << tunes[0].warnings.front().text << "\n" << text;
    const Score& back = *tunes[0].score;
    std::vector<std::tuple<Tick, int, Tick>> a, b;
    for (const Note& n : s.tracks[0].notes) a.emplace_back(n.start, n.pitch, n.duration);
    for (const Note& n : back.tracks[0].notes) b.emplace_back(n.start, n.pitch, n.duration);
    std::sort(a.begin(), a.end());
    EXPECT_EQ(a, b) << what << "\n" << text;
}

}  // namespace

TEST(AbcWriter, HeaderAndBars) {
    Score s = melody({{0, 67, 480}, {480, 69, 480}, {960, 71, 960}, {1920, 72, 1920}});
    s.title = "Little tune";
    s.timeSignatures.push_back({0, 3, 4});
    s.keySignatures.push_back({0, 1, false});
    s.setTempoChanges({{0, 600000}});
    EXPECT_EQ(writeAbc(s, 0), "X:1\nT:Little tune\nM:3/4\nL:1/8\nQ:1/4=100\nK:G\nG2 A2 B2-|B2 c4-|c4 z2|]\n");
    AbcWriteOptions options;
    options.number = 12;
    options.title = "Other";
    EXPECT_EQ(writeAbc(s, 0, options).substr(0, 14), "X:12\nT:Other\nM");
}

TEST(AbcWriter, AccidentalsRelativeToKeyAndBar) {
    Score s = melody({{0, 66, 240}, {240, 65, 240}, {480, 65, 240}, {720, 66, 240}, {960, 77, 240}, {1200, 66, 240},
                      {1440, 60, 240}, {1680, 61, 240}, {1920, 65, 240}});
    s.keySignatures.push_back({0, 1, false});  // G: F sharp
    const std::string text = writeAbc(s, 0);
    EXPECT_NE(text.find("F=F F^F =f^F C^C"), std::string::npos) << text;
    EXPECT_NE(text.find("|=F"), std::string::npos) << text;  // a new bar needs the natural again
    expectRoundTrip(s, "accidentals");
}

TEST(AbcWriter, AccidentalInAnotherOctaveIsWrittenForEveryReading) {
    // C#5 then C#4 in C major: ABC 2.1 reads "^c C" as C natural, abc2midi as C sharp; "^c ^C" is read alike.
    Score s = melody({{0, 73, 480}, {480, 61, 480}, {960, 60, 480}});
    s.keySignatures.push_back({0, 0, false});
    EXPECT_NE(writeAbc(s, 0).find("^c2 ^C2 =C2"), std::string::npos) << writeAbc(s, 0);
    expectRoundTrip(s, "octaves");
}

TEST(AbcWriter, RestsTiesAndOddLengths) {
    Score s = melody({{240, 60, 720}, {1200, 62, 160}, {1360, 64, 160}, {1520, 65, 160}, {1680, 67, 3000},
                      {5000, 69, 1}, {5001, 71, 59}, {9000, 72, 480}});
    expectRoundTrip(s, "rests and ties");
}

TEST(AbcWriter, MeterAndKeyChanges) {
    Score s = melody({{0, 62, 960}, {960, 66, 960}, {1920, 61, 480}, {2400, 70, 1440}, {3840, 63, 960}});
    s.timeSignatures = {{0, 2, 4}, {1920, 6, 8}, {3360, 3, 4}};
    s.keySignatures = {{0, 2, false}, {2400, -2, false}};
    const std::string text = writeAbc(s, 0);
    EXPECT_NE(text.find("[M:6/8]"), std::string::npos) << text;
    EXPECT_NE(text.find("[K:Bb]"), std::string::npos) << text;
    expectRoundTrip(s, "changes");
}

TEST(AbcWriter, DifferentResolutions) {
    for (int ppq : {96, 120, 384, 960, 1024}) {
        Score s = melody({{0, 60, ppq / 3}, {ppq / 3, 62, ppq / 3}, {2 * ppq / 3, 64, ppq / 3 + ppq}, {3 * ppq, 65, ppq / 4}}, ppq);
        expectRoundTrip(s, "ppq " + std::to_string(ppq));
    }
}

TEST(AbcWriter, KeyIsGuessedWhenTheScoreHasNone) {
    Score s = melody({{0, 62, 480}, {480, 66, 480}, {960, 69, 480}, {1440, 73, 480}, {1920, 74, 960}, {2880, 66, 480}});
    EXPECT_NE(writeAbc(s, 0).find("K:D\n"), std::string::npos) << writeAbc(s, 0);
    Score minor = melody({{0, 57, 480}, {480, 60, 480}, {960, 64, 480}, {1440, 57, 480}, {1920, 59, 480}, {2400, 60, 480}, {2880, 57, 960}});
    EXPECT_NE(writeAbc(minor, 0).find("K:Am\n"), std::string::npos) << writeAbc(minor, 0);
    EXPECT_EQ(abc::keyName({0, -3, false}), "Eb");
    EXPECT_EQ(abc::keyName({0, 3, true}), "F#m");
}

TEST(AbcWriter, SmallOverlapsAreCut) {
    Score s = melody({{0, 60, 481}, {480, 62, 480}});
    EXPECT_EQ(firstMonophonicTrack(s), 0);
    auto back = readAbcText(writeAbc(s, 0), "legato");
    EXPECT_EQ(beats(*back[0].score), (std::vector<BeatNote>{{0, 60, 1}, {1, 62, 1}}));
}

TEST(AbcWriter, RefusesPolyphonyAndBadTracks) {
    Score s = melody({{0, 60, 480}, {240, 64, 480}});
    EXPECT_THROW(writeAbc(s, 0), MusicError);
    EXPECT_THROW(writeAbc(s, 5), MusicError);
    EXPECT_EQ(firstMonophonicTrack(s), -1);
    s.tracks.push_back(Track{});
    s.addNote(1, Note{0, 60, 80, 0, 480});
    s.tracks.push_back(Track{});
    s.addNote(2, Note{0, 62, 80, 0, 480});
    s.tracks[1].isDrum = true;
    EXPECT_EQ(firstMonophonicTrack(s), 2);
}

TEST(AbcWriter, EmptyTrackWritesARestBar) {
    Score s = melody({});
    auto tunes = readAbcText(writeAbc(s, 0), "empty");
    ASSERT_TRUE(tunes[0].score);
}

TEST(AbcWriter, ReadWriteReadOnTheFixtures) {
    // Single-voice fixtures without chords: ABC -> Score -> ABC -> Score keeps every note.
    for (const char* name : {"accidentals.abc", "broken_rhythm.abc", "tuplets.abc", "grace_notes.abc", "modes.abc",
                             "multibar_rests.abc", "ties.abc", "decorations.abc", "inline_fields.abc"}) {
        for (const AbcTune& t : readAbcFile(fixture(name))) {
            ASSERT_TRUE(t.score);
            if (firstMonophonicTrack(*t.score) != 0) continue;
            expectRoundTrip(*t.score, std::string(name) + " X:" + std::to_string(t.number));
        }
    }
}
