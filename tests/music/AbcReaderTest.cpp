// SPDX-License-Identifier: GPL-3.0-or-later
// The ABC reader on small tunes: what each construct plays, in beats.
#include <gtest/gtest.h>

#include "AbcTestSupport.h"

using namespace nf;
using namespace nf::abctest;

TEST(AbcReader, SeveralTunesPerFileWithTheirHeaders) {
    const std::string text =
        "%abc-2.1\nfree text before the tunes\n\n"
        "X:3\nT:First\nT:Subtitle\nM:3/4\nL:1/4\nQ:1/4=90\nK:G\nG A B|\n\n"
        "some words between tunes\n"
        "X:7\nT:Second\nK:Am\nA2 B2|\n";
    auto tunes = readAbcText(text, "two.abc");
    ASSERT_EQ(tunes.size(), 2u);
    EXPECT_EQ(tunes[0].number, 3);
    EXPECT_EQ(tunes[0].title, "First");
    EXPECT_EQ(tunes[0].firstLine, 4);
    EXPECT_EQ(tunes[1].number, 7);
    EXPECT_EQ(tunes[1].firstLine, 14);
    EXPECT_NE(tunes[1].text.find("A2 B2|"), std::string::npos);
    const Score& s = *tunes[0].score;
    EXPECT_EQ(s.title, "First");
    EXPECT_EQ(beats(s), (std::vector<BeatNote>{{0, 67, 1}, {1, 69, 1}, {2, 71, 1}}));
    ASSERT_EQ(s.timeSignatures.size(), 1u);
    EXPECT_EQ(s.timeSignatures[0].numerator, 3);
    EXPECT_EQ(s.keySignatureAt(0).sharps, 1);
    EXPECT_EQ(s.tempoMap().microsPerQuarterAt(0), 666667);
    EXPECT_EQ(s.tracks[0].channel, 0);
    EXPECT_TRUE(tunes[1].score->keySignatureAt(0).minor);
}

TEST(AbcReader, TuneNumbersAreDecimalWithLeadingZeros) {
    // Transcribed books number their tunes X:0001, X:0002...: X:0012 is tune 12 (not octal 10), X:0019 is 19.
    auto tunes = readAbcText("X:0012\nT:a\nK:C\nC|\n\nX:0019\nT:b\nK:C\nD|\n\nX: 010\nT:c\nK:C\nE|\n", "zeros.abc");
    ASSERT_EQ(tunes.size(), 3u);
    EXPECT_EQ(tunes[0].number, 12);
    EXPECT_EQ(tunes[1].number, 19);
    EXPECT_EQ(tunes[2].number, 10);
}

TEST(AbcReader, DefaultTempoIsAbc2midis) {
    Score s = body("K:C", "C");
    EXPECT_EQ(s.tempoMap().microsPerQuarterAt(0), 500000);  // 120 quarter notes per minute
}

TEST(AbcReader, UnitLengthDefaultsFromTheHeaderMeter) {
    EXPECT_EQ(beats(body("M:2/4\nK:C", "C"))[0].length, 0.25);   // 1/16
    EXPECT_EQ(beats(body("M:3/4\nK:C", "C"))[0].length, 0.5);    // 1/8
    EXPECT_EQ(beats(body("K:C", "C"))[0].length, 0.5);           // no M: = 1/8
    EXPECT_EQ(beats(body("M:4/4\nK:C\nM:2/4", "C"))[0].length, 0.5);  // a body M: keeps L
    EXPECT_EQ(beats(body("M:2/4\nL:1/4\nK:C", "C"))[0].length, 1.0);
}

TEST(AbcReader, Durations) {
    Score s = body("L:1/8\nK:C", "A2 A/2 A/ A3/2 A// A3/ A3/4 A/4 A");
    std::vector<double> lengths;
    for (const auto& n : beats(s)) lengths.push_back(n.length);
    EXPECT_EQ(lengths, (std::vector<double>{1.0, 0.25, 0.25, 0.75, 0.125, 0.75, 0.375, 0.125, 0.5}));
}

TEST(AbcReader, OctavesAndAccidentals) {
    Score s = body("L:1/4\nK:C", "C, C,, c c' c'' | ^C _D ^^E __B =F |");
    EXPECT_EQ(pitches(s), (std::vector<int>{48, 36, 72, 84, 96, 61, 61, 66, 69, 65}));
}

