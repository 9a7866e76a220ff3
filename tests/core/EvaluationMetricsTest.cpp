// SPDX-License-Identifier: GPL-3.0-or-later
// Repetition, key, rhythm and texture figures on crafted scores whose answers can be worked out by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "EvaluationTestScores.h"
#include "evaluation/EventSequence.h"
#include "evaluation/Evaluator.h"
#include "evaluation/KeyFinder.h"
#include "evaluation/PieceMetrics.h"

using namespace nf;
using namespace nf::evaltest;

namespace {

PitchClassHistogram durationHistogram(const Score& score) {
    PitchClassHistogram h{};
    for (const Note& n : pitchedNotes(score)) h[n.pitch % 12] += static_cast<double>(n.duration);
    return h;
}

}  // namespace

TEST(EvaluationEvents, NotesStartingTogetherFormOneChordPerTrackAndDrumsAreLeftOut) {
    Score s = chords({{64, 60, 67}, {62}, {60, 60}});
    s.tracks.emplace_back();
    s.tracks[1].isDrum = true;
    s.addNote(1, Note{0, 36, 100, 0, 100});
    const auto seqs = eventSequences(s);
    ASSERT_EQ(seqs.size(), 1u);
    ASSERT_EQ(seqs[0].events.size(), 3u);
    EXPECT_EQ(seqs[0].events[0].pitches, (std::vector<int>{60, 64, 67}));
    EXPECT_EQ(seqs[0].events[2].pitches, (std::vector<int>{60}));  // a doubled key is one pitch
    EXPECT_EQ(melodyTokens(seqs[0]), (std::vector<int>{67, 62, 60}));
    EXPECT_EQ(pitchClassTokens(seqs[0]), (std::vector<int>{7, 2, 0}));
}

TEST(EvaluationRepetition, OneRepeatedNoteHasRepetitionOne) {
    const RepetitionFigures r = repetitionFigures(eventSequences(melody(std::vector<int>(16, 60))));
    EXPECT_EQ(r.events, 16u);
    EXPECT_EQ(r.pairs, 15u);
    EXPECT_DOUBLE_EQ(r.repeatShare, 1.0);
    EXPECT_EQ(r.longestRun, 16);
}

TEST(EvaluationRepetition, ScaleHasNoRepeatsAndRunOfOne) {
    const RepetitionFigures r = repetitionFigures(eventSequences(melody({60, 62, 64, 65, 67})));
    EXPECT_DOUBLE_EQ(r.repeatShare, 0.0);
    EXPECT_EQ(r.longestRun, 1);
}

TEST(EvaluationRepetition, ChordsRepeatOnlyWhenAllTheirNotesDo) {
    // C C C(with a different top) C G G: pairs 5, repeats: C-C, G-G = 2; longest run 2.
    const RepetitionFigures r = repetitionFigures(
        eventSequences(chords({{60, 64, 67}, {60, 64, 67}, {60, 64, 72}, {60, 64, 67}, {55, 59}, {55, 59}})));
    EXPECT_EQ(r.pairs, 5u);
    EXPECT_EQ(r.repeats, 2u);
    EXPECT_DOUBLE_EQ(r.repeatShare, 0.4);
    EXPECT_EQ(r.longestRun, 2);
}

TEST(EvaluationRepetition, TrackBoundariesAreNotRepeats) {
    Score s = melody({60, 62, 64});
    s.tracks.emplace_back();
    for (int i = 0; i < 3; ++i) s.addNote(1, Note{0, 64, 80, i * kPpq, kPpq});  // starts with the last note of track 0
    const RepetitionFigures r = repetitionFigures(eventSequences(s));
    EXPECT_EQ(r.pairs, 4u);
    EXPECT_EQ(r.repeats, 2u);
    EXPECT_EQ(r.longestRun, 3);
}

TEST(EvaluationKey, CMajorScaleFitsCMajorWithEveryNoteInScale) {
    const Score s = melody({60, 62, 64, 65, 67, 69, 71, 72});
    for (KeyProfile profile : {KeyProfile::KrumhanslKessler, KeyProfile::Temperley}) {
        const TonalFigures t = tonalFigures(s, profile);
        EXPECT_EQ(t.key.name(), "C major") << keyProfileName(profile);
        EXPECT_DOUBLE_EQ(t.inScaleShare, 1.0);
        EXPECT_GT(t.key.correlation, 0.5);
    }
}

TEST(EvaluationKey, AMinorMelodyFitsAMinor) {
    // A phrase that outlines A minor: tonic and dominant leaning, the leading tone G# at the cadence.
    const Score s = melody({69, 72, 76, 72, 69, 71, 72, 74, 76, 74, 72, 71, 69, 64, 68, 69, 69});
    for (KeyProfile profile : {KeyProfile::KrumhanslKessler, KeyProfile::Temperley}) {
        const TonalFigures t = tonalFigures(s, profile);
        EXPECT_EQ(t.key.name(), "A minor") << keyProfileName(profile);
        EXPECT_EQ(t.key.tonic, 9);
        EXPECT_TRUE(t.key.minor);
        EXPECT_DOUBLE_EQ(t.inScaleShare, 1.0);  // G# is the harmonic minor's leading tone
    }
}

