// SPDX-License-Identifier: GPL-3.0-or-later
// The held-note guard on hand-written event streams, the sampler obeying its limits, and the settings that carry
// it (old recipes without the keys must regenerate exactly, so missing keys mean "off").
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "generation/HeldNoteGuard.h"
#include "generation/SamplingSettings.h"
#include "generation/TokenSampler.h"
#include "tokenize/Vocabulary.h"

using namespace nf;

namespace {

// An events vocabulary with 4 steps per beat: two tracks, a few keys, shifts of 1..8 steps.
Vocabulary eventsVocabulary() {
    std::vector<std::string> t = {"END", "TRK_0", "TRK_1", "VEL_3"};
    for (int p : {60, 62, 64, 67}) {
        t.push_back("ON_" + std::to_string(p));
        t.push_back("OFF_" + std::to_string(p));
    }
    for (int n = 1; n <= 8; ++n) t.push_back("SHIFT_" + std::to_string(n));
    return Vocabulary(t);
}

constexpr int kStepsPerBeat = 4;

void feed(HeldNoteGuard& g, const Vocabulary& v, const std::vector<std::string>& tokens) {
    for (const auto& t : tokens) g.push(v.at(t));
}

}  // namespace

TEST(HeldNoteGuard, RequiresTheReleaseOfANoteHeldTooLongAndNothingBefore) {
    const Vocabulary v = eventsVocabulary();
    HeldNoteGuard g(v, kStepsPerBeat, 2.0, 0);  // two beats = 8 steps
    ASSERT_FALSE(g.inert());
    feed(g, v, {"TRK_0", "ON_60", "SHIFT_4", "ON_64", "SHIFT_3"});
    EXPECT_TRUE(g.required().empty());  // 7 steps: still allowed
    feed(g, v, {"SHIFT_1"});            // 8 steps: ON_60 is due
    EXPECT_EQ(g.required(), std::vector<int>{v.at("OFF_60")});
    feed(g, v, {"OFF_60"});
    EXPECT_TRUE(g.required().empty());  // ON_64 has sounded 4 steps
    feed(g, v, {"SHIFT_8"});
    EXPECT_EQ(g.required(), std::vector<int>{v.at("OFF_64")});
    EXPECT_TRUE(g.banned().empty());  // no polyphony limit
}

TEST(HeldNoteGuard, ReleasesOnAnotherTrackThroughItsTrackToken) {
    const Vocabulary v = eventsVocabulary();
    HeldNoteGuard g(v, kStepsPerBeat, 1.0, 0);
    feed(g, v, {"TRK_1", "ON_67", "TRK_0", "ON_60", "SHIFT_2", "OFF_60", "SHIFT_2"});
    EXPECT_EQ(g.required(), std::vector<int>{v.at("TRK_1")});
    feed(g, v, {"TRK_1"});
    EXPECT_EQ(g.required(), std::vector<int>{v.at("OFF_67")});
    feed(g, v, {"OFF_67"});
    EXPECT_TRUE(g.required().empty());
    EXPECT_EQ(g.soundingNotes(), 0);
}

TEST(HeldNoteGuard, AReStrikeStartsTheNoteAgain) {
    const Vocabulary v = eventsVocabulary();
    HeldNoteGuard g(v, kStepsPerBeat, 1.0, 0);
    feed(g, v, {"ON_62", "SHIFT_3", "ON_62", "SHIFT_3"});
    EXPECT_TRUE(g.required().empty());
    feed(g, v, {"SHIFT_1"});
    EXPECT_EQ(g.required(), std::vector<int>{v.at("OFF_62")});
}

TEST(HeldNoteGuard, BansNoteOnsWhileThePolyphonyLimitIsReached) {
    const Vocabulary v = eventsVocabulary();
    HeldNoteGuard g(v, kStepsPerBeat, 0.0, 2);
    feed(g, v, {"ON_60"});
    EXPECT_TRUE(g.banned().empty());
    feed(g, v, {"ON_64"});
    const std::vector<int> ons = {v.at("ON_60"), v.at("ON_62"), v.at("ON_64"), v.at("ON_67")};
    EXPECT_EQ(g.banned(), ons);
    feed(g, v, {"SHIFT_8", "SHIFT_8"});
    EXPECT_TRUE(g.required().empty());  // no length limit
    feed(g, v, {"OFF_64"});
    EXPECT_TRUE(g.banned().empty());
}

