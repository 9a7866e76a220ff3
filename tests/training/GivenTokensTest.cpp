// SPDX-License-Identifier: GPL-3.0-or-later
// A drums model that follows the band is given the band's tokens, never asked to write them: training and validation
// do not score them (TrainingSession's given targets). Here the band is random (B_1 or B_3 before half the steps) and
// the drums are silent steps: once the band is not scored, nearly every target is predictable; scored, a third of
// them are coin flips.
#include <gtest/gtest.h>

#include "TrainingTestUtil.h"
#include "tokenize/TokenizedCorpus.h"
#include "tokenize/SplitMix64.h"
#include "training/Trainer.h"

namespace nf {
namespace {

TokenizedCorpus randomBandCorpus(bool bandOnsets) {
    TokenizedCorpus c;
    c.tokenizer.kind = TokenizerKind::Drums;
    c.tokenizer.bandOnsets = bandOnsets;
    c.vocab = Vocabulary({"BAND", "BAR", "B_1", "B_3", "DRUMS", "END", "GRID_4", "S"});
    SplitMix64 rng(11);
    for (int p = 0; p < 20; ++p) {
        TokenizedPiece piece;
        piece.file = test::numberedName("piece", p, ".mid");
        for (const char* t : {"DRUMS", "BAND", "GRID_4"}) piece.ids.push_back(c.vocab.at(t));
        for (int bar = 0; bar < 8; ++bar) {
            piece.ids.push_back(c.vocab.at("BAR"));
            for (int step = 0; step < 16; ++step) {
                if (rng.below(2) == 0) piece.ids.push_back(c.vocab.at(rng.below(2) == 0 ? "B_1" : "B_3"));
                piece.ids.push_back(c.vocab.at("S"));
            }
        }
        piece.ids.push_back(c.vocab.at("END"));
        c.pieces.push_back(piece);
    }
    c.fingerprint = contentFingerprint(c);
    return c;
}

// The last epoch's training and validation accuracy.
std::pair<double, double> accuracies(bool bandOnsets) {
    test::TempDir dir(bandOnsets ? "given-on" : "given-off");
    TrainingConfig config = test::tinyConfig(ModelKind::Lstm);
    config.tokenizer.kind = TokenizerKind::Drums;
    config.tokenizer.bandOnsets = bandOnsets;
    config.valShare = 0.2;
    config.epochs = 3;
    const TrainingResult result = Trainer(config, {dir.file("m.nfm")}).run(randomBandCorpus(bandOnsets));
    EXPECT_EQ(result.outcome, TrainingOutcome::Finished) << result.message;
    if (result.history.empty() || !result.history.back().valAccuracy) return {-1, -1};
    return {result.history.back().trainAccuracy, *result.history.back().valAccuracy};
}

TEST(GivenTokens, TheBandsTokensAreNotScoredWhenADrumsModelFollowsTheBand) {
    // Training's own figures (its steps) and validation's are both the drums' alone.
    const auto [givenTrain, givenValidation] = accuracies(true);
    const auto [scoredTrain, scoredValidation] = accuracies(false);
    EXPECT_GT(givenTrain, 0.85) << "S after S or after a band token, BAR and END: all predictable";
    EXPECT_GT(givenValidation, 0.85);
    EXPECT_LT(scoredTrain, 0.75) << "a third of the targets are the random band";
    EXPECT_LT(scoredValidation, 0.75);
}

}  // namespace
}  // namespace nf