TEST(AbcReader, AccidentalsHoldToTheEndOfTheBarForTheLetter) {
    // As abc2midi plays it: an accidental holds for the letter in every octave until the bar line.
    Score s = body("L:1/4\nK:C", "^c C c =c | c C|");
    EXPECT_EQ(pitches(s), (std::vector<int>{73, 61, 73, 72, 72, 60}));
    Score d = body("L:1/4\nK:D", "F =F F | F c =c c|");
    EXPECT_EQ(pitches(d), (std::vector<int>{66, 65, 65, 66, 73, 72, 72}));
}

TEST(AbcReader, BrokenRhythm) {
    Score s = body("L:1/8\nK:C", "A>B A<B A>>B A<<B | A>>>B |");
    EXPECT_EQ(beats(s), (std::vector<BeatNote>{{0, 69, 0.75}, {0.75, 71, 0.25}, {1, 69, 0.25}, {1.25, 71, 0.75},
                                               {2, 69, 0.875}, {2.875, 71, 0.125}, {3, 69, 0.125}, {3.125, 71, 0.875},
                                               {4, 69, 0.9375}, {4.9375, 71, 0.0625}}));
}

TEST(AbcReader, RestsAndMultiBarRests) {
    Score s = body("M:4/4\nL:1/4\nK:C", "z A x A | Z | A Z2 | X A3 |");
    EXPECT_EQ(beats(s), (std::vector<BeatNote>{{1, 69, 1}, {3, 69, 1}, {8, 69, 1}, {21, 69, 3}}));
}

TEST(AbcReader, TiesJoinNotesOfTheSamePitch) {
    Score s = body("L:1/4\nK:C", "A- A B2- | B C -C D | [CE]- [CE] G2- | G4 | A-B |");
    EXPECT_EQ(beats(s), (std::vector<BeatNote>{{0, 69, 2}, {2, 71, 3}, {5, 60, 2}, {7, 62, 1},
                                               {8, 60, 2}, {8, 64, 2}, {10, 67, 6}, {16, 69, 1}, {17, 71, 1}}));
}

TEST(AbcReader, SlursDoNotChangeTiming) {
    EXPECT_EQ(beats(body("L:1/4\nK:C", "(AB) (c d)")), beats(body("L:1/4\nK:C", "AB cd")));
}

TEST(AbcReader, ChordsTakeTheFirstNotesLengthTimesTheirOwn) {
    Score s = body("L:1/4\nK:C", "[CEG] [CEG]2 [C2E2G2] [ce]/ [df]/ [C2E]2 |");
    EXPECT_EQ(beats(s), (std::vector<BeatNote>{{0, 60, 1}, {0, 64, 1}, {0, 67, 1}, {1, 60, 2}, {1, 64, 2},
                                               {1, 67, 2}, {3, 60, 2}, {3, 64, 2}, {3, 67, 2}, {5, 72, 0.5},
                                               {5, 76, 0.5}, {5.5, 74, 0.5}, {5.5, 77, 0.5}, {6, 60, 4}, {6, 64, 4}}));
}

TEST(AbcReader, Tuplets) {
    Score s = body("M:4/4\nL:1/8\nK:C", "(3ABc d (3:2:2 A B c | (5ABcde | (3A z c |");
    const auto n = beats(s);
    ASSERT_EQ(n.size(), 14u);
    EXPECT_NEAR(n[1].onset, 1.0 / 3, 1e-3);
    EXPECT_NEAR(n[3].onset, 1.0, 1e-3);
    EXPECT_NEAR(n[5].onset, 1.5 + 1.0 / 3, 1e-3);  // (3:2:2: only two notes are in the tuplet
    EXPECT_NEAR(n[6].length, 0.5, 1e-3);
    EXPECT_NEAR(n[8].length, 0.2, 1e-3);  // (5 in simple time: five in the time of two
    EXPECT_NEAR(n[13].onset, n[12].onset + 2.0 / 3, 1e-3);  // the rest counts in the tuplet
    // In compound time (5 means five in the time of three.
    EXPECT_NEAR(beats(body("M:6/8\nL:1/8\nK:C", "(5ABcde"))[0].length, 0.3, 1e-3);
}

