// SPDX-License-Identifier: GPL-3.0-or-later
// The conditioned drum GAN's data (issue 19): the band's onsets read back from a drums corpus's tokens, each
// training bar's conditions (the band on its steps, the bar before when it is the same form's), and the held-out
// runs keeping their band when silent or foreign bars are cut.
#include <gtest/gtest.h>

#include <algorithm>

#include "drums/DrumClass.h"
#include "drums/DrumGanData.h"
#include "drums/DrumGanSampling.h"
#include "drums/DrumTokenizer.h"

using namespace nf;

namespace {

constexpr int kWidth = 2 * kDrumClassCount;

DrumBar bar(int numerator, int kickStep) {
    DrumBar b{numerator, 4, std::vector<DrumStep>(static_cast<std::size_t>(numerator * 4))};
    if (kickStep >= 0) b.steps[static_cast<std::size_t>(kickStep)][static_cast<std::size_t>(DrumClass::Kick)] = 3;  // bin 2
    return b;
}

std::vector<BandStep> silentBand(int steps) { return std::vector<BandStep>(static_cast<std::size_t>(steps)); }

// A corpus of drums-representation pieces, each with its band when given (the BAND header and each step's tokens).
TokenizedCorpus corpusOf(const std::vector<std::pair<DrumPattern, std::optional<BandOnsets>>>& pieces) {
    TokenizedCorpus corpus;
    corpus.tokenizer.kind = TokenizerKind::Drums;
    corpus.tokenizer.bandOnsets = true;
    std::vector<std::vector<std::string>> written;
    std::vector<std::string> vocab;
    for (const auto& [pattern, band] : pieces) {
        std::vector<std::string> tokens{"DRUMS"};
        if (band) tokens.emplace_back("BAND");
        for (const std::string& t : drumPatternTokens(pattern, band ? &*band : nullptr)) tokens.push_back(t);
        tokens.emplace_back("END");
        for (const std::string& t : tokens)
            if (std::find(vocab.begin(), vocab.end(), t) == vocab.end()) vocab.push_back(t);
        written.push_back(tokens);
    }
    corpus.vocab = Vocabulary(vocab);
    for (const auto& tokens : written) {
        TokenizedPiece piece;
        for (const std::string& t : tokens) piece.ids.push_back(*corpus.vocab.find(t));
        corpus.pieces.push_back(piece);
    }
    return corpus;
}

std::vector<std::size_t> all(const TokenizedCorpus& c) {
    std::vector<std::size_t> out(c.pieces.size());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = i;
    return out;
}

DrumGanSettings conditioned(bool band, bool primer) {
    DrumGanSettings g;
    g.generator = DrumGanGenerator::Lstm;
    g.band = band;
    g.primer = primer;
    return g;
}

}  // namespace

// What drumPatternTokens writes of the band, drumPatternFromTokens reads back: each step's onsets as the least its
// token says (one, two, four) and its bass flag, on the step it was written on.
TEST(DrumGanData, TheBandComesBackFromTheTokensStepByStep) {
    DrumPattern p;
    p.bars = {bar(4, 0), bar(4, -1)};
    BandOnsets band{silentBand(16), silentBand(16)};
    band[0][0] = {1, true};
    band[0][6] = {3, false};
    band[1][15] = {7, true};
    band[1][3] = {0, false};
    std::vector<std::string> tokens{"DRUMS", "BAND"};
    for (const std::string& t : drumPatternTokens(p, &band)) tokens.push_back(t);
    BandOnsets heard;
    const DrumPattern back = drumPatternFromTokens(tokens, &heard);
    EXPECT_EQ(back, p) << "the band's tokens do not change the pattern";
    BandOnsets expected{silentBand(16), silentBand(16)};
    expected[0][0] = {1, true};
    expected[0][6] = {2, false};
    expected[1][15] = {4, true};
    EXPECT_EQ(heard, expected);

    const auto pieces = drumGanPiecesOf(corpusOf({{p, band}, {p, std::nullopt}}), {0, 1});
    ASSERT_EQ(pieces.size(), 2u);
    ASSERT_TRUE(pieces[0].band.has_value()) << "a piece with BAND has a band, silent steps and all";
    EXPECT_EQ(*pieces[0].band, expected);
    EXPECT_FALSE(pieces[1].band.has_value()) << "a drums-only piece has none";
}

