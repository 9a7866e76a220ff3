// SPDX-License-Identifier: GPL-3.0-or-later
// The sampling controls on hand-made logits: exact where the answer is known, and statistical (with fixed seeds,
// so deterministic) where the controls shape a distribution.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "generation/NgramGuard.h"
#include "generation/SamplingSettings.h"
#include "generation/TokenSampler.h"

using namespace nf;

namespace {

const std::vector<float> kLogits = {0.5f, 2.0f, 1.0f, 2.0f, -1.0f, 0.0f};  // tokens 1 and 3 tie for the maximum

std::vector<int> drawMany(const SamplingSettings& s, std::uint64_t seed, int count, const std::vector<float>& logits = kLogits) {
    TokenSampler sampler(s, seed);
    std::vector<int> out;
    for (int i = 0; i < count; ++i) out.push_back(sampler.sample(logits).token);
    return out;
}

std::map<int, int> histogram(const std::vector<int>& v) {
    std::map<int, int> h;
    for (int t : v) ++h[t];
    return h;
}

}  // namespace

TEST(Sampler, GreedyTakesTheMostLikelyTokenAndTheLowestIndexOnTies) {
    SamplingSettings s;
    s.greedy = true;
    for (int t : drawMany(s, 1, 5)) EXPECT_EQ(t, 1);
    for (int t : drawMany(s, 999, 5)) EXPECT_EQ(t, 1);  // the seed plays no part
}

TEST(Sampler, ReportsTheModelsProbabilityAndTheMostLikelyAlternatives) {
    SamplingSettings s;
    s.greedy = true;
    s.alternatives = 3;
    TokenSampler sampler(s, 1);
    const auto r = sampler.sample(kLogits);
    double z = 0;
    for (float l : kLogits) z += std::exp(double(l));
    EXPECT_NEAR(r.probability, std::exp(2.0) / z, 1e-6);
    ASSERT_EQ(r.alternatives.size(), 3u);
    EXPECT_EQ(r.alternatives[0].token, 1);
    EXPECT_EQ(r.alternatives[1].token, 3);
    EXPECT_EQ(r.alternatives[2].token, 2);
    EXPECT_NEAR(r.alternatives[2].probability, std::exp(1.0) / z, 1e-6);
}

TEST(Sampler, SameSeedSameTokensOtherSeedOtherTokens) {
    SamplingSettings s;
    EXPECT_EQ(drawMany(s, 7, 200), drawMany(s, 7, 200));
    EXPECT_NE(drawMany(s, 7, 200), drawMany(s, 8, 200));
}

TEST(Sampler, TemperatureOneFollowsTheSoftmax) {
    SamplingSettings s;
    const int n = 60000;
    const auto h = histogram(drawMany(s, 3, n));
    double z = 0;
    for (float l : kLogits) z += std::exp(double(l));
    for (std::size_t v = 0; v < kLogits.size(); ++v) {
        const double p = std::exp(double(kLogits[v])) / z;
        const double sd = std::sqrt(p * (1 - p) / n);
        EXPECT_NEAR(h.count(int(v)) ? double(h.at(int(v))) / n : 0.0, p, 5 * sd) << "token " << v;
    }
}

TEST(Sampler, LowTemperatureSharpensHighTemperatureFlattens) {
    SamplingSettings cold, hot;
    cold.temperature = 0.2;
    hot.temperature = 5.0;
    const auto c = histogram(drawMany(cold, 5, 5000));
    const auto h = histogram(drawMany(hot, 5, 5000));
    EXPECT_GT(c.at(1) + c.at(3), 4900);          // almost only the two best
    EXPECT_GT(h.count(4) ? h.at(4) : 0, 300);    // the worst token gets a real share
}

TEST(Sampler, TopKOneEqualsGreedyAndTopKKeepsOnlyTheKBest) {
    SamplingSettings k1;
    k1.topK = 1;
    for (int t : drawMany(k1, 11, 50)) EXPECT_EQ(t, 1);
    SamplingSettings k3;
    k3.topK = 3;
    const auto h = histogram(drawMany(k3, 11, 3000));
    EXPECT_EQ(h.size(), 3u);
    for (const auto& [t, n] : h) EXPECT_TRUE(t == 1 || t == 2 || t == 3) << t;
}

TEST(Sampler, TopPKeepsTheSmallestSetReachingP) {
    // Probabilities 0.5, 0.3, 0.15, 0.05: top-p 0.75 keeps the first two (0.8 >= 0.75), not the third.
    const std::vector<float> logits = {float(std::log(0.5)), float(std::log(0.3)), float(std::log(0.15)), float(std::log(0.05))};
    SamplingSettings s;
    s.topP = 0.75;
    const auto h = histogram(drawMany(s, 2, 4000, logits));
    EXPECT_EQ(h.size(), 2u);
    EXPECT_NEAR(double(h.at(0)) / 4000, 0.5 / 0.8, 0.03);
}