TEST(EvaluationKey, EveryMajorScaleIsFoundInEveryTransposition) {
    for (int tonic = 0; tonic < 12; ++tonic) {
        std::vector<int> scale;
        for (int step : {0, 2, 4, 5, 7, 9, 11, 12, 7, 4, 0}) scale.push_back(48 + tonic + step);
        const KeyEstimate k = estimateKey(durationHistogram(melody(scale)));
        EXPECT_EQ(k.tonic, tonic);
        EXPECT_FALSE(k.minor);
    }
}

TEST(EvaluationKey, ChromaticNotesLowerTheInScaleShare) {
    // Eight C-major notes and two foreign ones (C#, F#) keep C major but only 80% in scale.
    const TonalFigures t = tonalFigures(melody({60, 64, 67, 72, 67, 64, 60, 61, 66, 60}), KeyProfile::KrumhanslKessler);
    EXPECT_EQ(t.key.name(), "C major");
    EXPECT_DOUBLE_EQ(t.inScaleShare, 0.8);
}

TEST(EvaluationKey, HistogramDistanceIsTotalVariation) {
    PitchClassHistogram a{}, b{}, c{};
    a[0] = 1;
    b[0] = 2;          // same shape, other scale
    c[0] = c[7] = 1;   // half its weight elsewhere
    EXPECT_DOUBLE_EQ(histogramDistance(a, b), 0.0);
    EXPECT_DOUBLE_EQ(histogramDistance(a, c), 0.5);
    PitchClassHistogram d{};
    d[5] = 3;
    EXPECT_DOUBLE_EQ(histogramDistance(a, d), 1.0);
    EXPECT_EQ(rotateToTonic(c, 7)[5], 1.0);  // C is a fourth above G
}

TEST(EvaluationRhythm, IsochronousSequenceHasZeroIoiEntropy) {
    const RhythmFigures r = rhythmFigures(melody({60, 62, 64, 65, 67, 69, 71, 72}, kPpq / 2));
    EXPECT_DOUBLE_EQ(r.ioiEntropyBits, 0.0);
}

TEST(EvaluationRhythm, TwoEquallyCommonIntervalsGiveOneBit) {
    Score s(kPpq);
    s.tracks.emplace_back();
    Tick t = 0;
    for (int i = 0; i < 9; ++i) {  // quarter, eighth, quarter, eighth ...: 4 + 4 intervals
        s.addNote(0, Note{0, 60, 80, t, 10});
        t += (i % 2 == 0) ? kPpq : kPpq / 2;
    }
    EXPECT_NEAR(rhythmFigures(s).ioiEntropyBits, 1.0, 1e-12);
}

TEST(EvaluationRhythm, SmallTimingJitterDoesNotCountAsANewInterval) {
    Score s(kPpq);
    s.tracks.emplace_back();
    for (int i = 0; i < 8; ++i) s.addNote(0, Note{0, 60, 80, i * kPpq + (i % 2 ? 3 : -3) + 3, 100});
    EXPECT_DOUBLE_EQ(rhythmFigures(s).ioiEntropyBits, 0.0);
}

TEST(EvaluationRhythm, BlockChordsHavePolyphonyOfTheirSize) {
    // Triads of one beat each with a beat of rest between them: silence does not lower the mean.
    Score s(kPpq);
    s.tracks.emplace_back();
    for (int i = 0; i < 4; ++i)
        for (int p : {60, 64, 67}) s.addNote(0, Note{0, p + i, 80, i * 2 * kPpq, kPpq});
    const RhythmFigures r = rhythmFigures(s);
    EXPECT_DOUBLE_EQ(r.meanPolyphony, 3.0);
    EXPECT_EQ(r.maxPolyphony, 3);
}

TEST(EvaluationRhythm, OverlapsAreWeightedByTime) {
    // One note for 4 beats, a second over its last 2 beats: 2 beats of 1 + 2 beats of 2 = mean 1.5.
    Score s(kPpq);
    s.tracks.emplace_back();
    s.addNote(0, Note{0, 60, 80, 0, 4 * kPpq});
    s.addNote(0, Note{0, 64, 80, 2 * kPpq, 2 * kPpq});
    const RhythmFigures r = rhythmFigures(s);
    EXPECT_DOUBLE_EQ(r.meanPolyphony, 1.5);
    EXPECT_EQ(r.maxPolyphony, 2);
}

