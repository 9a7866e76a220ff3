// SPDX-License-Identifier: GPL-3.0-or-later
// DrumGuard keeps a drums model to whole bars: a "model" that picks at random among what the guard allows (the
// worst case) still writes exactly the bars asked for, each with its steps, each class at most once a step,
// and ends with END only after the last bar.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "generation/DrumGuard.h"
#include "tokenize/SplitMix64.h"

namespace nf {
namespace {

Vocabulary drumVocabulary() {
    return Vocabulary({"BAR", "DRUMS", "END", "GRID_4", "H_closed-hat_1", "H_closed-hat_2", "H_kick_2", "H_kick_3",
                       "H_snare_0", "H_snare_2", "S", "TS_3/4", "TS_4/4"});
}

// What a "model" picking at random among what the guard allows writes after `primer`: the worst case for the guard.
std::vector<std::string> writeAtRandom(DrumGuard& guard, const Vocabulary& v, const std::vector<const char*>& primer,
                                       std::uint64_t seed) {
    for (const char* t : primer) guard.push(v.at(t));
    guard.startGenerating();
    SplitMix64 rng(seed);
    std::vector<std::string> written;
    for (int i = 0; i < 10000 && !guard.finished(); ++i) {
        const auto allowed = guard.limits().required;
        if (allowed.empty()) break;
        const int t = allowed[static_cast<std::size_t>(rng.below(allowed.size()))];
        written.push_back(v.token(t));
        guard.push(t);
    }
    return written;
}

TEST(DrumGuard, WritesExactlyTheBarsAskedForWithWholeStepsAndOneHitPerClassAndStep) {
    const Vocabulary v = drumVocabulary();
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        DrumGuard guard(v, 3, 12);  // three bars of 3/4 in sixteenths
        const auto written = writeAtRandom(guard, v, {"DRUMS", "GRID_4", "BAR", "TS_3/4"}, seed);
        ASSERT_TRUE(guard.finished()) << "seed " << seed;
        ASSERT_EQ(written.back(), "END");
        int bars = 1, steps = 0;
        std::set<std::string> classes;
        for (std::size_t i = 0; i + 1 < written.size(); ++i) {
            const std::string& t = written[i];
            if (t == "BAR") {
                EXPECT_EQ(steps, 12) << "bar " << bars << ", seed " << seed;
                ++bars;
                steps = 0;
            } else if (t == "S") {
                ++steps;
                classes.clear();
            } else {
                ASSERT_EQ(t.rfind("H_", 0), 0u) << t;
                EXPECT_TRUE(classes.insert(t.substr(2, t.rfind('_') - 2)).second) << "a class twice in one step: " << t;
            }
        }
        EXPECT_EQ(bars, 3);
        EXPECT_EQ(steps, 12);
    }
}

// A meter change inside the part: the bar's TS token comes right after its BAR, as the tokenizer writes it, and
// that bar gets its own number of steps (a one-beat pickup of 4 steps, then 3/4 bars of 12).
TEST(DrumGuard, WritesTheMeterWhereItChangesAndGivesEachBarItsSteps) {
    const Vocabulary v = drumVocabulary();
    const int waltz = v.at("TS_3/4");
    DrumGuard guard(v, std::vector<DrumGuard::Bar>{{4, -1}, {12, waltz}, {12, -1}});
    const auto written = writeAtRandom(guard, v, {"DRUMS", "GRID_4", "BAR"}, 3);
    ASSERT_TRUE(guard.finished());
    std::vector<int> steps{0};
    for (std::size_t i = 0; i < written.size(); ++i) {
        if (written[i] == "BAR") {
            steps.push_back(0);
            if (steps.size() == 2) {
                ASSERT_LT(i + 1, written.size());
                EXPECT_EQ(written[i + 1], "TS_3/4");
            }
        }
        if (written[i] == "S") ++steps.back();
        if (steps.size() != 2) {
            EXPECT_NE(written[i], "TS_3/4") << "a meter where none changes";
        }
    }
    EXPECT_EQ(steps, (std::vector<int>{4, 12, 12}));
}

TEST(DrumGuard, RefusesAVocabularyWithoutDrumTokens) {
    EXPECT_THROW(DrumGuard(Vocabulary({"ON_60", "OFF_60", "SHIFT_1"}), 4, 16), std::invalid_argument);
}


// A drums model that follows the band is given each step's band tokens before it writes the step's hits: the
// guard forces them, in order, on exactly the steps that have them, and allows them nowhere else.
TEST(DrumGuard, GivesEachStepItsBandTokensFirstAndNoneElsewhere) {
    const Vocabulary v({"BAND", "BAR", "BL", "B_1", "B_3", "DRUMS", "END", "GRID_4", "H_kick_2", "H_snare_0", "S", "TS_3/4"});
    const int b1 = v.at("B_1"), b3 = v.at("B_3"), low = v.at("BL");
    std::vector<DrumGuard::Bar> bars(2, DrumGuard::Bar{4, -1, {}});
    bars[0].band = {{b3, low}, {}, {b1}, {}};
    bars[1].band = {{}, {}, {}, {b3}};
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        DrumGuard guard(v, bars);
        const auto written = writeAtRandom(guard, v, {"DRUMS", "BAND", "GRID_4", "BAR"}, seed);
        ASSERT_TRUE(guard.finished()) << seed;
        // Split into steps: each step's band tokens must be exactly the ones given, first.
        std::vector<std::vector<std::string>> steps(1);
        for (const std::string& t : written) {
            if (t == "S") steps.emplace_back();
            else if (t != "BAR" && t != "END") steps.back().push_back(t);
        }
        steps.pop_back();  // after the last S
        ASSERT_EQ(steps.size(), 8u) << seed;
        const std::vector<std::vector<std::string>> given{{"B_3", "BL"}, {}, {"B_1"}, {}, {}, {}, {}, {"B_3"}};
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const auto& g = given[i];
            ASSERT_GE(steps[i].size(), g.size()) << "step " << i << ", seed " << seed;
            EXPECT_EQ(std::vector<std::string>(steps[i].begin(), steps[i].begin() + static_cast<std::ptrdiff_t>(g.size())), g)
                << "step " << i << ", seed " << seed;
            for (std::size_t k = g.size(); k < steps[i].size(); ++k)
                EXPECT_EQ(steps[i][k].rfind("H_", 0), 0u) << "a band token the band did not give: " << steps[i][k];
        }
    }
}

