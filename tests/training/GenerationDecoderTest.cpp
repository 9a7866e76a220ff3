// SPDX-License-Identifier: GPL-3.0-or-later
// The generation decoder (hand-written SIMD LSTM over the model file's weights) against the training engine's
// LibTorch network, token by token, for every model kind (the transformer's own decoder included: its cache, and its
// window sliding past the context, against LibTorch reading the whole context again); and its batch/thread
// independence.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "GenerationTestModels.h"
#include "generation/GenerationModel.h"
#include "generation/LstmDecoder.h"
#include "tokenize/SplitMix64.h"
#include "training/engine/SequenceModel.h"

using namespace nf;

namespace {

std::vector<int> randomTokens(int count, int vocab, std::uint64_t seed) {
    SplitMix64 rng(seed);
    std::vector<int> out;
    for (int i = 0; i < count; ++i) out.push_back(static_cast<int>(rng.below(static_cast<std::uint64_t>(vocab))));
    return out;
}

double maxDifference(std::span<const float> a, const std::vector<float>& b) {
    EXPECT_EQ(a.size(), b.size());
    double d = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) d = std::max(d, std::abs(double(a[i]) - b[i]));
    return d;
}

class DecoderMatchesTraining : public ::testing::TestWithParam<const char*> {};

}  // namespace

TEST_P(DecoderMatchesTraining, LogitsEqualLibTorchsStepByStep) {
    const std::string path = test::generationTestModel(GetParam());
    const auto model = GenerationModel::open(path);
    const auto reference = SequenceModel::load(path);
    ASSERT_EQ(model.vocabulary().tokens(), reference.vocabulary().tokens());
    const int V = model.vocabulary().size();
    // Longer than paper-midi's window, so its sliding window is checked too.
    const auto tokens = randomTokens(model.config().seqLength * 3 + 5, V, 11);

    gen::WorkerPool pool(2);
    const auto owner = model.makeDecoder(1, pool);
    TokenDecoder& decoder = *owner;
    auto state = reference.initialState();
    const bool manyToOne = model.config().model.manyToOne;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto expected = reference.step(tokens[i], state);
        if (manyToOne) {
            // paper-midi reads its last seqLength tokens from a zero state: the decoder's windowed mode.
            decoder.reset();
            const std::size_t w = std::min<std::size_t>(i + 1, static_cast<std::size_t>(model.config().seqLength));
            for (std::size_t j = i + 1 - w; j <= i; ++j) decoder.step(std::span<const int>(&tokens[j], 1), j == i);
        } else {
            decoder.step(std::span<const int>(&tokens[i], 1));
        }
        ASSERT_LT(maxDifference(decoder.logits(0), expected), 2e-4) << GetParam() << " token " << i;
    }
}

INSTANTIATE_TEST_SUITE_P(Kinds, DecoderMatchesTraining, ::testing::Values("lstm", "paper-abc", "paper-midi", "transformer"));

TEST(GenerationDecoder, IncrementalEqualsWindowedWithinTheFirstWindow) {
    const auto model = GenerationModel::open(test::generationTestModel("paper-midi"));
    const auto tokens = randomTokens(model.config().seqLength, model.vocabulary().size(), 3);
    gen::WorkerPool pool(1);
    LstmDecoder incremental(model.weights(), 1, pool), windowed(model.weights(), 1, pool);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        incremental.step(std::span<const int>(&tokens[i], 1));
        windowed.reset();
        for (std::size_t j = 0; j <= i; ++j) windowed.step(std::span<const int>(&tokens[j], 1), j == i);
        const auto a = incremental.logits(0), b = windowed.logits(0);
        ASSERT_TRUE(std::equal(a.begin(), a.end(), b.begin())) << "token " << i;
    }
}

TEST(GenerationDecoder, RowsDoNotDependOnBatchSizeOrThreads) {
    for (const char* kind : {"lstm", "paper-midi"}) {
        const auto model = GenerationModel::open(test::generationTestModel(kind));
        const int V = model.vocabulary().size();
        constexpr int K = 11;  // more than one block of 8 rows
        std::vector<std::vector<int>> seqs;
        for (int k = 0; k < K; ++k) seqs.push_back(randomTokens(40, V, 100 + static_cast<std::uint64_t>(k)));
        gen::WorkerPool one(1), two(2);
        LstmDecoder batch(model.weights(), K, two);
        std::vector<int> column(K);
        for (int t = 0; t < 40; ++t) {
            for (int k = 0; k < K; ++k) column[static_cast<std::size_t>(k)] = seqs[static_cast<std::size_t>(k)][static_cast<std::size_t>(t)];
            batch.step(column);
        }
        for (int k = 0; k < K; ++k) {
            LstmDecoder single(model.weights(), 1, one);
            for (int t : seqs[static_cast<std::size_t>(k)]) single.step(std::span<const int>(&t, 1));
            const auto a = single.logits(0), b = batch.logits(k);
            EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin())) << kind << " row " << k;
        }
    }
}

TEST(GenerationDecoder, RefusesTokensOutsideTheVocabulary) {
    const auto model = GenerationModel::open(test::generationTestModel("lstm"));
    gen::WorkerPool pool(1);
    LstmDecoder decoder(model.weights(), 1, pool);
    const int bad = model.vocabulary().size();
    EXPECT_THROW(decoder.step(std::span<const int>(&bad, 1)), std::out_of_range);
}

TEST(GenerationModelFile, RefusesMissingAndForeignFiles) {
    test::TempDir dir("gen-model");
    EXPECT_THROW(GenerationModel::open(dir.file("none.nfm")), ModelFileError);
    {
        std::ofstream out(dir.file("junk.nfm"));
        out << "not a model";
    }
    try {
        GenerationModel::open(dir.file("junk.nfm"));
        FAIL();
    } catch (const ModelFileError& e) {
        EXPECT_NE(std::string(e.what()).find("junk.nfm"), std::string::npos);
    }
}
