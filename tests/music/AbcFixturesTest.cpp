// SPDX-License-Identifier: GPL-3.0-or-later
// The per-construct fixtures of tests/data/abc. The abc2midi oracle test (tests/abc_oracle) compares them
// all with abc2midi; here are the expected values where abc2midi is arguably wrong, and checks of what the
// oracle does not compare (tempo, keys, meters, voices, chord symbols).
#include <gtest/gtest.h>

#include "AbcTestSupport.h"

using namespace nf;
using namespace nf::abctest;

TEST(AbcFixtures, EveryFixtureTuneLoads) {
    for (const char* name : {"accidentals.abc", "broken_rhythm.abc", "chords.abc", "continuation.abc", "decorations.abc",
                             "endings.abc", "grace_notes.abc", "guitar_chords.abc", "hornpipe.abc", "inline_fields.abc",
                             "modes.abc", "multibar_rests.abc", "parts.abc", "ties.abc", "tuplets.abc", "voices.abc",
                             "continued_endings.abc", "repeat_after_double_bar.abc", "broken_rhythm_decorations.abc",
                             "header_directives.abc", "ties_over_repeats.abc"}) {
        auto tunes = readAbcFile(fixture(name));
        EXPECT_FALSE(tunes.empty()) << name;
        for (const auto& t : tunes) {
            EXPECT_TRUE(t.score) << name << " X:" << t.number << ": " << (t.error ? t.error->what() : "");
            EXPECT_TRUE(t.warnings.empty()) << name << " X:" << t.number << ": " << t.warnings.front().text;
        }
    }
}

TEST(AbcFixtures, BrokenRhythmBetweenDifferentLengths) {
    // "A3/>B/": ABC 2.1 dots the first note and halves the second whatever their lengths; abc2midi ignores it.
    const auto n = beats(fixtureTune("broken_rhythm.abc", 2));
    ASSERT_GE(n.size(), 8u);
    EXPECT_EQ(n[6], (BeatNote{3, 69, 1.125}));
    EXPECT_EQ(n[7], (BeatNote{4.125, 71, 0.125}));
}

TEST(AbcFixtures, SecondStrainWithItsOwnEndings) {
    // |: d e | [1 f g :| [2 a b || c d | [1 e f :| [2 g a |]: as abc2midi plays it, the second strain once, with
    // the ending numbered for the pass the first strain left (2).
    EXPECT_EQ(pitches(fixtureTune("endings.abc", 5)),
              (std::vector<int>{74, 76, 78, 79, 74, 76, 81, 83, 73, 74, 79, 81}));
}

TEST(AbcFixtures, EndingsAcrossContinuedLines) {
    // Issue 12's tunes: 159 and 59 notes as abc2midi plays them (the oracle test compares every note).
    EXPECT_EQ(pitches(fixtureTune("continued_endings.abc", 7)).size(), 159u);
    EXPECT_EQ(pitches(fixtureTune("continued_endings.abc", 8)).size(), 59u);
    // "[1 A4 \" + "GA:|[2 A6|]": the first ending runs on after the continuation.
    EXPECT_EQ(pitches(fixtureTune("continued_endings.abc", 2)),
              (std::vector<int>{67, 69, 71, 74, 71, 69, 67, 69, 71, 74, 71, 69}));
}

TEST(AbcFixtures, HeaderFieldsAfterDirectivesStillCount) {
    Score s = fixtureTune("header_directives.abc", 1);
    ASSERT_FALSE(s.tracks.empty());
    const auto n = beats(s);
    ASSERT_GE(n.size(), 2u);
    // L:1/16 after I: and %% lines: "B2" is an eighth; %%MIDI transpose -2 after them still applies (B -> A).
    EXPECT_EQ(n[0], (BeatNote{0, 69, 0.5}));
    EXPECT_EQ(s.tracks[0].program, 41);
}

TEST(AbcFixtures, HornpipeSwingsQuaverPairsOnly) {
    const auto n = beats(fixtureTune("hornpipe.abc", 1));
    // "[df]e" after a triplet: a chord is never swung (abc2midi swings it there only).
    const auto chord = std::find_if(n.begin(), n.end(), [](const BeatNote& b) { return b.pitch == 74 && b.onset == 13; });
    ASSERT_NE(chord, n.end());
    EXPECT_EQ(chord->length, 0.5);
    // The pick-up "AB" is swung 2:1.
    EXPECT_EQ(n[0], (BeatNote{0, 69, 2.0 / 3}));
    EXPECT_EQ(n[1], (BeatNote{2.0 / 3, 71, 1.0 / 3}));
    // In 3/4 nothing is swung.
    for (const auto& b : beats(fixtureTune("hornpipe.abc", 2))) EXPECT_EQ(std::fmod(b.onset, 0.5), 0.0);
}