TEST(AbcReader, GraceNotesTakeTheirTimeFromTheNextNote) {
    Score s = body("M:4/4\nL:1/8\nK:C", "{g}A B {gf}A2 {/e}c |");
    EXPECT_EQ(beats(s), (std::vector<BeatNote>{{0, 79, 0.125}, {0.125, 69, 0.375}, {0.5, 71, 0.5}, {1, 79, 0.125},
                                               {1.125, 77, 0.125}, {1.25, 69, 0.75}, {2, 76, 0.125}, {2.125, 72, 0.375}}));
}

TEST(AbcReader, InlineFieldsAndBodyFields) {
    Score s = body("M:4/4\nL:1/8\nK:C", "F [K:D] F [L:1/4] F [M:3/4] F |\nK:Bb\nB [Q:1/4=60] B|");
    EXPECT_EQ(beats(s), (std::vector<BeatNote>{{0, 65, 0.5}, {0.5, 66, 0.5}, {1, 66, 1}, {2, 66, 1}, {3, 70, 1}, {4, 70, 1}}));
    ASSERT_EQ(s.keySignatures.size(), 3u);
    EXPECT_EQ(s.keySignatures[1].sharps, 2);
    EXPECT_EQ(s.keySignatures[2].sharps, -2);
    EXPECT_EQ(s.timeSignatureAt(s.ppq() * 2).numerator, 3);
    EXPECT_EQ(s.tempoMap().microsPerQuarterAt(s.ppq() * 4), 1000000);
}

TEST(AbcReader, VoicesBecomeTracks) {
    Score s = readOne("X:1\nT:v\nM:4/4\nL:1/4\nK:C\nV:1 name=\"Tune\"\nCDEF|\nV:2 clef=bass\nC,4|\nV:1\nGABc|\n[V:2] G,4|\n");
    ASSERT_EQ(s.tracks.size(), 2u);
    EXPECT_EQ(s.tracks[0].name, "Tune");
    EXPECT_EQ(s.tracks[0].channel, 0);
    EXPECT_EQ(s.tracks[1].channel, 1);
    EXPECT_EQ(pitches(s, 0), (std::vector<int>{60, 62, 64, 65, 67, 69, 71, 72}));
    EXPECT_EQ(beats(s, 1), (std::vector<BeatNote>{{0, 48, 4}, {4, 55, 4}}));
}

TEST(AbcReader, MusicBeforeTheFirstVoiceBelongsToIt) {
    Score s = readOne("X:1\nT:v\nL:1/4\nK:C\nCD|\nV:1\nEF|\nV:2\nc2|\n");
    ASSERT_EQ(s.tracks.size(), 2u);
    EXPECT_EQ(pitches(s, 0), (std::vector<int>{60, 62, 64, 65}));
}

TEST(AbcReader, GuitarChordsAreKeptAsChordSymbols) {
    Score s = body("M:3/4\nL:1/4\nK:G", "\"G\"G B \"Am7\"d | \"^annotation\"A \"D7/F#\"c2 |");
    ASSERT_EQ(s.tracks[0].chordSymbols.size(), 3u);
    EXPECT_EQ(s.tracks[0].chordSymbols[0].text, "G");
    EXPECT_EQ(s.tracks[0].chordSymbols[1].text, "Am7");
    EXPECT_EQ(s.tracks[0].chordSymbols[1].tick, 2 * s.ppq());
    EXPECT_EQ(s.tracks[0].chordSymbols[2].text, "D7/F#");
    EXPECT_EQ(s.tracks[0].chordSymbols[2].tick, 4 * s.ppq());
}

TEST(AbcReader, AccompanimentAddsBassAndChordTracks) {
    AbcReadOptions options;
    options.accompaniment = true;
    Score s = readOne("X:1\nT:a\nM:4/4\nL:1/4\nK:C\n\"C\"C D \"Am7\"E F|\"G/B\"G4|\n", options);
    ASSERT_EQ(s.tracks.size(), 3u);
    EXPECT_EQ(s.tracks[1].channel, 1);
    EXPECT_EQ(s.tracks[2].channel, 2);
    // Bass on beats 1 and 3, chords on 2 and 4 (abc2midi's fzczfzcz in 4/4), half a beat each.
    EXPECT_EQ(beats(s, 1), (std::vector<BeatNote>{{0, 36, 0.5}, {2, 45, 0.5}, {4, 47, 0.5}, {6, 47, 0.5}}));
    EXPECT_EQ(pitches(s, 2), (std::vector<int>{48, 52, 55, 57, 60, 64, 67, 55, 59, 62, 55, 59, 62}));
}

