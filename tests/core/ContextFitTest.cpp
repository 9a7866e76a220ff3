// SPDX-License-Identifier: GPL-3.0-or-later
// contextFit(): how a rewritten passage sits among the bars around it, the figure by which infill candidates are
// ranked (the studio's strip, evaluate-infill --pick context-fit). Hand-made tunes whose answers are plain: a
// passage played like its neighbours fits best, one off the key and off the beat worst.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "evaluation/ContextFit.h"
#include "generation/SteeringJob.h"

namespace nf {

namespace {

constexpr Tick kBar = 1920;  // 4/4 at 480 ppq

// `count` bars of one track, each the C major figure C E G C' in quarters; `odd` bars (indices) instead play F# C#
// Bb D# on the off-beats, high up.
Score tune(const std::vector<std::size_t>& odd = {}, std::size_t count = 6) {
    Score s;
    Track t;
    NoteId id = 1;
    for (std::size_t bar = 0; bar < count; ++bar) {
        const bool off = std::find(odd.begin(), odd.end(), bar) != odd.end();
        for (int i = 0; i < 4; ++i) {
            const int pitch = off ? std::array{78, 85, 94, 87}[static_cast<std::size_t>(i)]
                                  : std::array{60, 64, 67, 72}[static_cast<std::size_t>(i)];
            const Tick start = static_cast<Tick>(bar) * kBar + 480 * i + (off ? 240 : 0);
            t.notes.push_back({id++, pitch, 80, start, 240});
        }
    }
    s.tracks = {t};
    return s;
}

// A studio Regenerate job on track 1 of `base`, bars 5-6.
SteeringJob rewriteOfBars5And6(const Score& base) {
    SteeringJob job;
    job.kind = SteeringJob::Kind::Regenerate;
    job.base = base;
    job.spanStart = 4 * kBar;
    job.spanEnd = 6 * kBar;
    job.tracks = {0};
    return job;
}

}  // namespace

TEST(ContextFit, APassagePlayedLikeItsNeighboursFitsBestAndOneOffKeyAndBeatWorst) {
    const Score same = tune();
    const auto bars = barLines(same, same.endTick());
    ASSERT_EQ(bars.size(), 6u);
    EXPECT_DOUBLE_EQ(*contextFit(same, {0}, bars, 2, 3), 1.0) << "bars 3-4 are bars 1-2 and 5-6 again";

    const Score wandering = tune({2, 3});
    const double off = *contextFit(wandering, {0}, bars, 2, 3);
    EXPECT_LT(off, 0.5) << "no pitch class, onset or pitch in common: only the density agrees";
    EXPECT_GT(off, 0.0);

    const Score half = tune({3});
    const double mixed = *contextFit(half, {0}, bars, 2, 3);
    EXPECT_GT(mixed, off);
    EXPECT_LT(mixed, 1.0);
}

TEST(ContextFit, BothSidesCountAndAPassageAtAnEdgeHasOnlyOne) {
    // Bars 1-2 wander; a passage of bars 3-4 that plays the figure fits its right side and not its left.
    const Score leftOdd = tune({0, 1});
    const auto bars = barLines(leftOdd, leftOdd.endTick());
    const double between = *contextFit(leftOdd, {0}, bars, 2, 3);
    EXPECT_GT(between, 0.5);
    EXPECT_LT(between, 1.0);
    // At the start only the bars after count, at the end only those before: the figure fits both exactly.
    const Score same = tune();
    EXPECT_DOUBLE_EQ(*contextFit(same, {0}, bars, 0, 1), 1.0);
    EXPECT_DOUBLE_EQ(*contextFit(same, {0}, bars, 4, 5), 1.0);
    EXPECT_LT(*contextFit(tune({0, 1}), {0}, bars, 0, 1), 0.5);
    // A context cut short by the piece's edge (one bar before a two-bar passage) is compared bar for bar: the same
    // figure fits exactly, four notes a bar against four notes a bar.
    EXPECT_DOUBLE_EQ(*contextFit(same, {0}, bars, 1, 2), 1.0);
    EXPECT_DOUBLE_EQ(*contextFit(same, {0}, bars, 3, 4), 1.0);
    // Nothing to compare with: the whole piece, a bad span or a missing track.
    EXPECT_FALSE(contextFit(same, {0}, bars, 0, 5).has_value());
    EXPECT_FALSE(contextFit(same, {0}, bars, 3, 9).has_value());
    EXPECT_FALSE(contextFit(same, {4}, bars, 2, 3).has_value());
}

// A studio job's candidate is measured on the piece's bars as they were asked for: a candidate that leaves the last
// two bars empty is shorter than the piece, and must be judged on those (empty) bars, not on the bars it kept.
TEST(ContextFit, AStudioJobsCandidateIsMeasuredOnTheBarsAskedFor) {
    const Score base = tune();
    SteeringJob job = rewriteOfBars5And6(base);
    Score empty = base;
    std::erase_if(empty.tracks[0].notes, [](const Note& n) { return n.start >= 4 * kBar; });
    ASSERT_LT(empty.endTick(), base.endTick());
    const auto full = jobContextFit(job, base), hollow = jobContextFit(job, empty);
    ASSERT_TRUE(full && hollow);
    EXPECT_DOUBLE_EQ(*full, 1.0);
    EXPECT_LT(*hollow, 0.5) << "two silent bars after four of the figure";
    job.kind = SteeringJob::Kind::AddPart;
    EXPECT_FALSE(jobContextFit(job, base).has_value()) << "a new part has no neighbours of its own";
}

// A tune that answers a phrase four bars later: bars 5-6 play bars 1-2 again between two bars of something else.
// Only its neighbours in view, the passage fits badly; with the phrases around it, the echo counts.
TEST(ContextFit, WithThePhrasesAroundItAPassageThatEchoesAnEarlierPhraseFitsBetter) {
    const Score echo = tune({2, 3, 6, 7}, 8);
    const auto bars = barLines(echo, echo.endTick());
    ASSERT_EQ(bars.size(), 8u);
    const double neighbours = *contextFit(echo, {0}, bars, 4, 5);
    const double phrases = *contextFit(echo, {0}, bars, 4, 5, ContextReach::Phrases);
    EXPECT_LT(neighbours, 0.5);
    EXPECT_DOUBLE_EQ(phrases, (neighbours + 1.0) / 2) << "the neighbours' figure and the exact echo, averaged";
    // Of two candidates for bars 5-6, the echo of bars 1-2 ranks first only when the phrases count: the other plays
    // its neighbours' figure but a different note count, so neither fits its neighbours exactly.
    Score other = tune({2, 3, 4, 5, 6, 7}, 8);
    std::erase_if(other.tracks[0].notes, [](const Note& n) { return n.start >= 4 * kBar && n.start < 6 * kBar && n.pitch == 94; });
    const double otherNeighbours = *contextFit(other, {0}, bars, 4, 5);
    const double otherPhrases = *contextFit(other, {0}, bars, 4, 5, ContextReach::Phrases);
    EXPECT_GT(otherNeighbours, neighbours);
    EXPECT_GT(phrases, otherPhrases);
    // The studio ranks a rewrite's candidates so (with its weights).
    const SteeringJob job = rewriteOfBars5And6(echo);
    EXPECT_DOUBLE_EQ(*jobContextFit(job, echo), *contextFit(echo, {0}, bars, 4, 5, ContextReach::Phrases, kRankingWeights));
    EXPECT_GT(*jobContextFit(job, echo), *jobContextFit(job, other));
}

TEST(ContextFit, PhrasePlacesThatOverlapThePassageOrLeaveThePieceAreNotCompared) {
    // Twelve bars, the first four off the figure.
    const Score piece = tune({0, 1, 2, 3}, 12);
    const auto bars = barLines(piece, piece.endTick());
    ASSERT_EQ(bars.size(), 12u);
    // Bars 5-10 (six): 4 bars before would be bars 1-6, overlapping them; 4 after, 8 or 16 either way, outside the
    // piece. No phrase place: the neighbours alone.
    EXPECT_DOUBLE_EQ(*contextFit(piece, {0}, bars, 4, 9, ContextReach::Phrases), *contextFit(piece, {0}, bars, 4, 9));
    // Bars 5-8 (four, as long as the offset): the four bars before are its phrase place as well as its neighbour, and
    // the four after (the figure again) its best phrase mate.
    const double neighbours = *contextFit(piece, {0}, bars, 4, 7);
    EXPECT_LT(neighbours, 1.0);
    EXPECT_DOUBLE_EQ(*contextFit(piece, {0}, bars, 4, 7, ContextReach::Phrases), (neighbours + 1.0) / 2);
}

// The comparisons behind a fit, listed for studying other rankings: the fit made of them is the fit, and each names
// where it looked. Bars 5-6 of twelve: neighbours bars 3-4 and 7-8, phrase places 4 and 8 bars either side (bars
// 1-2, 9-10; bars -3..-2 and 13-14 are outside).
TEST(ContextFit, TheComparisonsBehindAFitNameTheirPlacesAndMakeTheSameFit) {
    const Score piece = tune({0, 1, 8}, 12);
    const auto bars = barLines(piece, piece.endTick());
    const auto all = contextComparisons(piece, {0}, bars, 4, 5, ContextReach::Phrases);
    std::vector<std::pair<int, bool>> places;
    for (const auto& c : all) places.emplace_back(c.offset, c.neighbour);
    EXPECT_EQ(places, (std::vector<std::pair<int, bool>>{{-2, true}, {2, true}, {-4, false}, {4, false}}));
    // By hand: the neighbours' mean and the better phrase place, averaged.
    const double neighbourMean = (fitSimilarity(all[0].figures) + fitSimilarity(all[1].figures)) / 2;
    const double bestPlace = std::max(fitSimilarity(all[2].figures), fitSimilarity(all[3].figures));
    EXPECT_DOUBLE_EQ(*contextFit(all), (neighbourMean + bestPlace) / 2);
    EXPECT_DOUBLE_EQ(*contextFit(piece, {0}, bars, 4, 5, ContextReach::Phrases), (neighbourMean + bestPlace) / 2);
    EXPECT_LT(all[2].figures.pitchOverlap, 0.5) << "bars 1-2 wander";
    EXPECT_DOUBLE_EQ(all[0].figures.pitchOverlap, 1.0);
    const auto neighbours = contextComparisons(piece, {0}, bars, 4, 5, ContextReach::Neighbours);
    EXPECT_EQ(neighbours.size(), 2u);
    EXPECT_DOUBLE_EQ(*contextFit(neighbours), *contextFit(piece, {0}, bars, 4, 5));
    EXPECT_FALSE(contextFit(std::vector<ContextComparison>{}).has_value());
    EXPECT_THROW(contextFit(all, {0, 0, 0, 0}), std::invalid_argument) << "a fit of no weight is not a number";
}

// Several tracks: the neighbours of all of them are averaged, and each track's best phrase place counts once (the
// mean of the tracks' bests); a track named twice is one track.
TEST(ContextFit, EachTrackBringsItsOwnBestPhrasePlace) {
    // Track 1 echoes bars 1-2 at bars 5-6 (its best place, 4 bars before, is exact); track 2 plays the figure only in
    // bars 5-6 (no place is like it).
    Score piece = tune({2, 3, 6, 7}, 12);
    piece.tracks.push_back(tune({0, 1, 2, 3, 6, 7, 8, 9, 10, 11}, 12).tracks[0]);
    const auto bars = barLines(piece, piece.endTick());
    const auto all = contextComparisons(piece, {0, 1}, bars, 4, 5, ContextReach::Phrases);
    double neighbours = 0;
    int count = 0;
    std::array<double, 2> best{-1, -1};
    for (const auto& c : all) {
        if (c.neighbour) neighbours += fitSimilarity(c.figures), ++count;
        else best[c.track] = std::max(best[c.track], fitSimilarity(c.figures));
    }
    ASSERT_EQ(count, 4);
    EXPECT_DOUBLE_EQ(best[0], 1.0) << "track 1's bars 5-6 are its bars 1-2 again";
    EXPECT_LT(best[1], 0.5) << "track 2 plays the figure nowhere else";
    // The mean of the two tracks' bests, not the best over both.
    const double expected = (neighbours / count + (best[0] + best[1]) / 2) / 2;
    EXPECT_DOUBLE_EQ(*contextFit(piece, {0, 1}, bars, 4, 5, ContextReach::Phrases), expected);
    EXPECT_LT(expected, (neighbours / count + 1.0) / 2);
    EXPECT_EQ(contextComparisons(piece, {0, 1, 0}, bars, 4, 5, ContextReach::Phrases).size(), all.size());
    EXPECT_DOUBLE_EQ(*contextFit(piece, {0, 1, 0}, bars, 4, 5, ContextReach::Phrases), expected);
}

// Weights move the fit toward the figures that count: a passage in the key but off the beat fits better when pitch
// classes count alone than when groove does; equal weights are the plain mean; bad weights are refused.
TEST(ContextFit, WeightsMakeTheFiguresTheyNameCountMore) {
    SpanComparison c;
    c.pitchOverlap = 1.0;
    c.grooveSimilarity = 0.2;
    c.rangeOverlap = 0.6;
    c.densityError = 1.0;  // enters as 1 / (1 + 1) = 0.5
    EXPECT_DOUBLE_EQ(fitSimilarity(c), (1.0 + 0.2 + 0.6 + 0.5) / 4);
    EXPECT_DOUBLE_EQ(fitSimilarity(c, {1, 0, 0, 0}), 1.0);
    EXPECT_DOUBLE_EQ(fitSimilarity(c, {0, 1, 0, 0}), 0.2);
    EXPECT_DOUBLE_EQ(fitSimilarity(c, {0, 2, 0, 2}), 0.35);
    EXPECT_DOUBLE_EQ(fitSimilarity(c, {2, 2, 2, 2}), fitSimilarity(c)) << "only the ratios count";

    // A passage with the figure's notes shifted off the beat: pitch classes agree, groove does not.
    Score shifted = tune({}, 6);
    for (Note& n : shifted.tracks[0].notes)
        if (n.start >= 2 * kBar && n.start < 4 * kBar) n.start += 240;
    const auto bars = barLines(shifted, shifted.endTick());
    const double byPitch = *contextFit(shifted, {0}, bars, 2, 3, ContextReach::Neighbours, {1, 0, 0, 0});
    const double byGroove = *contextFit(shifted, {0}, bars, 2, 3, ContextReach::Neighbours, {0, 1, 0, 0});
    EXPECT_DOUBLE_EQ(byPitch, 1.0);
    EXPECT_LT(byGroove, 0.5);

    EXPECT_NO_THROW((FitWeights{1, 2, 0, 0}.validate()));
    EXPECT_THROW((FitWeights{0, 0, 0, 0}.validate()), std::invalid_argument);
    EXPECT_THROW((FitWeights{1, -1, 1, 1}.validate()), std::invalid_argument);
    EXPECT_THROW((FitWeights{1, std::nan(""), 1, 1}.validate()), std::invalid_argument);
}

// The studio ranks with kRankingWeights, where the rhythm counts most: of two rewrites of bars 5-6, one with the
// tune's rhythm on wrong notes and one with the tune's notes off the beat, equal weights prefer the notes and the
// studio's star the rhythm.
TEST(ContextFit, TheStudioRanksARewriteOnTheRhythmBeforeTheNotes) {
    const Score base = tune();
    Score rhythm = base, notes = base;
    for (Note& n : rhythm.tracks[0].notes)
        if (n.start >= 4 * kBar) n.pitch += 1;  // C# F A C#': no pitch class of C E G
    for (Note& n : notes.tracks[0].notes)
        if (n.start >= 4 * kBar) n.start += 240;  // the same notes, each an eighth late
    const auto bars = barLines(base, base.endTick());
    const SteeringJob job = rewriteOfBars5And6(base);
    EXPECT_GT(*contextFit(notes, {0}, bars, 4, 5, ContextReach::Phrases),
              *contextFit(rhythm, {0}, bars, 4, 5, ContextReach::Phrases));
    EXPECT_GT(*jobContextFit(job, rhythm), *jobContextFit(job, notes));
    EXPECT_DOUBLE_EQ(*jobContextFit(job, rhythm), *contextFit(rhythm, {0}, bars, 4, 5, ContextReach::Phrases, kRankingWeights));
}

// A Continue job is judged on the bars it asked for: a candidate that writes one of two bars, or none, is not judged
// on that bar alone, or on the music before it.
TEST(ContextFit, AContinuationIsMeasuredOnTheBarsAskedFor) {
    SteeringJob job;
    job.kind = SteeringJob::Kind::Continue;
    job.base = tune({}, 6);
    job.spanStart = job.spanEnd = 6 * kBar;
    job.bars = 2;
    const auto whole = jobContextFit(job, tune({}, 8)), half = jobContextFit(job, tune({}, 7)),
               none = jobContextFit(job, tune({}, 6));
    ASSERT_TRUE(whole && half && none);
    EXPECT_DOUBLE_EQ(*whole, 1.0) << "two more bars of the figure";
    EXPECT_LT(*half, *whole) << "the second bar asked for is empty";
    EXPECT_LT(*none, *half) << "nothing written: both bars empty";
}

TEST(ContextFit, CandidatesRankBestFirstAndTiesKeepTheirOrder) {
    EXPECT_EQ(bestFitFirst({0.2, 0.9, 0.5, 0.9}), (std::vector<std::size_t>{1, 3, 2, 0}));
    EXPECT_TRUE(bestFitFirst({}).empty());
}

}  // namespace nf
