// SPDX-License-Identifier: GPL-3.0-or-later
// The hard constraints are never broken: a "model" that picks uniformly at random among what the guard allows
// (the worst case for a constraint) still writes well-formed fills whose pitches stay in the scale and range and
// whose notes never exceed the polyphony cap.
#include <gtest/gtest.h>

#include <algorithm>

#include <map>
#include <set>

#include "generation/RemiGuard.h"
#include "remi/RemiIds.h"
#include "tokenize/SplitMix64.h"

namespace nf {
namespace {

using remi::RemiIds;
using Kind = RemiIds::Kind;

struct Written {
    std::vector<int> tokens;
    bool finished = false;
};

Written run(RemiGuard guard, const std::vector<int>& prompt, std::uint64_t seed, int maxSteps = 5000) {
    for (int t : prompt) guard.push(t);
    guard.startGenerating();
    SplitMix64 rng(seed);
    Written w;
    for (int i = 0; i < maxSteps && !guard.finished(); ++i) {
        const auto allowed = guard.limits().required;
        if (allowed.empty()) break;
        // Lean towards notes so that constraints are exercised: pitches and positions are what the guard limits.
        int token = allowed[static_cast<std::size_t>(rng.below(allowed.size()))];
        w.tokens.push_back(token);
        guard.push(token);
    }
    w.finished = guard.finished();
    return w;
}

TEST(RemiGuard, FillsKeepScaleRangeAndPolyphonyAndEndWellFormed) {
    const RemiIds& r = RemiIds::get();
    SteeringControls controls;
    controls.scale = parseScale("D dorian");
    controls.lowest = 60;
    controls.highest = 79;
    controls.polyphony = 2;
    controls.density = 6;
    const std::vector<RemiGuard::Hole> holes{{{73, 0}, 48, 0}, {{33, 0}, 48, 0}, {{73, 0}, 36, 48}};
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        const auto w = run(RemiGuard::fill(holes, controls), {r.bos, r.bar, r.fill}, seed);
        ASSERT_TRUE(w.finished) << seed;
        EXPECT_EQ(w.tokens.back(), r.fillEnd);
        std::size_t hole = 0;
        int slot = 0, position = -1;
        std::map<int, std::vector<std::pair<int, int>>> sounding;  // per instrument, units from the first bar
        for (std::size_t i = 0; i + 1 < w.tokens.size(); ++i) {
            const int t = w.tokens[i];
            const Kind k = r.kind(t);
            if (t == r.holeEnd) {
                ++hole;
                slot = 0;
                position = -1;
                continue;
            }
            ASSERT_LT(hole, holes.size());
            if (slot == 0) {
                EXPECT_EQ(t, r.instrument(holes[hole].track.instrument));
            } else if (slot == 1) {
                EXPECT_EQ(t, r.all(Kind::Density)[static_cast<std::size_t>(remi::densityBin(6))]);
            } else if (slot == 2) {
                EXPECT_EQ(t, r.all(Kind::Polyphony)[static_cast<std::size_t>(remi::polyphonyBin(2))]);
            } else if (k == Kind::Position) {
                EXPECT_GT(r.value(t), position);
                EXPECT_LT(r.value(t), holes[hole].barUnits);
                position = r.value(t);
            } else if (k == Kind::Pitch) {
                const int key = r.value(t);
                EXPECT_GE(key, 60);
                EXPECT_LE(key, 79);
                EXPECT_TRUE(controls.scale->contains(key)) << key;
            } else if (k == Kind::Duration) {
                const int at = holes[hole].barStart + position;
                auto& notes = sounding[holes[hole].track.instrument];
                notes.emplace_back(at, at + r.value(t));
                int now = 0;
                for (const auto& [s, e] : notes) now += s <= at && at < e;
                EXPECT_LE(now, 2);
            }
            ++slot;
        }
        EXPECT_EQ(hole, holes.size());
    }
}

TEST(RemiGuard, DrumsAreNeverMaskedByTheScale) {
    const RemiIds& r = RemiIds::get();
    SteeringControls controls;
    controls.scale = parseScale("C major");
    RemiGuard guard = RemiGuard::fill({{{-1, 0}, 48, 0}}, controls);
    for (int t : {r.bar, r.fill, r.instrument(-1)}) guard.push(t);
    for (int i = 0; i < 5; ++i) guard.push(r.all(Kind::Density)[1]);
    guard.push(r.position(0));
    const auto allowed = guard.limits().required;
    EXPECT_NE(std::find(allowed.begin(), allowed.end(), r.pitch(42)), allowed.end());  // F#: closed hi-hat
}

TEST(RemiGuard, FreeModeStopsAfterTheAskedBarsAndKeepsTheMeter) {
    const RemiIds& r = RemiIds::get();
    SteeringControls controls;
    const std::vector<RemiGuard::FreeBar> jig{{36, -1}, {36, -1}, {36, -1}};
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const auto w = run(RemiGuard::free(jig, controls), {r.bos, r.bar, r.id("TS_6/8"), r.id("TEMPO_10")}, seed);
        int bars = 1;
        for (int t : w.tokens) {
            EXPECT_NE(r.kind(t), Kind::Meter);
            EXPECT_NE(r.kind(t), Kind::Tempo);
            if (t == r.bar) ++bars;
            if (r.kind(t) == Kind::Position) {
                EXPECT_LT(r.value(t), 36);  // 6/8: 36 units
            }
        }
        EXPECT_TRUE(w.finished || w.tokens.size() == 5000u);
        if (w.finished && w.tokens.back() == r.bar) {
            EXPECT_EQ(bars, 4);  // the BAR that would begin bar 4 ends it
        }
    }
}

