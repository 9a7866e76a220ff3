// SPDX-License-Identifier: GPL-3.0-or-later
// Novelty and copied runs: the suffix automaton against brute force, and crafted copies whose answers are known.
#include <gtest/gtest.h>

#include <random>

#include "EvaluationTestScores.h"
#include "evaluation/Evaluator.h"
#include "evaluation/SuffixAutomaton.h"

using namespace nf;
using namespace nf::evaltest;

namespace {

// The longest suffix of query[0..i] that occurs inside one of `seqs`, by trying every length and place.
int bruteLongest(const std::vector<std::vector<int>>& seqs, const std::vector<int>& query, std::size_t i) {
    int best = 0;
    for (std::size_t len = 1; len <= i + 1; ++len) {
        const auto first = query.begin() + static_cast<std::ptrdiff_t>(i + 1 - len);
        const auto last = query.begin() + static_cast<std::ptrdiff_t>(i + 1);
        bool found = false;
        for (const auto& s : seqs)
            if (std::search(s.begin(), s.end(), first, last) != s.end()) found = true;
        if (found) best = static_cast<int>(len);
    }
    return best;
}

std::vector<Piece> threeTrainingPieces() {
    return {piece("train/a.mid", melody(walk(1, 60))), piece("train/b.mid", melody(walk(2, 60))),
            piece("train/c.mid", melody(walk(3, 60)))};
}

}  // namespace

TEST(EvaluationSuffixAutomaton, MatchesBruteForceOnRandomSequences) {
    std::mt19937 rng(7);
    for (int round = 0; round < 30; ++round) {
        std::uniform_int_distribution<int> alphabet(0, 1 + round % 4);  // small alphabets make many repeats
        std::vector<std::vector<int>> seqs(1 + round % 4);
        SuffixAutomaton sam;
        for (auto& s : seqs) {
            s.resize(5 + rng() % 30);
            for (int& t : s) t = alphabet(rng);
            sam.addSequence(s);
        }
        std::vector<int> query(40);
        for (int& t : query) t = alphabet(rng);
        const auto matches = sam.matchAll(query);
        ASSERT_EQ(matches.size(), query.size());
        for (std::size_t i = 0; i < query.size(); ++i) {
            ASSERT_EQ(matches[i].length, bruteLongest(seqs, query, i)) << "round " << round << " position " << i;
            if (matches[i].length == 0) continue;
            // The witness must really hold the run where it says.
            const auto& s = seqs.at(static_cast<std::size_t>(matches[i].sequence));
            const int end = matches[i].sequenceEnd;
            ASSERT_GE(end + 1, matches[i].length);
            ASSERT_LT(end, static_cast<int>(s.size()));
            for (int k = 0; k < matches[i].length; ++k)
                ASSERT_EQ(s[static_cast<std::size_t>(end - k)], query[i - static_cast<std::size_t>(k)]);
        }
    }
}

TEST(EvaluationSuffixAutomaton, NeverMatchesAcrossTwoSequences) {
    SuffixAutomaton sam;
    sam.addSequence({1, 2, 3});
    sam.addSequence({4, 5, 6});
    const auto m = sam.matchAll({2, 3, 4, 5});
    EXPECT_EQ(m[1].length, 2);  // 2 3
    EXPECT_EQ(m[2].length, 1);  // 3 4 is nowhere
    EXPECT_EQ(m[3].length, 2);  // 4 5
    EXPECT_EQ(m[3].sequence, 1);
}

TEST(EvaluationNovelty, VerbatimCopyOfATrainingFileHasNoveltyZeroAndNamesIt) {
    const TrainingReference reference(threeTrainingPieces());
    const PieceEvaluation e = evaluatePiece(piece("gen.mid", melody(walk(2, 60))), reference);
    ASSERT_TRUE(e.novelty);
    const NoveltyFigures& n = *e.novelty;
    EXPECT_EQ(n.pitch4.ngrams, 57u);
    EXPECT_EQ(n.pitch8.ngrams, 53u);
    EXPECT_EQ(n.pitch4.novel, 0u);
    EXPECT_DOUBLE_EQ(n.pitch4.share, 0.0);
    EXPECT_DOUBLE_EQ(n.pitch8.share, 0.0);
    EXPECT_DOUBLE_EQ(n.pitchClass4.share, 0.0);
    EXPECT_DOUBLE_EQ(n.pitchClass8.share, 0.0);
    EXPECT_EQ(n.longestCopy.length, 60);
    EXPECT_EQ(n.longestCopy.file, "train/b.mid");
    EXPECT_EQ(n.longestCopy.trainingStart, 0);
    EXPECT_EQ(n.longestCopy.pieceStart, 0);
    EXPECT_EQ(n.longestPitchClassCopy.length, 60);
}

