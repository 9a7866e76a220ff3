// SPDX-License-Identifier: GPL-3.0-or-later
// Generation with tiny models trained on real music: determinism, seeds, batched variations, the sampling
// controls on a real model, primers and stopping.
#include <gtest/gtest.h>

#include <set>

#include "GenerationTestModels.h"
#include "generation/EventClock.h"
#include "generation/GeneratedPiece.h"
#include "generation/GenerationModel.h"
#include "generation/Generator.h"
#include "generation/Primer.h"

using namespace nf;

namespace {

struct Fixture {
    GenerationModel model;
    Generator generator;
    explicit Fixture(const std::string& kind, int threads = 2)
        : model(GenerationModel::open(test::generationTestModel(kind))), generator(model, threads) {}
    std::vector<GeneratedSequence> run(const GenerationSettings& s, const Primer& p) {
        return generator.generate(p.tokens, s);
    }
};

GenerationSettings settings(int length, std::uint64_t seed = 1) {
    GenerationSettings s;
    s.length = length;
    s.sampling.seed = seed;
    s.stopAtEnd = false;
    return s;
}

// Share of tokens equal to one of the `window` tokens before them.
double repeatShare(const std::vector<int>& tokens, std::size_t window) {
    std::size_t repeats = 0;
    for (std::size_t i = 1; i < tokens.size(); ++i)
        for (std::size_t j = i > window ? i - window : 0; j < i; ++j)
            if (tokens[j] == tokens[i]) {
                ++repeats;
                break;
            }
    return tokens.size() > 1 ? double(repeats) / double(tokens.size() - 1) : 0;
}

}  // namespace

TEST(Generation, GreedyIsDeterministicAndTakesTheArgmax) {
    for (const char* kind : {"lstm", "paper-midi", "paper-abc"}) {
        Fixture f(kind);
        auto s = settings(60);
        s.sampling.greedy = true;
        const Primer p = silentPrimer(f.model, 1);
        const auto a = f.run(s, p), b = f.run(s, p);
        s.sampling.seed = 999;  // greedy ignores the seed
        const auto c = f.run(s, p);
        EXPECT_EQ(a[0].tokens, b[0].tokens) << kind;
        EXPECT_EQ(a[0].tokens, c[0].tokens) << kind;
        ASSERT_EQ(a[0].tokens.size(), 60u);
        for (const auto& choice : a[0].choices) {
            ASSERT_FALSE(choice.alternatives.empty());
            EXPECT_EQ(choice.token, choice.alternatives.front().token) << kind;  // the most likely one
            EXPECT_GT(choice.probability, 0.0f);
            EXPECT_LE(choice.probability, 1.0f);
        }
    }
}

TEST(Generation, SameSeedSameMusicOtherSeedOtherMusic) {
    Fixture f("lstm");
    const Primer p = silentPrimer(f.model, 1);
    const auto a = f.run(settings(120, 5), p), b = f.run(settings(120, 5), p), c = f.run(settings(120, 6), p);
    EXPECT_EQ(a[0].tokens, b[0].tokens);
    EXPECT_NE(a[0].tokens, c[0].tokens);
}

TEST(Generation, TopKOneEqualsGreedy) {
    for (const char* kind : {"lstm", "paper-abc"}) {
        Fixture f(kind);
        const Primer p = silentPrimer(f.model, 1);
        auto greedy = settings(80), top1 = settings(80, 1234);
        greedy.sampling.greedy = true;
        top1.sampling.topK = 1;
        EXPECT_EQ(f.run(greedy, p)[0].tokens, f.run(top1, p)[0].tokens) << kind;
    }
}