// A young model likes to end the piece after a bar or two; asked for N bars, it has to write N. The "model" here
// ends the piece whenever the guard lets it and otherwise picks at random (a new bar now and then).
TEST(RemiGuard, FreeModeHoldsTheEndBackUntilTheLastBar) {
    const RemiIds& r = RemiIds::get();
    const std::vector<RemiGuard::FreeBar> sixteen(16, RemiGuard::FreeBar{36, -1});
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        RemiGuard guard = RemiGuard::free(sixteen, SteeringControls{});
        for (int t : {r.bos, r.bar, r.id("TS_6/8"), r.id("TEMPO_10")}) guard.push(t);
        guard.startGenerating();
        SplitMix64 rng(seed);
        int bars = 1;
        bool ended = false;
        for (int i = 0; i < 20000 && !guard.finished(); ++i) {
            const auto allowed = guard.limits().required;
            ASSERT_FALSE(allowed.empty());
            const bool mayEnd = std::find(allowed.begin(), allowed.end(), r.eos) != allowed.end();
            if (mayEnd) {
                EXPECT_EQ(bars, 16) << "the end was offered in bar " << bars;
            }
            const bool mayBar = std::find(allowed.begin(), allowed.end(), r.bar) != allowed.end();
            const int t = mayEnd                        ? r.eos
                          : mayBar && rng.below(20) == 0 ? r.bar  // bars of a few notes, not hundreds
                                                          : allowed[static_cast<std::size_t>(rng.below(allowed.size()))];
            ended = t == r.eos;
            bars += t == r.bar;
            guard.push(t);
        }
        EXPECT_TRUE(guard.finished());
        EXPECT_TRUE(ended || bars == 17) << "seed " << seed;
        EXPECT_GE(std::min(bars, 16), 16) << "seed " << seed;
    }
}