TEST(Sampler, RepetitionPenaltyMakesRecentTokensRarer) {
    const std::vector<float> logits = {3.0f, 3.0f, 3.0f, 3.0f};
    const auto repeats = [&](double penalty) {
        SamplingSettings s;
        s.repetitionPenalty = penalty;
        s.repetitionWindow = 1;
        const auto v = drawMany(s, 4, 4000, logits);
        int n = 0;
        for (std::size_t i = 1; i < v.size(); ++i) n += v[i] == v[i - 1];
        return n;
    };
    const int plain = repeats(1.0), penalised = repeats(3.0);
    EXPECT_NEAR(plain, 1000, 100);  // a quarter, by chance
    EXPECT_LT(penalised, plain / 2);
    // Greedy on a token that leads by a little: the penalty hands the turn to the runner-up.
    SamplingSettings g;
    g.greedy = true;
    g.repetitionPenalty = 2.0;
    g.repetitionWindow = 1;
    const auto v = drawMany(g, 1, 6, {2.0f, 1.5f, 0.0f});
    EXPECT_EQ(v, (std::vector<int>{0, 1, 0, 1, 0, 1}));
}

TEST(Sampler, NoRepeatNgramGuardNeverRepeatsAnNgram) {
    for (int n : {2, 3, 4}) {
        SamplingSettings s;
        s.greedy = true;  // greedy alone would repeat token 1 for ever
        s.noRepeatNgram = n;
        TokenSampler sampler(s, 1);
        std::vector<int> seq = {1, 1};
        for (int t : seq) sampler.observe(t);
        std::vector<float> logits(50);
        for (std::size_t v = 0; v < logits.size(); ++v) logits[v] = 0.01f * float(v);
        logits[1] = 3.0f;
        int overrides = 0;
        for (int i = 0; i < 40; ++i) {
            const auto r = sampler.sample(logits);
            overrides += r.guardOverridden;
            seq.push_back(r.token);
        }
        std::set<std::vector<int>> seen;
        for (std::size_t i = 0; i + n <= seq.size(); ++i) {
            const std::vector<int> g(seq.begin() + i, seq.begin() + i + n);
            EXPECT_TRUE(seen.insert(g).second || overrides > 0) << "n " << n << " repeated at " << i;
        }
        EXPECT_EQ(overrides, 0) << n;
    }
}

TEST(Sampler, GuardStepsAsideWhenEveryTokenWouldRepeat) {
    SamplingSettings s;
    s.greedy = true;
    s.noRepeatNgram = 2;
    TokenSampler sampler(s, 1);
    for (int t : {0, 0, 0, 1, 1, 0}) sampler.observe(t);  // after 0, both 0 and 1 were seen
    const auto r = sampler.sample(std::vector<float>{1.0f, 0.0f});
    EXPECT_TRUE(r.guardOverridden);
    EXPECT_EQ(r.token, 0);
}

TEST(NgramGuard, BansExactlyTheTokensThatCompleteASeenNgram) {
    NgramGuard g(3);
    for (int t : {5, 6, 7, 5, 6}) g.push(t);
    EXPECT_EQ(g.bannedNext(), std::vector<int>{7});
    g.push(8);  // 5 6 8 is new
    EXPECT_TRUE(g.bannedNext().empty());  // after "6 8" nothing was seen
    NgramGuard off(0);
    off.push(1);
    EXPECT_TRUE(off.bannedNext().empty());
}

TEST(SamplingSettings, ValidatesAndRoundTripsThroughJson) {
    SamplingSettings s;
    s.temperature = 0.8;
    s.topK = 12;
    s.topP = 0.9;
    s.repetitionPenalty = 1.3;
    s.noRepeatNgram = 4;
    s.seed = 1234567890123ULL;
    EXPECT_EQ(SamplingSettings::fromJson(s.toJson()), s);
    EXPECT_NE(s.describe().find("top-k 12"), std::string::npos);
    SamplingSettings bad;
    bad.temperature = 0;
    EXPECT_THROW(bad.validate(), std::invalid_argument);
    bad = SamplingSettings{};
    bad.topP = 1.5;
    EXPECT_THROW(bad.validate(), std::invalid_argument);
    bad = SamplingSettings{};
    bad.noRepeatNgram = 1;
    EXPECT_THROW(bad.validate(), std::invalid_argument);
    bad = SamplingSettings{};
    bad.repetitionPenalty = 0.5;
    EXPECT_THROW(bad.validate(), std::invalid_argument);
    EXPECT_THROW(SamplingSettings::fromJson("{not json"), std::runtime_error);
}