// A bar whose meter changes: its TS token comes first, then its first step's band tokens, then hits or S.
TEST(DrumGuard, AMeterChangeComesBeforeTheBarsFirstBandTokens) {
    const Vocabulary v({"BAND", "BAR", "BL", "B_1", "B_3", "DRUMS", "END", "GRID_4", "H_kick_2", "H_snare_0", "S", "TS_3/4"});
    const int b1 = v.at("B_1"), low = v.at("BL");
    const std::vector<DrumGuard::Bar> bars{{4, -1, {{b1}, {}, {}, {}}}, {3, v.at("TS_3/4"), {{b1, low}, {}, {}}}};
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        DrumGuard guard(v, bars);
        const auto written = writeAtRandom(guard, v, {"DRUMS", "BAND", "GRID_4", "BAR"}, seed);
        ASSERT_TRUE(guard.finished()) << seed;
        EXPECT_EQ(written.front(), "B_1") << seed;
        const auto second = std::find(written.begin(), written.end(), "BAR");
        ASSERT_GE(std::distance(second, written.end()), 5) << seed;
        EXPECT_EQ((std::vector<std::string>(second + 1, second + 4)), (std::vector<std::string>{"TS_3/4", "B_1", "BL"})) << seed;
        EXPECT_TRUE(second[4] == "S" || second[4].rfind("H_", 0) == 0) << second[4];
        EXPECT_EQ(std::count(second, written.end(), "S"), 3) << "the 3/4 bar of one-beat steps, seed " << seed;
    }
}

}  // namespace
}  // namespace nf