// Held back from ending, a young model would fill the bars asked for with silence: a "model" that closes every bar
// as soon as the guard lets it still writes a note in each.
TEST(RemiGuard, FreeModeWritesNoSilentBar) {
    const RemiIds& r = RemiIds::get();
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        RemiGuard guard = RemiGuard::free(std::vector<RemiGuard::FreeBar>(4, RemiGuard::FreeBar{48, -1}), SteeringControls{});
        for (int t : {r.bos, r.bar, r.id("TS_4/4"), r.id("TEMPO_10")}) guard.push(t);
        guard.startGenerating();
        SplitMix64 rng(seed);
        int notesInBar = 0;
        std::vector<int> notesPerBar;
        for (int i = 0; i < 20000 && !guard.finished(); ++i) {
            const auto allowed = guard.limits().required;
            ASSERT_FALSE(allowed.empty());
            const bool mayClose = std::find(allowed.begin(), allowed.end(), r.bar) != allowed.end();
            int t = mayClose ? r.bar : allowed[static_cast<std::size_t>(rng.below(allowed.size()))];
            // Notes one unit long: a note held into the next bar would count as its sound.
            if (r.kind(t) == Kind::Duration)
                t = *std::min_element(allowed.begin(), allowed.end(), [&](int a, int b) { return r.value(a) < r.value(b); });
            if (r.kind(t) == Kind::Pitch) ++notesInBar;
            if (t == r.bar || t == r.eos) {
                notesPerBar.push_back(notesInBar);
                notesInBar = 0;
            }
            guard.push(t);
        }
        EXPECT_TRUE(guard.finished());
        ASSERT_EQ(notesPerBar.size(), 4u) << "seed " << seed;
        for (int n : notesPerBar) EXPECT_GE(n, 1) << "a silent bar, seed " << seed;
    }
}

// Continuing a piece carries its own parts on: a "model" picking any instrument the guard allows writes only the
// piece's instruments, each at most as many times a bar as the piece has tracks of it. A new piece may use any.
TEST(RemiGuard, ContinuingWritesForThePiecesTracksOnly) {
    const RemiIds& r = RemiIds::get();
    const std::map<int, int> tracks{{0, 2}, {33, 1}, {-1, 1}};  // two pianos, a bass, drums
    const std::vector<RemiGuard::FreeBar> bars(6, RemiGuard::FreeBar{48, -1});
    const std::vector<int> prompt{r.bos, r.bar, r.id("TS_4/4"), r.id("TEMPO_10")};
    int blocks = 0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const auto w = run(RemiGuard::free(bars, SteeringControls{}, tracks), prompt, seed);
        EXPECT_TRUE(w.finished) << "the guard left the model nothing to write, seed " << seed;
        std::map<int, int> inBar;
        int keys = 0;
        for (int t : w.tokens) {
            if (t == r.bar) {
                inBar.clear();
                keys = 0;
            }
            // One KEY a bar at most: a model fond of keys (more of them than of the piece's instruments) would
            // otherwise write keys until its tokens ran out, and no notes (a test model did, in the studio).
            if (r.kind(t) == Kind::Key) {
                EXPECT_LE(++keys, 1) << "seed " << seed;
            }
            if (r.kind(t) != Kind::Instrument) continue;
            ++blocks;
            const int instrument = r.value(t);
            ASSERT_TRUE(tracks.count(instrument)) << "instrument " << instrument << " is no track of the piece, seed " << seed;
            EXPECT_LE(++inBar[instrument], tracks.at(instrument)) << "seed " << seed;
        }
    }
    EXPECT_GT(blocks, 20) << "the parts were written at all";
    std::set<int> fresh;
    for (std::uint64_t seed = 1; seed <= 3; ++seed)
        for (int t : run(RemiGuard::free(bars, SteeringControls{}), prompt, seed).tokens)
            if (r.kind(t) == Kind::Instrument) fresh.insert(r.value(t));
    EXPECT_GT(fresh.size(), 3u) << "a new piece chooses its own instruments";
}