TEST(DrumGanData, EachTrainingBarIsConditionedOnItsBandAndTheBarBeforeInItsForm) {
    // A band piece: 4/4, 4/4, 3/4, 4/4, 4/4 (the 3/4 bar is no training bar and no bar before); and a drums-only piece.
    DrumPattern withBand;
    withBand.bars = {bar(4, 0), bar(4, 2), bar(3, 1), bar(4, 4), bar(4, 6)};
    BandOnsets band{silentBand(16), silentBand(16), silentBand(12), silentBand(16), silentBand(16)};
    band[0][0] = {1, true};
    band[1][5] = {2, false};
    band[3][8] = {5, false};
    DrumPattern alone;
    alone.bars = {bar(4, 10), bar(4, 12)};
    const auto pieces = drumGanPiecesOf(corpusOf({{withBand, band}, {alone, std::nullopt}}), {0, 1});

    const DrumGanSettings g = conditioned(true, true);
    const int size = drumGanConditionSize(g);
    ASSERT_EQ(size, kDrumGanBandFeatures + kWidth);
    const DrumGanTrainingSet set = drumGanTrainingSet(pieces, g);
    ASSERT_EQ(set.bars, 6u) << "the 3/4 bar is left out";
    ASSERT_EQ(set.values.size(), 6u * 16 * kWidth);
    ASSERT_EQ(set.conditions.size(), 6u * 16 * static_cast<std::size_t>(size));
    const auto condition = [&](std::size_t b, int step, int feature) {
        return set.conditions[(b * 16 + static_cast<std::size_t>(step)) * static_cast<std::size_t>(size) + static_cast<std::size_t>(feature)];
    };
    const auto value = [&](std::size_t b, int step, int channel) {
        return set.values[(b * 16 + static_cast<std::size_t>(step)) * kWidth + static_cast<std::size_t>(channel)];
    };
    const int kick = static_cast<int>(DrumClass::Kick);
    // The bars' own values: the kick where it was, at its velocity bin's middle level.
    EXPECT_EQ(value(0, 0, kick), 1.0f);
    EXPECT_FLOAT_EQ(value(0, 0, kDrumClassCount + kick), 2.5f / kDrumVelocityBins);
    EXPECT_EQ(value(2, 4, kick), 1.0f) << "the 4/4 bar after the 3/4 one";

    // The band: "a band" on every step of the band piece; B_1 + BL, B_2, B_3 on their steps.
    for (int s = 0; s < 16; ++s) EXPECT_EQ(condition(0, s, 0), 1.0f) << s;
    EXPECT_EQ(condition(0, 0, 1), 1.0f);
    EXPECT_EQ(condition(0, 0, 4), 1.0f);
    EXPECT_EQ(condition(0, 1, 1), 0.0f);
    EXPECT_EQ(condition(1, 5, 2), 1.0f);
    EXPECT_EQ(condition(1, 5, 4), 0.0f);
    EXPECT_EQ(condition(2, 8, 3), 1.0f) << "five onsets: four or more";
    for (std::size_t b : {4u, 5u})
        for (int s = 0; s < 16; ++s)
            for (int f = 0; f < kDrumGanBandFeatures; ++f) EXPECT_EQ(condition(b, s, f), 0.0f) << "no band: all silent";

    // The bar before: the same pattern's previous bar in the same form, else nothing.
    const auto primerSum = [&](std::size_t b) {
        float sum = 0;
        for (int s = 0; s < 16; ++s)
            for (int c = 0; c < kWidth; ++c) sum += condition(b, s, kDrumGanBandFeatures + c);
        return sum;
    };
    EXPECT_EQ(primerSum(0), 0.0f) << "a piece's first bar starts afresh";
    EXPECT_EQ(condition(1, 0, kDrumGanBandFeatures + kick), 1.0f) << "bar 2 hears bar 1's kick on step 1";
    EXPECT_FLOAT_EQ(condition(1, 0, kDrumGanBandFeatures + kDrumClassCount + kick), 2.5f / kDrumVelocityBins);
    EXPECT_EQ(primerSum(2), 0.0f) << "after a 3/4 bar: no bar before in the form";
    EXPECT_EQ(condition(3, 4, kDrumGanBandFeatures + kick), 1.0f);
    EXPECT_EQ(primerSum(4), 0.0f) << "the next piece starts afresh";
    EXPECT_EQ(condition(5, 10, kDrumGanBandFeatures + kick), 1.0f);

    // Each condition alone, and none.
    EXPECT_EQ(drumGanConditionSize(conditioned(true, false)), kDrumGanBandFeatures);
    EXPECT_EQ(drumGanConditionSize(conditioned(false, true)), kWidth);
    const DrumGanTrainingSet primerOnly = drumGanTrainingSet(pieces, conditioned(false, true));
    EXPECT_EQ(primerOnly.conditions[(1 * 16 + 0) * kWidth + static_cast<std::size_t>(kick)], 1.0f);
    const DrumGanTrainingSet plain = drumGanTrainingSet(pieces, DrumGanSettings{});
    EXPECT_TRUE(plain.conditions.empty());
    EXPECT_EQ(plain.values, set.values);
}

// The held-out runs the check drums against: cut at a bar of another form, silent ends dropped, the band cut with
// its bars so that each kept bar keeps its own.
TEST(DrumGanData, HeldOutRunsKeepEachBarsBand) {
    DrumPattern p;
    p.bars = {bar(4, -1), bar(4, 3), bar(3, 0), bar(4, 5), bar(4, -1)};
    BandOnsets band{silentBand(16), silentBand(16), silentBand(12), silentBand(16), silentBand(16)};
    band[0][1] = {1, false};
    band[1][3] = {2, true};
    band[3][5] = {4, false};
    const auto pieces = drumGanPiecesOf(corpusOf({{p, band}}), {0});
    const auto runs = drumPartsInForm(pieces, DrumBarForm{4, 4, 4, 0});
    ASSERT_EQ(runs.size(), 2u);
    ASSERT_EQ(runs[0].drums.bars.size(), 1u) << "the silent first bar is dropped";
    ASSERT_TRUE(runs[0].band.has_value());
    ASSERT_EQ(runs[0].band->size(), 1u);
    EXPECT_EQ((*runs[0].band)[0][3], (BandStep{2, true})) << "the kept bar keeps its own band";
    ASSERT_EQ(runs[1].drums.bars.size(), 1u) << "the silent last bar is dropped";
    EXPECT_EQ((*runs[1].band)[0][5], (BandStep{4, false}));
}