TEST(AbcFixtures, ModesGiveTheirScales) {
    // CDEF GABc in each key: the accidentals the mode's signature carries.
    const std::vector<std::pair<int, std::vector<int>>> expected = {
        {1, {61, 62, 64, 66, 67, 69, 71, 73}},   // D major
        {2, {60, 62, 64, 65, 67, 69, 70, 72}},   // D minor
        {3, {60, 62, 64, 65, 67, 69, 71, 72}},   // D dorian
        {4, {60, 62, 64, 65, 67, 69, 71, 72}},   // E phrygian
        {5, {60, 62, 64, 65, 67, 69, 71, 72}},   // F lydian
        {6, {60, 62, 64, 65, 67, 69, 71, 72}},   // G mixolydian
        {7, {60, 62, 64, 65, 67, 69, 71, 72}},   // B locrian
        {8, {60, 62, 64, 65, 67, 69, 71, 72}},   // A aeolian
        {9, {61, 62, 64, 65, 67, 69, 70, 73}},   // Bb with ^c =E
        {10, {60, 62, 64, 66, 67, 69, 70, 72}},  // exp ^f _b
        {11, {60, 62, 64, 65, 67, 69, 71, 72}},  // none
        {12, {61, 62, 64, 66, 67, 69, 71, 73}},  // Hp
        {13, {61, 62, 64, 66, 68, 69, 71, 73}},  // F# minor
        {14, {60, 62, 63, 65, 67, 68, 70, 72}},  // Eb major
    };
    for (const auto& [number, scale] : expected) {
        auto p = pitches(fixtureTune("modes.abc", number));
        p.resize(8);
        EXPECT_EQ(p, scale) << "X:" << number;
    }
    EXPECT_EQ(fixtureTune("modes.abc", 13).keySignatureAt(0).sharps, 3);
    EXPECT_TRUE(fixtureTune("modes.abc", 13).keySignatureAt(0).minor);
    EXPECT_EQ(fixtureTune("modes.abc", 14).keySignatureAt(0).sharps, -3);
}

TEST(AbcFixtures, InlineFieldsSetTempoMeterAndKey) {
    Score s = fixtureTune("inline_fields.abc", 1);
    const int ppq = s.ppq();
    EXPECT_EQ(s.tempoMap().microsPerQuarterAt(0), 600000);
    // [Q:3/8=60] after two 4/4 bars and one 3/4 bar of crotchets.
    EXPECT_EQ(s.tempoMap().microsPerQuarterAt(11 * ppq), 666667);
    EXPECT_EQ(s.timeSignatureAt(8 * ppq).numerator, 3);
    EXPECT_EQ(s.keySignatureAt(4 * ppq).sharps, 2);
    EXPECT_EQ(s.keySignatureAt(14 * ppq).sharps, -1);
    Score b = fixtureTune("inline_fields.abc", 2);
    EXPECT_EQ(b.timeSignatureAt(3 * ppq).denominator, 4);
    EXPECT_EQ(b.tempoMap().microsPerQuarterAt(b.endTick() - 1), 500000);  // Q:C=120 with L:1/4
}

TEST(AbcFixtures, VoicesAreTracksOnTheirOwnChannels) {
    Score s = fixtureTune("voices.abc", 2);
    ASSERT_EQ(s.tracks.size(), 3u);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(s.tracks[static_cast<std::size_t>(i)].channel, i);
    EXPECT_EQ(fixtureTune("voices.abc", 1).tracks[1].name, "Bass");
}

TEST(AbcFixtures, PartsPlayInTheHeaderOrder) {
    // P:ABAC with |: G A :| B c in part A.
    EXPECT_EQ(pitches(fixtureTune("parts.abc", 1)),
              (std::vector<int>{67, 69, 67, 69, 71, 72, 74, 76, 78, 79, 67, 69, 67, 69, 71, 72, 72, 60}));
    EXPECT_EQ(pitches(fixtureTune("parts.abc", 2)), (std::vector<int>{60, 62, 64, 65, 60, 62, 64, 65, 67}));
}

TEST(AbcFixtures, GuitarChordsAndDirectives) {
    Score g = fixtureTune("guitar_chords.abc", 1);
    std::vector<std::string> names;
    for (const auto& c : g.tracks[0].chordSymbols) names.push_back(c.text);
    EXPECT_EQ(names, (std::vector<std::string>{"G", "Am7", "D7/F#", "Em", "C", "D", "G"}));
    Score c = fixtureTune("continuation.abc", 1);
    EXPECT_EQ(c.tracks[0].program, 73);  // the tune's %%MIDI program, not the file header's
    EXPECT_EQ(c.tracks[0].notes.size(), 31u);
    EXPECT_EQ(c.timeSignatureAt(0).numerator, 2);
}