// The decoder gives a note released in the step it began one step of sound (EventTokenizer::decode), so such notes
// count against the limit until time moves: ON OFF ON OFF ON in one step is three notes at once in the score.
TEST(HeldNoteGuard, ANoteReleasedBeforeTimeMovesCountsUntilTheNextShift) {
    const Vocabulary v = eventsVocabulary();
    HeldNoteGuard g(v, kStepsPerBeat, 0.0, 3);
    feed(g, v, {"ON_60", "SHIFT_1", "ON_62", "OFF_62", "ON_64"});
    EXPECT_EQ(g.soundingNotes(), 3);
    EXPECT_FALSE(g.banned().empty());
    feed(g, v, {"OFF_64"});
    EXPECT_FALSE(g.banned().empty()) << "OFF_64 came before any shift: the note still sounds a step";
    feed(g, v, {"SHIFT_1"});
    EXPECT_EQ(g.soundingNotes(), 1);
    EXPECT_TRUE(g.banned().empty());
    // A re-strike in the step the note began leaves the first strike sounding its step beside the new one.
    feed(g, v, {"ON_67", "ON_67"});
    EXPECT_EQ(g.soundingNotes(), 3);
}

TEST(HeldNoteGuard, IsInertForVocabulariesWithoutNoteEvents) {
    const Vocabulary notes({"60", "62", "64", "60.64.67"});
    HeldNoteGuard g(notes, kStepsPerBeat, 1.0, 1);
    EXPECT_TRUE(g.inert());
    for (int t = 0; t < notes.size(); ++t) g.push(t);
    EXPECT_TRUE(g.required().empty());
    EXPECT_TRUE(g.banned().empty());
    HeldNoteGuard off(eventsVocabulary(), kStepsPerBeat, 0.0, 0);
    EXPECT_TRUE(off.inert());
}

TEST(HeldNoteGuard, SamplerTakesTheRequiredTokenEvenWhenTheModelAndTheNgramGuardDisagree) {
    SamplingSettings s;
    s.noRepeatNgram = 2;
    TokenSampler sampler(s, 3);
    const std::vector<float> logits = {5.0f, 0.0f, -3.0f, 0.0f};
    sampler.observe(1);
    sampler.observe(2);
    sampler.observe(1);  // the n-gram guard now bans token 2 after 1
    const std::vector<int> required = {2};
    for (int i = 0; i < 5; ++i) {
        const SampledToken t = sampler.sample(logits, {required, {}});
        EXPECT_EQ(t.token, 2);
        EXPECT_NEAR(t.probability, std::exp(-3.0) / (std::exp(5.0) + 2 + std::exp(-3.0)), 1e-6);  // the model's own
    }
}

TEST(HeldNoteGuard, SamplerAvoidsBannedTokensUnlessNothingElseIsLeft) {
    SamplingSettings s;
    s.greedy = true;
    TokenSampler sampler(s, 1);
    const std::vector<float> logits = {0.0f, 4.0f, 3.0f, 1.0f};
    const std::vector<int> banned = {1, 2};
    EXPECT_EQ(sampler.sample(logits, {{}, banned}).token, 3);
    const std::vector<int> all = {0, 1, 2, 3};
    EXPECT_EQ(sampler.sample(logits, {{}, all}).token, 1);  // a ban of everything is ignored
    s.greedy = false;
    TokenSampler drawing(s, 9);
    for (int i = 0; i < 200; ++i) {
        const int t = drawing.sample(logits, {{}, banned}).token;
        EXPECT_TRUE(t == 0 || t == 3) << t;
    }
}

TEST(HeldNoteGuard, SettingsCarryTheLimitsAndOldRecipesKeepThemOff) {
    SamplingSettings s;
    EXPECT_GT(s.maxNoteBeats, 0);  // on by default for new pieces
    EXPECT_GT(s.maxPolyphony, 0);
    s.maxNoteBeats = 6.5;
    s.maxPolyphony = 9;
    EXPECT_EQ(SamplingSettings::fromJson(s.toJson()), s);
    EXPECT_NE(s.describe().find("notes held at most 6.5 beats"), std::string::npos);
    EXPECT_NE(s.describe().find("at most 9 notes at once"), std::string::npos);
    const SamplingSettings old = SamplingSettings::fromJson(R"({"greedy":false,"temperature":0.9,"seed":7})");
    EXPECT_EQ(old.maxNoteBeats, 0.0);
    EXPECT_EQ(old.maxPolyphony, 0);
    SamplingSettings bad;
    bad.maxNoteBeats = -1;
    EXPECT_THROW(bad.validate(), std::invalid_argument);
    bad = SamplingSettings{};
    bad.maxPolyphony = -2;
    EXPECT_THROW(bad.validate(), std::invalid_argument);
}