TEST(AbcReader, MidiProgramAndComments) {
    Score s = readOne("X:1\nT:p % title comment\n%%MIDI program 40\nL:1/4\nK:C\n% a comment line\nC D \\\nE F| % trailing\n");
    EXPECT_EQ(s.tracks[0].program, 40);
    EXPECT_EQ(pitches(s), (std::vector<int>{60, 62, 64, 65}));
}

TEST(AbcReader, MidiChannelDirectives) {
    Score s = readOne("X:1\nT:c\nL:1/4\nK:C\nV:RH\n%%MIDI channel 4\nCD|\nV:Drums\n%%MIDI channel 10\nC,C,|\nV:3\nEF|\n");
    ASSERT_EQ(s.tracks.size(), 3u);
    EXPECT_EQ(s.tracks[0].channel, 3);
    EXPECT_EQ(s.tracks[1].channel, 9);
    EXPECT_TRUE(s.tracks[1].isDrum);
    EXPECT_EQ(s.tracks[2].channel, 2);
    EXPECT_FALSE(s.tracks[2].isDrum);
}

TEST(AbcReader, LyricsAndOtherFieldsAreSkipped) {
    Score s = readOne("X:1\nT:w\nC:Someone\nR:reel\nS:source\nN:note\nZ:me\nL:1/4\nK:C\nC D|\nw:la la\nW:words\nE F|\n");
    EXPECT_EQ(pitches(s), (std::vector<int>{60, 62, 64, 65}));
}

TEST(AbcReader, DecorationsAreAcceptedAndSomePlayed) {
    Score s = body("L:1/8\nK:C", "!accent!A !p!B uc vd !tenuto!e +slide+f | .A HB H c |");
    const auto n = beats(s);
    ASSERT_EQ(n.size(), 9u);
    EXPECT_EQ(n[5].onset, 2.5);
    EXPECT_EQ(n[6], (BeatNote{3, 69, 0.25}));  // staccato: half its length, as abc2midi plays it
    EXPECT_EQ(n[7], (BeatNote{3.5, 71, 1.0}));  // fermata: twice its length
    EXPECT_EQ(n[8], (BeatNote{4.5, 72, 0.5}));  // "H c": a decoration apart from its note is not played
}

TEST(AbcReader, TrillAndRollAsAbc2midiPlaysThem) {
    Score trill = body("M:6/8\nL:1/8\nK:C", "TA B |");
    EXPECT_EQ(pitches(trill), (std::vector<int>{71, 69, 71, 69, 71}));
    Score roll = body("M:6/8\nL:1/8\nK:C", "~e3 ~B |");
    EXPECT_EQ(beats(roll), (std::vector<BeatNote>{{0, 76, 0.5}, {0.5, 77, 0.125}, {0.625, 76, 0.375}, {1, 74, 0.125},
                                                  {1.125, 76, 0.375}, {1.5, 72, 0.125}, {1.625, 71, 0.375}}));
}

TEST(AbcReader, FileWithoutXIsReadAsOneTune) {
    auto tunes = readAbcText("T:fragment\nL:1/4\nK:G\nG A B|\n", "frag.abc");
    ASSERT_EQ(tunes.size(), 1u);
    EXPECT_EQ(tunes[0].number, 1);
    ASSERT_TRUE(tunes[0].score);
    EXPECT_EQ(pitches(*tunes[0].score), (std::vector<int>{67, 69, 71}));
    EXPECT_TRUE(readAbcText("just some text\nwithout music\n", "x.txt").empty());
}

TEST(AbcReader, PpqOption) {
    AbcReadOptions options;
    options.ppq = 96;
    Score s = readOne("X:1\nT:t\nL:1/8\nK:C\n(3ABc d|\n", options);
    EXPECT_EQ(s.ppq(), 96);
    EXPECT_EQ(s.tracks[0].notes[1].start, 32);
    EXPECT_EQ(s.tracks[0].notes[3].start, 96);
}