TEST(Generation, BatchedVariationsEqualTheSameSeedsRunAlone) {
    for (const char* kind : {"lstm", "paper-midi"}) {
        for (DecodeMode mode : {DecodeMode::Incremental, DecodeMode::Windowed}) {
            Fixture f(kind);
            Fixture alone(kind, 1);
            const Primer p = silentPrimer(f.model, 1);
            auto s = settings(mode == DecodeMode::Windowed ? 25 : 100, 40);
            s.mode = mode;
            s.variations = 9;  // more than one block of 8 rows
            s.sampling.topP = 0.95;
            const auto batch = f.run(s, p);
            ASSERT_EQ(batch.size(), 9u);
            std::set<std::vector<int>> distinct;
            for (int k = 0; k < 9; ++k) {
                auto one = s;
                one.variations = 1;
                one.sampling.seed = variationSeed(s.sampling.seed, k);
                const auto single = alone.run(one, p);
                EXPECT_EQ(batch[std::size_t(k)].seed, one.sampling.seed);
                EXPECT_EQ(batch[std::size_t(k)].tokens, single[0].tokens) << kind << " variation " << k;
                for (std::size_t i = 0; i < single[0].choices.size(); ++i)
                    ASSERT_EQ(batch[std::size_t(k)].choices[i].probability, single[0].choices[i].probability);
                distinct.insert(batch[std::size_t(k)].tokens);
            }
            EXPECT_GE(distinct.size(), 8u) << kind;
        }
    }
}

TEST(Generation, NoRepeatNgramGuardHoldsOnARealModel) {
    Fixture f("paper-midi");
    const Primer p = silentPrimer(f.model, 1);
    auto s = settings(200);
    s.sampling.greedy = true;  // greedy loops on the same few notes: the paper's complaint
    s.sampling.noRepeatNgram = 4;
    const auto out = f.run(s, p)[0];
    ASSERT_EQ(out.guardOverrides, 0);
    std::vector<int> all = p.tokens;
    all.insert(all.end(), out.tokens.begin(), out.tokens.end());
    std::set<std::vector<int>> seen;
    for (std::size_t i = 0; i + 4 <= all.size(); ++i)
        EXPECT_TRUE(seen.insert(std::vector<int>(all.begin() + i, all.begin() + i + 4)).second) << "at " << i;
    auto plain = settings(200);
    plain.sampling.greedy = true;
    const auto looping = f.run(plain, p)[0].tokens;
    std::set<std::vector<int>> plainSeen;
    bool repeated = false;
    for (std::size_t i = 0; i + 4 <= looping.size(); ++i)
        repeated |= !plainSeen.insert(std::vector<int>(looping.begin() + i, looping.begin() + i + 4)).second;
    EXPECT_TRUE(repeated);  // without the guard this model does repeat itself
}

TEST(Generation, RepetitionPenaltyReducesRepeats) {
    Fixture f("paper-midi");
    const Primer p = silentPrimer(f.model, 1);
    double plain = 0, penalised = 0;
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        auto s = settings(150, seed);
        plain += repeatShare(f.run(s, p)[0].tokens, 4);
        s.sampling.repetitionPenalty = 3.0;
        s.sampling.repetitionWindow = 4;
        penalised += repeatShare(f.run(s, p)[0].tokens, 4);
    }
    EXPECT_LT(penalised, plain * 0.8) << plain / 4 << " vs " << penalised / 4;
}

TEST(Generation, StopsAtTheEndTokenUnlessToldOtherwise) {
    Fixture f("paper-abc");
    // Primed with a whole training tune but its end marker: "</tune>" is then likely at some point.
    const Primer p = dataPrimer(f.model, test::generationTestData("paper-abc"), 400, 2);
    auto s = settings(600);
    s.variations = 16;
    s.stopAtEnd = true;
    int ended = 0;
    for (const auto& out : f.run(s, p)) {
        if (out.reachedEnd) {
            ++ended;
            EXPECT_EQ(out.tokens.back(), *f.model.endToken());
            EXPECT_EQ(std::count(out.tokens.begin(), out.tokens.end(), *f.model.endToken()), 1);
        } else {
            EXPECT_EQ(out.tokens.size(), 600u);
        }
    }
    EXPECT_GT(ended, 0);
    s.stopAtEnd = false;
    for (const auto& out : f.run(s, p)) EXPECT_EQ(out.tokens.size(), 600u);
}