TEST(EvaluationNovelty, PitchesTheTrainingSetNeverUsesAreAllNovel) {
    const TrainingReference reference(threeTrainingPieces());
    const PieceEvaluation e =
        evaluatePiece(piece("gen.mid", melody({30, 31, 32, 33, 34, 35, 36, 37, 38, 39})), reference);
    ASSERT_TRUE(e.novelty);
    EXPECT_DOUBLE_EQ(e.novelty->pitch4.share, 1.0);
    EXPECT_DOUBLE_EQ(e.novelty->pitch8.share, 1.0);
    EXPECT_EQ(e.novelty->longestCopy.length, 0);
    EXPECT_EQ(e.novelty->longestCopy.file, "");
    // Pitch classes are octave-blind: 30..39 are F#..D#, and runs of those do occur in the training walks.
    EXPECT_GT(e.novelty->longestPitchClassCopy.length, 0);
}

TEST(EvaluationNovelty, EmbeddedCopyIsFoundWithItsPlaceInBothPieces) {
    const TrainingReference reference(threeTrainingPieces());
    const std::vector<int> c = walk(3, 60);
    std::vector<int> gen{100, 101, 102, 103, 104};               // never in training
    gen.insert(gen.end(), c.begin() + 20, c.begin() + 32);       // 12 events of c from event 20
    gen.insert(gen.end(), {110, 111, 112, 113, 114, 115, 116});  // never in training
    const PieceEvaluation e = evaluatePiece(piece("gen.mid", melody(gen)), reference);
    ASSERT_TRUE(e.novelty);
    const CopiedRun& run = e.novelty->longestCopy;
    EXPECT_EQ(run.length, 12);
    EXPECT_EQ(run.file, "train/c.mid");
    EXPECT_EQ(run.trainingStart, 20);
    EXPECT_EQ(run.pieceStart, 5);
    EXPECT_EQ(run.pieceTrack, 0);
    // 4-grams: 21 in all; exactly the 9 inside the copied run occur in training.
    EXPECT_EQ(e.novelty->pitch4.ngrams, 21u);
    EXPECT_EQ(e.novelty->pitch4.novel, 12u);
    // 8-grams: 17 in all; the 5 inside the run are known.
    EXPECT_EQ(e.novelty->pitch8.ngrams, 17u);
    EXPECT_EQ(e.novelty->pitch8.novel, 12u);
}

TEST(EvaluationNovelty, TransposedCopyIsNovelInPitchButNotInPitchClassAnOctaveUp) {
    const TrainingReference reference(threeTrainingPieces());
    std::vector<int> up = walk(1, 40);
    for (int& p : up) p += 12;
    const PieceEvaluation e = evaluatePiece(piece("gen.mid", melody(up)), reference);
    ASSERT_TRUE(e.novelty);
    EXPECT_DOUBLE_EQ(e.novelty->pitchClass8.share, 0.0);
    EXPECT_EQ(e.novelty->longestPitchClassCopy.length, 40);
    EXPECT_EQ(e.novelty->longestPitchClassCopy.file, "train/a.mid");
    EXPECT_GT(e.novelty->pitch8.share, 0.0);
}

TEST(EvaluationNovelty, TooShortForAnNgramHasNoShare) {
    const TrainingReference reference(threeTrainingPieces());
    const PieceEvaluation e = evaluatePiece(piece("gen.mid", melody({60, 62, 64})), reference);
    ASSERT_TRUE(e.novelty);
    EXPECT_EQ(e.novelty->pitch4.ngrams, 0u);
    EXPECT_TRUE(std::isnan(e.novelty->pitch4.share));
}

TEST(EvaluationNovelty, ChordTopNoteIsTheMelodyToken) {
    // Training: the melody 72 74 76 77 79 as the top of block chords; generated: the bare melody.
    const TrainingReference reference({piece("t.mid", chords({{60, 64, 72}, {62, 74}, {76}, {65, 69, 77}, {79, 67}}))});
    const PieceEvaluation e = evaluatePiece(piece("g.mid", melody({72, 74, 76, 77, 79})), reference);
    ASSERT_TRUE(e.novelty);
    EXPECT_EQ(e.novelty->longestCopy.length, 5);
    EXPECT_DOUBLE_EQ(e.novelty->pitch4.share, 0.0);
}

TEST(EvaluationNovelty, SummaryPoolsNgramsAndKeepsTheLongestCopy) {
    const TrainingReference reference(threeTrainingPieces());
    const EvaluationResult r = evaluatePieces({piece("copy.mid", melody(walk(1, 60))),
                                               piece("new.mid", melody({30, 31, 32, 33, 34, 35, 36, 37, 38, 39}))},
                                              reference, "train");
    ASSERT_EQ(r.pieces.size(), 2u);
    EXPECT_EQ(r.trainingPieces, 3u);
    // 57 known 4-grams of the copy, 7 novel ones of the other piece.
    EXPECT_DOUBLE_EQ(r.summary.novelPitch4, 7.0 / 64.0);
    EXPECT_EQ(r.summary.longestCopy.length, 60);
    EXPECT_EQ(r.summary.longestCopy.file, "train/a.mid");
    EXPECT_EQ(r.summary.longestCopyPiece, "copy.mid");
    EXPECT_FALSE(r.training.hasNovelty);
    EXPECT_TRUE(std::isnan(r.training.novelPitch4));
}