// The bars before a continuation are its prompt: their notes (a long one here) are no sound of the bars to come,
// so the first new bar cannot be closed before a note of its own (a young model closed every bar at once, and the
// studio's Continue wrote nothing).
TEST(RemiGuard, ThePromptsNotesAreNoSoundOfTheBarsToCome) {
    const RemiIds& r = RemiIds::get();
    std::vector<int> prompt{r.bos, r.bar, r.id("TS_4/4"), r.id("TEMPO_10"), r.instrument(0)};
    for (Kind k : {Kind::Density, Kind::Polyphony, Kind::Low, Kind::High, Kind::Length}) prompt.push_back(r.all(k).front());
    prompt.insert(prompt.end(), {r.position(0), r.pitch(60), r.all(Kind::Velocity)[10], r.all(Kind::Duration).back(), r.bar});
    RemiGuard guard = RemiGuard::free(std::vector<RemiGuard::FreeBar>(2, RemiGuard::FreeBar{48, -1}), SteeringControls{}, {{0, 1}});
    for (int t : prompt) guard.push(t);
    guard.startGenerating();
    const auto allowed = guard.limits().required;
    ASSERT_FALSE(allowed.empty());
    EXPECT_EQ(std::find(allowed.begin(), allowed.end(), r.bar), allowed.end()) << "the new bar may be closed before a note";
    EXPECT_EQ(std::find(allowed.begin(), allowed.end(), r.eos), allowed.end());
}

TEST(RemiGuard, ContinuingAfterAPickupUsesTheBarsRealLengthAndWritesItsMeter) {
    const RemiIds& r = RemiIds::get();
    // The prompt ends in a one-eighth pickup (TS_1/8); the bars to write are 6/8, then one 3/4 bar.
    const std::vector<RemiGuard::FreeBar> bars{{36, -1}, {36, -1}, {36, r.id("TS_3/4")}};
    const std::vector<int> prompt{r.bos, r.bar, r.id("TS_1/8"), r.id("TEMPO_10"), r.bar, r.id("TS_6/8")};
    bool sawLatePosition = false;
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        const auto w = run(RemiGuard::free(bars, SteeringControls{}), prompt, seed);
        int bar = 1;
        for (std::size_t i = 0; i < w.tokens.size(); ++i) {
            const int t = w.tokens[i];
            if (t == r.bar && ++bar == 3 && i + 1 < w.tokens.size()) {
                EXPECT_EQ(w.tokens[i + 1], r.id("TS_3/4"));  // the meter change is written where it happens
            }
            if (r.kind(t) == Kind::Position) {
                EXPECT_LT(r.value(t), 36);
                sawLatePosition = sawLatePosition || r.value(t) >= 6;  // not squeezed into the pickup's eighth
            }
        }
    }
    EXPECT_TRUE(sawLatePosition);
}

TEST(RemiGuard, NotesHeldIntoTheSpanCountAgainstThePolyphonyCap) {
    const RemiIds& r = RemiIds::get();
    SteeringControls controls;
    controls.polyphony = 1;
    RemiGuard guard = RemiGuard::fill({{{73, 0}, 48, 0}}, controls);
    guard.preload({73, 0}, {{-12, 24}});  // a note from the bar before, sounding until beat 3
    for (int t : {r.bar, r.fill, r.instrument(73)}) guard.push(t);
    guard.startGenerating();
    for (int i = 0; i < 5; ++i) guard.push(r.all(Kind::Density)[1]);
    const auto allowed = guard.limits().required;
    for (int u = 0; u < 48; ++u) {
        const bool offered = std::find(allowed.begin(), allowed.end(), r.position(u)) != allowed.end();
        EXPECT_EQ(offered, u >= 24) << u;
    }
}

TEST(RemiGuard, ControlsThatLeaveNoPitchAreRefusedBeforeGenerating) {
    SteeringControls c;
    c.scale = parseScale("F# major");
    c.lowest = 127;  // G9: not in F# major, and nothing above it
    EXPECT_THROW(c.validate(), std::invalid_argument);
    c.lowest = 126;  // F#9
    EXPECT_NO_THROW(c.validate());
}

