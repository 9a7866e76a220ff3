// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "music/PitchNames.h"
#include "music/Score.h"

using namespace nf;

TEST(TempoMap, DefaultIs120Bpm) {
    TempoMap map(480);
    EXPECT_DOUBLE_EQ(map.secondsAt(480), 0.5);
    EXPECT_EQ(map.tickAt(0.5), 480);
}

TEST(TempoMap, ConvertsExactlyAcrossChanges) {
    TempoMap map(96);
    // 120 BPM for one beat, then 60 BPM, then 240 BPM from beat 3.
    map.setChanges({{96, 1'000'000}, {0, 500'000}, {288, 250'000}});
    EXPECT_DOUBLE_EQ(map.secondsAt(96), 0.5);
    EXPECT_DOUBLE_EQ(map.secondsAt(192), 1.5);
    EXPECT_DOUBLE_EQ(map.secondsAt(288), 2.5);
    EXPECT_DOUBLE_EQ(map.secondsAt(384), 2.75);
    for (Tick t : {0, 1, 95, 96, 97, 200, 287, 288, 1000, 123457})
        EXPECT_EQ(map.tickAt(map.secondsAt(t)), t) << t;
    EXPECT_EQ(map.microsPerQuarterAt(100), 1'000'000);
}

TEST(TempoMap, NoDriftOverManyChanges) {
    TempoMap map(480);
    std::vector<TempoChange> changes;
    for (int i = 0; i < 10000; ++i) changes.push_back({Tick(i) * 480, 400'000 + (i % 7) * 33'333});
    map.setChanges(changes);
    // Sum the beats by hand in integer microseconds.
    long long micros = 0;
    for (int i = 0; i < 10000; ++i) micros += 400'000 + (i % 7) * 33'333;
    EXPECT_DOUBLE_EQ(map.secondsAt(Tick(10000) * 480), micros / 1e6);
}

TEST(TempoMap, LastChangeAtSameTickWins) {
    TempoMap map(480);
    map.setChanges({{0, 500'000}, {0, 250'000}});
    EXPECT_EQ(map.changes().size(), 1u);
    EXPECT_EQ(map.microsPerQuarterAt(0), 250'000);
}

TEST(Score, RescaleKeepsTimes) {
    Score s(480);
    s.tracks.push_back({});
    s.addNote(0, {0, 60, 90, 240, 480});
    s.setTempoChanges({{0, 600'000}, {960, 300'000}});
    s.timeSignatures.push_back({960, 3, 4});
    const double before = s.tempoMap().secondsAt(s.tracks[0].notes[0].end());
    s.rescale(96);
    EXPECT_EQ(s.ppq(), 96);
    EXPECT_EQ(s.tracks[0].notes[0].start, 48);
    EXPECT_EQ(s.tracks[0].notes[0].duration, 96);
    EXPECT_EQ(s.timeSignatures[0].tick, 192);
    EXPECT_DOUBLE_EQ(s.tempoMap().secondsAt(s.tracks[0].notes[0].end()), before);
}

TEST(Score, IdsAreUniqueAndStable) {
    Score s;
    s.tracks.resize(2);
    const NoteId a = s.addNote(0, {0, 60, 80, 0, 10});
    const NoteId b = s.addNote(1, {0, 62, 80, 0, 10});
    s.tracks[0].notes.push_back({0, 64, 80, 5, 10});
    s.assignMissingIds();
    EXPECT_NE(a, b);
    EXPECT_NE(s.tracks[0].notes[1].id, 0u);
    EXPECT_NE(s.tracks[0].notes[1].id, a);
    EXPECT_NE(s.tracks[0].notes[1].id, b);
    EXPECT_GT(s.newNoteId(), s.tracks[0].notes[1].id);
}

TEST(Score, MeterAndBars) {
    Score s(480);
    EXPECT_EQ(s.ticksPerBar(0), 1920);
    s.timeSignatures = {{0, 6, 8}, {1440 * 2, 3, 4}};
    EXPECT_EQ(s.ticksPerBar(0), 1440);
    EXPECT_EQ(s.ticksPerBar(2880), 1440);
    EXPECT_EQ(s.timeSignatureAt(2880).numerator, 3);
}

TEST(PitchNames, SpellsAsMusic21) {
    EXPECT_EQ(pitchName(60), "C4");
    EXPECT_EQ(pitchName(61), "C#4");
    EXPECT_EQ(pitchName(75), "E-5");
    EXPECT_EQ(pitchName(70), "B-4");
    EXPECT_EQ(pitchName(21), "A0");
    EXPECT_EQ(pitchName(0), "C-1");
    EXPECT_EQ(pitchName(127), "G9");
}

TEST(PitchNames, ParsesEverySpelling) {
    for (int p = 0; p < 128; ++p) {
        if (p < 12) continue;  // "C-1": '-' is music21's flat sign, so octave -1 has no unambiguous spelling
        EXPECT_EQ(parsePitchName(pitchName(p)), p) << pitchName(p);
    }
    EXPECT_EQ(parsePitchName("E-5"), 75);
    EXPECT_EQ(parsePitchName("Eb5"), 75);
    EXPECT_EQ(parsePitchName("B--3"), 57);
    EXPECT_EQ(parsePitchName("F##2"), 43);
    EXPECT_EQ(parsePitchName("C4"), 60);
    EXPECT_FALSE(parsePitchName("H4"));
    EXPECT_FALSE(parsePitchName("C"));
    EXPECT_FALSE(parsePitchName("C#x"));
    EXPECT_FALSE(parsePitchName("G12"));
}