TEST(EvaluationRhythm, SilentBarsAreCounted) {
    // 4/4, notes in bars 1, 3 and 6 (a note held from bar 3 into bar 4): bars 2 and 5 are silent.
    Score s(kPpq);
    s.tracks.emplace_back();
    const Tick bar = 4 * kPpq;
    s.addNote(0, Note{0, 60, 80, 0, kPpq});
    s.addNote(0, Note{0, 62, 80, 2 * bar + 3 * kPpq, 2 * kPpq});
    s.addNote(0, Note{0, 64, 80, 5 * bar, kPpq});
    const RhythmFigures r = rhythmFigures(s);
    EXPECT_EQ(r.bars, 6);
    EXPECT_EQ(r.silentBars, 2);
    EXPECT_DOUBLE_EQ(r.silentBarShare, 2.0 / 6.0);
}

TEST(EvaluationRhythm, SilentBarsFollowTheTimeSignature) {
    // 3/4: a note at beat 0 and one at beat 9 (bar 4); bars 2 and 3 are silent.
    Score s(kPpq);
    s.timeSignatures.push_back(TimeSignature{0, 3, 4});
    s.tracks.emplace_back();
    s.addNote(0, Note{0, 60, 80, 0, kPpq});
    s.addNote(0, Note{0, 60, 80, 9 * kPpq, kPpq});
    const RhythmFigures r = rhythmFigures(s);
    EXPECT_EQ(r.bars, 4);
    EXPECT_EQ(r.silentBars, 2);
}

TEST(EvaluationRhythm, DensityAndRange) {
    const RhythmFigures r = rhythmFigures(melody({60, 62, 64, 65, 67, 69, 71, 72}, kPpq / 2));
    EXPECT_DOUBLE_EQ(r.notesPerBeat, 2.0);  // eight eighths in four beats
    EXPECT_EQ(r.lowestPitch, 60);
    EXPECT_EQ(r.highestPitch, 72);
    EXPECT_EQ(r.pitchRange, 12);
}

TEST(EvaluationRhythm, EmptyAndDrumOnlyScoresHaveNoValues) {
    Score s(kPpq);
    s.tracks.emplace_back();
    s.tracks[0].isDrum = true;
    s.addNote(0, Note{0, 36, 100, 0, 100});
    const RhythmFigures r = rhythmFigures(s);
    EXPECT_TRUE(std::isnan(r.notesPerBeat));
    EXPECT_TRUE(std::isnan(r.ioiEntropyBits));
    EXPECT_EQ(r.bars, 0);
    const TonalFigures t = tonalFigures(s, KeyProfile::KrumhanslKessler);
    EXPECT_TRUE(std::isnan(t.inScaleShare));
}

TEST(EvaluationRhythm, AbsurdEndTickStaysBounded) {
    Score s(kPpq);
    s.tracks.emplace_back();
    s.addNote(0, Note{0, 60, 80, 0, kPpq});
    s.addNote(0, Note{0, 60, 80, Tick{1} << 50, kPpq});
    const RhythmFigures r = rhythmFigures(s);
    EXPECT_GT(r.bars, 0);
    EXPECT_LE(r.bars, 1'000'000);
}

TEST(EvaluationTraining, TrainingFiguresSitBesideTheGeneratedOnes) {
    const TrainingReference reference({piece("t1.mid", melody(std::vector<int>(8, 60))),
                                       piece("t2.mid", melody({60, 62, 64, 65, 67, 69, 71, 72}))});
    const EvaluationResult r = evaluatePieces({piece("g.mid", melody({60, 60, 62, 62}))}, reference, "t");
    // Training: 7 repeats of 7 pairs, 0 of 7; generated: 2 of 3.
    EXPECT_DOUBLE_EQ(r.training.repeatShare, 0.5);
    EXPECT_DOUBLE_EQ(r.summary.repeatShare, 2.0 / 3.0);
    EXPECT_EQ(r.training.longestRunMax, 8);
    EXPECT_DOUBLE_EQ(r.training.longestRunMean, 4.5);
    EXPECT_EQ(r.training.pieces, 2u);
    // Measured against the training mean histogram.
    EXPECT_FALSE(std::isnan(r.pieces[0].tonal.pcDistance));
}

TEST(EvaluationTraining, PieceWithTheTrainingHistogramHasDistanceZero) {
    const TrainingReference reference({piece("t.mid", melody({60, 64, 67, 60}))});
    const PieceEvaluation e = evaluatePiece(piece("g.mid", melody({72, 76, 79, 72, 48, 52, 55, 48})), reference);
    EXPECT_NEAR(e.tonal.pcDistance, 0.0, 1e-12);
    EXPECT_NEAR(e.tonal.pcDistanceTonic, 0.0, 1e-12);
    // Transposed to G it is far in raw pitch classes but identical relative to its tonic.
    const PieceEvaluation g = evaluatePiece(piece("g.mid", melody({67, 71, 74, 67})), reference);
    EXPECT_GT(g.tonal.pcDistance, 0.5);
    EXPECT_NEAR(g.tonal.pcDistanceTonic, 0.0, 1e-12);
}