// The rhythm lock: a "model" picking at random among what the guard allows starts notes only on the locked
// positions, in fills and in free bars alike; a bar too short for any locked position is left free, not stuck.
TEST(RemiGuard, NotesStartOnlyWhereTheRhythmLockLetsThem) {
    const RemiIds& r = RemiIds::get();
    SteeringControls controls;
    controls.onsets = {0, 12, 18, 30};  // 4/4: beat 1, beat 2, its "and", the "and" of beat 3
    const std::vector<RemiGuard::Hole> holes{{{73, 0}, 48, 0}, {{73, 0}, 48, 48}};
    int positions = 0;
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        const auto w = run(RemiGuard::fill(holes, controls), {r.bos, r.bar, r.fill}, seed);
        ASSERT_TRUE(w.finished) << seed;
        for (int t : w.tokens)
            if (r.kind(t) == Kind::Position) {
                EXPECT_TRUE(std::binary_search(controls.onsets.begin(), controls.onsets.end(), r.value(t))) << r.value(t);
                ++positions;
            }
    }
    EXPECT_GT(positions, 30);
    // Free mode: a 3/8 bar (18 units) holds beat 1 and beat 2 only; a 1/8 bar (6 units) holds beat 1 only, so
    // notes still start on it. A lock whose positions all lie past a bar leaves that bar free.
    int inShortBar = 0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const auto w = run(RemiGuard::free({{18, -1}, {6, -1}}, controls), {r.bos, r.bar, r.id("TS_3/8"), r.id("TEMPO_10")}, seed);
        EXPECT_TRUE(w.finished) << seed;
        int bar = 1, inFirstBar = 0;
        for (int t : w.tokens) {
            bar += t == r.bar;
            if (r.kind(t) != Kind::Position) continue;
            if (bar == 1) {
                EXPECT_TRUE(r.value(t) == 0 || r.value(t) == 12) << r.value(t);
                ++inFirstBar;
            } else {
                EXPECT_EQ(r.value(t), 0) << "the 1/8 bar holds beat 1 only";
                ++inShortBar;
            }
        }
        EXPECT_GT(inFirstBar, 0) << "no bar ends before a note sounds in it: seed " << seed;
    }
    EXPECT_GT(inShortBar, 0);
    // A lock with nothing inside a bar leaves that bar free: notes start in a 1/8 bar locked to beat 3 only.
    SteeringControls beatThree;
    beatThree.onsets = {24};
    bool wroteInShortBar = false;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const auto w = run(RemiGuard::free({{6, -1}}, beatThree), {r.bos, r.bar, r.id("TS_1/8"), r.id("TEMPO_10")}, seed);
        EXPECT_TRUE(w.finished) << seed;
        for (int t : w.tokens) wroteInShortBar = wroteInShortBar || r.kind(t) == Kind::Position;
    }
    EXPECT_TRUE(wroteInShortBar);
    SteeringControls late;
    late.onsets = {30};
    EXPECT_FALSE(late.onsetAllowed(6, 48));
    EXPECT_TRUE(late.onsetAllowed(6, 24));  // a 2/4 bar: 30 lies past it
    EXPECT_TRUE(SteeringControls{}.onsetAllowed(7, 48));
}

TEST(RemiGuard, ARhythmLockOutsideABarOrOutOfOrderIsRefused) {
    SteeringControls c;
    c.onsets = {0, 12, 12};
    EXPECT_THROW(c.validate(), std::invalid_argument);
    c.onsets = {-1, 12};
    EXPECT_THROW(c.validate(), std::invalid_argument);
    c.onsets = {0, remi::kMaxBarUnits};
    EXPECT_THROW(c.validate(), std::invalid_argument);
    c.onsets = {0, 6, 12};
    EXPECT_NO_THROW(c.validate());
    EXPECT_EQ(c.describe(), "rhythm kept (3 onset positions)");
    EXPECT_TRUE(c.any());
}

}  // namespace
}  // namespace nf