TEST(Generation, EventsModelsStopAfterBarsOrSeconds) {
    Fixture f("lstm");
    const Primer p = silentPrimer(f.model, 1);
    auto s = settings(100000, 3);
    s.bars = 4;
    const auto out = f.run(s, p)[0];
    EventClock clock(f.model.config().tokenizer.stepsPerBeat);
    for (int t : out.tokens) clock.feed(f.model.vocabulary().token(t));
    EXPECT_GE(clock.bars(), 4.0);
    EventClock before(f.model.config().tokenizer.stepsPerBeat);
    for (std::size_t i = 0; i + 1 < out.tokens.size(); ++i) before.feed(f.model.vocabulary().token(out.tokens[i]));
    EXPECT_LT(before.bars(), 4.0);  // it stopped at the first token that reached 4 bars
}

TEST(Generation, CancelStopsEarly) {
    Fixture f("lstm");
    std::atomic<bool> cancel{false};
    int calls = 0;
    const auto out = f.generator.generate(silentPrimer(f.model, 1).tokens, settings(500), &cancel, [&](int done, int total) {
        EXPECT_EQ(total, 500);
        calls = done;
        if (done == 10) cancel = true;
    });
    EXPECT_EQ(out[0].tokens.size(), 10u);
    EXPECT_EQ(calls, 10);
}

TEST(Generation, RefusesBadSettingsAndPrimers) {
    Fixture f("lstm");
    EXPECT_THROW(f.generator.generate({}, settings(10)), std::invalid_argument);
    EXPECT_THROW(f.generator.generate({f.model.vocabulary().size()}, settings(10)), std::invalid_argument);
    auto bad = settings(10);
    bad.sampling.temperature = -1;
    EXPECT_THROW(f.generator.generate({0}, bad), std::invalid_argument);
    bad = settings(0);
    EXPECT_THROW(f.generator.generate({0}, bad), std::invalid_argument);
}

TEST(Primers, DataWindowIsTheModelsWindowOfARealPiece) {
    Fixture f("paper-midi");
    const std::string data = test::generationTestData("paper-midi");
    const Primer a = dataPrimer(f.model, data, 0, 7), b = dataPrimer(f.model, data, 0, 7), c = dataPrimer(f.model, data, 0, 8);
    EXPECT_EQ(a.tokens, b.tokens);
    EXPECT_EQ(static_cast<int>(a.tokens.size()), f.model.config().seqLength);
    EXPECT_FALSE(a.inOutput);  // the paper kept only the continuation
    EXPECT_NE(a.source.find(data), std::string::npos);
    EXPECT_TRUE(a.tokens != c.tokens || a.source != c.source);
    EXPECT_THROW(dataPrimer(f.model, data + "/no-such-folder", 0, 1), std::runtime_error);
}

TEST(Primers, AbcModelsStartFromATunesHeader) {
    Fixture f("paper-abc");
    const Primer p = dataPrimer(f.model, test::generationTestData("paper-abc"), 0, 3);
    ASSERT_FALSE(p.tokens.empty());
    EXPECT_EQ(p.tokens.front(), *f.model.startToken());
    EXPECT_EQ(f.model.vocabulary().token(p.tokens[1]), "X");
    EXPECT_TRUE(p.inOutput);
}

TEST(Primers, NothingMeansAPieceBoundaryOrATuneStart) {
    Fixture events("lstm"), abc("paper-abc"), notes("paper-midi");
    const Primer e = silentPrimer(events.model, 1);
    EXPECT_EQ(events.model.vocabulary().token(e.tokens.at(0)), "END");
    EXPECT_EQ(e.contextTokens, 1);
    EXPECT_EQ(abc.model.vocabulary().token(silentPrimer(abc.model, 1).tokens.at(0)), "<tune>");
    const Primer n = silentPrimer(notes.model, 1);
    EXPECT_EQ(n.tokens.size(), 1u);
    EXPECT_EQ(n.contextTokens, 1);
}
