// SPDX-License-Identifier: GPL-3.0-or-later
// The generator's transformer decoder: its key/value cache against reading everything again, its batched primer
// against token-by-token steps, its rows against the batch they are in, and the generator using it end to end.
// (GenerationDecoderTest checks it against LibTorch.)
#include <gtest/gtest.h>

#include <cmath>

#include "GenerationTestModels.h"
#include "generation/ContextWindow.h"
#include "generation/GenerationModel.h"
#include "generation/Generator.h"
#include "generation/TransformerDecoder.h"
#include "tokenize/SplitMix64.h"

using namespace nf;

namespace {

std::vector<int> randomTokens(int count, int vocab, std::uint64_t seed) {
    SplitMix64 rng(seed);
    std::vector<int> out;
    for (int i = 0; i < count; ++i) out.push_back(static_cast<int>(rng.below(static_cast<std::uint64_t>(vocab))));
    return out;
}

double maxDifference(std::span<const float> a, std::span<const float> b) {
    EXPECT_EQ(a.size(), b.size());
    double d = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) d = std::max(d, std::abs(double(a[i]) - b[i]));
    return d;
}

const GenerationModel& model() {
    static const GenerationModel m = GenerationModel::open(test::generationTestModel("transformer"));
    return m;
}

}  // namespace

TEST(TransformerDecoder, CachedDecodingEqualsFullRecomputation) {
    const auto& w = model().transformerWeights();
    const auto tokens = randomTokens(w.context * 3 + 7, w.vocabSize, 5);
    gen::WorkerPool pool(2);
    TransformerDecoder cached(w, 1, pool), recomputed(w, 1, pool);
    std::deque<int> window;  // what the recomputation reads: the context, slid as ContextWindow.h says
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        cached.step(std::span<const int>(&tokens[i], 1));
        gen::pushIntoContext(window, tokens[i], w.context);
        const std::vector<int> all(window.begin(), window.end());
        recomputed.reset();
        recomputed.prime(all);
        ASSERT_LT(maxDifference(cached.logits(0), recomputed.logits(0)), 1e-5) << "token " << i;
        ASSERT_EQ(cached.cached(0), static_cast<int>(window.size()));
    }
}

// A primer read in one pass attends with a causal mask: each of its tokens gets what token-by-token steps, which
// cannot see the future, give it. (The LibTorch network's mask: TransformerTest.)
TEST(TransformerDecoder, APrimerReadInOnePassEqualsStepsAcrossTheSlidingWindow) {
    const auto& w = model().transformerWeights();
    for (int length : {1, w.context - 1, w.context, w.context + 1, 2 * w.context + 3}) {
        const auto tokens = randomTokens(length, w.vocabSize, static_cast<std::uint64_t>(length));
        gen::WorkerPool pool(1);
        TransformerDecoder primed(w, 1, pool), stepped(w, 1, pool);
        primed.prime(tokens);
        for (int t : tokens) stepped.step(std::span<const int>(&t, 1));
        EXPECT_LT(maxDifference(primed.logits(0), stepped.logits(0)), 1e-5) << length;
        EXPECT_EQ(primed.cached(0), stepped.cached(0)) << length;
        EXPECT_LE(primed.cached(0), w.context);
    }
}

TEST(TransformerDecoder, RowsDoNotDependOnBatchSizeThreadsOrForks) {
    const auto& w = model().transformerWeights();
    constexpr int K = 11;  // more than one block of 8 rows
    const int steps = w.context + 10;  // some rows slide while others do not (their lengths differ)
    std::vector<std::vector<int>> seqs;
    for (int k = 0; k < K; ++k) seqs.push_back(randomTokens(steps, w.vocabSize, 100 + static_cast<std::uint64_t>(k)));
    gen::WorkerPool one(1), two(2);
    TransformerDecoder batch(w, K, two);
    const std::vector<int> primer = randomTokens(5, w.vocabSize, 9);
    batch.prime(primer);
    for (int k = 1; k < K; ++k) batch.copyRow(0, k);
    std::vector<int> column(K);
    for (int t = 0; t < steps; ++t) {
        for (int k = 0; k < K; ++k) column[static_cast<std::size_t>(k)] = seqs[static_cast<std::size_t>(k)][static_cast<std::size_t>(t)];
        batch.step(column);
    }
    for (int k = 0; k < K; ++k) {
        TransformerDecoder single(w, 1, one);
        single.prime(primer);
        for (int t : seqs[static_cast<std::size_t>(k)]) single.step(std::span<const int>(&t, 1));
        const auto a = single.logits(0), b = batch.logits(k);
        EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin())) << "row " << k;
    }
}

TEST(TransformerDecoder, RefusesTokensOutsideTheVocabulary) {
    const auto& w = model().transformerWeights();
    gen::WorkerPool pool(1);
    TransformerDecoder decoder(w, 1, pool);
    const int bad = w.vocabSize;
    EXPECT_THROW(decoder.step(std::span<const int>(&bad, 1)), std::out_of_range);
    EXPECT_THROW(decoder.prime(std::span<const int>(&bad, 1)), std::out_of_range);
    EXPECT_THROW(model().weights(), std::logic_error);  // not an LSTM
}

TEST(TransformerDecoder, TheGeneratorWritesVariationsWithIt) {
    Generator generator(model(), 2);
    GenerationSettings settings;
    settings.length = model().config().seqLength * 2;  // past the context
    settings.variations = 3;
    settings.stopAtEnd = false;
    settings.sampling.seed = 4;
    const auto primer = randomTokens(5, model().vocabulary().size(), 8);
    const auto out = generator.generate(primer, settings);
    ASSERT_EQ(out.size(), 3u);
    for (const auto& seq : out) EXPECT_EQ(seq.tokens.size(), static_cast<std::size_t>(settings.length));
    // The same seed gives the same variation alone as in the batch.
    settings.variations = 1;
    const auto alone = generator.generate(primer, settings);
    EXPECT_EQ(alone[0].tokens, out[0].tokens);
}
