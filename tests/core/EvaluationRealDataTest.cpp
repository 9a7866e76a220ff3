// SPDX-License-Identifier: GPL-3.0-or-later
// Evaluation on real files from ../shared/data: copies of training files are found where they really are, keys
// agree with the files' own key signatures, and two labelled sets read from files tabulate side by side.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "dataset/Dataset.h"
#include "evaluation/EvaluationTable.h"
#include "evaluation/EventSequence.h"
#include "evaluation/Evaluator.h"
#include "evaluation/PieceMetrics.h"
#include "evaluation/SummaryMetrics.h"

using namespace nf;
namespace fs = std::filesystem;

namespace {

const fs::path kShared = NF_SHARED_DATA;
const fs::path kMelodies = kShared / "midi" / "nottingham";         // melody-only MIDI files
const fs::path kJigs = kShared / "midi" / "abc2midi-nottingham";     // melody + accompaniment tracks

std::vector<Piece> loadFiles(const fs::path& folder, const std::vector<std::string>& names) {
    std::vector<Piece> pieces;
    for (const std::string& name : names) {
        Dataset d = loadDataset((folder / name).string());
        EXPECT_EQ(d.pieces.size(), 1u) << name;
        for (Piece& p : d.pieces) pieces.push_back(std::move(p));
    }
    return pieces;
}

// The melody tokens of track `track` of `score`.
std::vector<int> trackTokens(const Score& score, int track) {
    for (const EventSequence& seq : eventSequences(score))
        if (seq.trackIndex == track) return melodyTokens(seq);
    return {};
}

class EvaluationRealData : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(kMelodies) || !fs::exists(kJigs)) GTEST_SKIP() << "no shared data at " << kShared;
    }
};

}  // namespace

TEST_F(EvaluationRealData, TrainingFilesAreFullCopiesFoundWhereTheyReallyAre) {
    const Dataset training = loadDataset(kMelodies.string());
    ASSERT_GT(training.pieces.size(), 100u);
    const TrainingReference reference(training.pieces);
    const EvaluationResult r = evaluatePieces(training.pieces, reference, kMelodies.string());
    for (std::size_t i = 0; i < r.pieces.size(); ++i) {
        const PieceEvaluation& e = r.pieces[i];
        ASSERT_TRUE(e.novelty);
        EXPECT_EQ(e.novelty->pitch4.novel, 0u) << e.file;
        EXPECT_EQ(e.novelty->pitch8.novel, 0u) << e.file;
        std::size_t longestTrack = 0;
        for (const EventSequence& seq : eventSequences(training.pieces[i].score))
            longestTrack = std::max(longestTrack, seq.events.size());
        const CopiedRun& run = e.novelty->longestCopy;
        EXPECT_EQ(static_cast<std::size_t>(run.length), longestTrack) << e.file;
        // The named training piece holds the run at the place given (usually the piece itself; a tune that is
        // part of another, like a shortened version, may name that one).
        const auto source = std::find_if(training.pieces.begin(), training.pieces.end(),
                                         [&](const Piece& p) { return p.file == run.file; });
        ASSERT_NE(source, training.pieces.end()) << run.file;
        const std::vector<int> from = trackTokens(source->score, run.track);
        const std::vector<int> in = trackTokens(training.pieces[i].score, run.pieceTrack);
        ASSERT_LE(static_cast<std::size_t>(run.trainingStart + run.length), from.size()) << e.file;
        ASSERT_LE(static_cast<std::size_t>(run.pieceStart + run.length), in.size()) << e.file;
        EXPECT_TRUE(std::equal(in.begin() + run.pieceStart, in.begin() + run.pieceStart + run.length,
                               from.begin() + run.trainingStart))
            << e.file << " vs " << run.file;
    }
}

TEST_F(EvaluationRealData, EstimatedKeysMostlyAgreeWithTheFilesKeySignatures) {
    const Dataset jigs = loadDataset(kJigs.string());
    ASSERT_GT(jigs.pieces.size(), 50u);
    std::size_t withSignature = 0, agree = 0;
    for (const Piece& p : jigs.pieces) {
        if (p.score.keySignatures.empty()) continue;
        ++withSignature;
        const KeySignature sig = p.score.keySignatureAt(0);
        const TonalFigures t = tonalFigures(p.score, KeyProfile::KrumhanslKessler);
        // Same scale: the estimated key's relative major has the signature's number of sharps. Modal folk tunes
        // (D mixolydian written with one sharp) count as disagreeing, which is why this asks for a majority only.
        const int relativeMajor = t.key.minor ? (t.key.tonic + 3) % 12 : t.key.tonic;
        const int sigMajor = ((sig.sharps * 7) % 12 + 12) % 12;
        if (relativeMajor == sigMajor) ++agree;
    }
    ASSERT_GT(withSignature, 50u);
    EXPECT_GT(static_cast<double>(agree) / static_cast<double>(withSignature), 0.8)
        << agree << " of " << withSignature;
}

TEST_F(EvaluationRealData, MelodyOnlyFilesAreMonophonicAndMostlyInScale) {
    const Dataset training = loadDataset(kMelodies.string());
    const TrainingReference reference(training.pieces);
    const SetSummary& s = reference.summary();
    EXPECT_NEAR(s.meanPolyphony, 1.0, 0.05);
    EXPECT_GT(s.inScaleShare, 0.9);
    EXPECT_GT(s.keyCorrelation, 0.6);
    EXPECT_LT(s.silentBarShare, 0.05);
    EXPECT_GT(s.pitchRange, 5.0);
    EXPECT_LT(s.pitchRange, 36.0);
}

TEST_F(EvaluationRealData, TwoLabelledSetsFromFilesTabulateSideBySide) {
    const Dataset training = loadDataset(kMelodies.string());
    const TrainingReference reference(training.pieces);
    const auto jigs = loadFiles(kJigs, {"jigs100.mid", "jigs101.mid", "jigs102.mid"});
    const auto known = loadFiles(kMelodies, {"hpps1.mid", "waltzes1.mid", "xmas1.mid"});
    const std::vector<LabelledResult> sets{{"jigs", evaluatePieces(jigs, reference, kMelodies.string())},
                                           {"training-copies", evaluatePieces(known, reference, kMelodies.string())}};
    EXPECT_DOUBLE_EQ(sets[1].result.summary.novelPitch8, 0.0);
    EXPECT_GT(sets[0].result.summary.novelPitch8, 0.0);  // no jig is among the melody files
    EXPECT_GT(sets[0].result.summary.meanPolyphony, 1.0);  // abc2midi added chords

    const std::string table = formatComparisonTable(sets);
    std::istringstream lines(table);
    std::string header;
    std::getline(lines, header);
    const auto jigsAt = header.find("jigs");
    const auto copiesAt = header.find("training-copies");
    const auto trainingAt = header.find("training", copiesAt + 1);
    ASSERT_NE(jigsAt, std::string::npos);
    ASSERT_NE(copiesAt, std::string::npos);
    ASSERT_NE(trainingAt, std::string::npos);
    EXPECT_LT(jigsAt, copiesAt);
    std::string piecesRow;
    std::getline(lines, piecesRow);
    // "pieces  3  3  N": one cell per set, then the training set's count.
    std::istringstream cells(piecesRow.substr(std::string("pieces").size()));
    std::size_t a = 0, b = 0, n = 0;
    cells >> a >> b >> n;
    EXPECT_EQ(a, 3u);
    EXPECT_EQ(b, 3u);
    EXPECT_EQ(n, training.pieces.size());
}
