// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "evaluation/SpanMetrics.h"
#include "music/BarGrid.h"
#include "music/Score.h"

namespace nf {

struct SteeringJob;

// How well a rewritten passage sits among the music around it: bars [first, last] of `tracks` in `piece` compared,
// track by track, with as many bars of the same track just before and just after the passage (where the piece has
// them) on the four SpanMetrics figures (pitch classes, groove, range, notes per bar). 1 = played like its neighbours,
// 0 = nothing alike. It reads only the candidate's own piece -- the context a musician kept and the passage the model
// wrote -- never a true answer, so candidates can be ranked by it: asked to rewrite a passage, a musician usually
// wants "more of the same", and a sampled candidate that wandered off key or out of the groove ranks last.
// Nothing when there is nothing to compare with (no bar before or after, a span outside `bars`, no such track).
//
// With ContextReach::Phrases the passage is also compared with the bars at its place in the phrases around it (4, 8
// and 16 bars before and after, where they do not overlap it): tunes repeat a phrase, not always the bars just
// before. Per track the most alike of those counts (the passage echoes one statement, not all), and the fit is the
// mean of the neighbours' figure and that one. A passage as long as an offset (4 bars, 8) has its phrase place
// before it right before it: that statement then counts in both halves, as the previous phrase it is. A maximum over
// up to six places runs higher than a mean, so phrase fits are not comparable with neighbours-only fits.
enum class ContextReach { Neighbours, Phrases };

// How much each of the four figures counts in one comparison's similarity (a weighted mean; the density error
// enters as 1 / (1 + error), so that an error of one note a bar halves it). The default is equal weights; candidates
// are ranked by kRankingWeights below.
struct FitWeights {
    double pitch = 1, groove = 1, range = 1, density = 1;
    // Throws std::invalid_argument for a negative or non-finite weight, or all four zero.
    void validate() const;
};
// Throws std::invalid_argument for weights that do not validate() (a fit of no weight at all is not a number).
double fitSimilarity(const SpanComparison& c, const FitWeights& weights = {});

// The weights candidates are ranked by (the studio's star, `infill`'s best fit, evaluate-infill's fit picks): the
// groove four times the others. Chosen on the infill tuning set among 84 rankings, keeping density and range as
// equal weights had them (docs/benchmarks/infill.md, "Weighing the rhythm"), in the setting measured there: two-bar
// rewrites of one track with the key lock and Keep rhythm, both offered by the studio's strip. Why the groove there:
// the key lock keeps every candidate's pitches in the key, while Keep rhythm only limits where notes may start, not
// which of those places a candidate uses, so the rhythm is where a candidate can still stray from the piece. Other
// settings (no lock, several tracks, Continue) rank by the same weights without a measurement of their own.
inline constexpr FitWeights kRankingWeights{1, 4, 1, 1};

// One comparison behind a fit: the passage on `track` against the bars `offset` bars from it (negative: before),
// a neighbour (the bars just before or after, as many as the passage has, fewer at the piece's edges) or a phrase
// place (4, 8 or 16 bars away; ContextReach::Phrases only). Listed so that rankings other than contextFit's can be
// studied on the same candidates (evaluate-infill --candidates-out). A track listed twice is compared once.
struct ContextComparison {
    std::size_t track = 0;
    int offset = 0;
    bool neighbour = true;
    SpanComparison figures;
};
std::vector<ContextComparison> contextComparisons(const Score& piece, const std::vector<std::size_t>& tracks,
                                                  const std::vector<BarLine>& bars, std::size_t first,
                                                  std::size_t last, ContextReach reach);

std::optional<double> contextFit(const Score& piece, const std::vector<std::size_t>& tracks,
                                 const std::vector<BarLine>& bars, std::size_t first, std::size_t last,
                                 ContextReach reach = ContextReach::Neighbours, const FitWeights& weights = {});
// The same fit of comparisons already made (contextComparisons with the same reach). Throws as fitSimilarity does.
std::optional<double> contextFit(const std::vector<ContextComparison>& comparisons, const FitWeights& weights = {});

// The fit of a candidate of a studio job, with the phrases around it (ContextReach::Phrases) and kRankingWeights,
// both chosen on the infill tuning set (docs/benchmarks/infill.md): a Regenerate job's span on its tracks, or a
// Continue job's `bars` new bars from spanStart, however many the candidate filled (against the bars before them, on
// every track). Nothing for Add Part: a new part has no neighbours of its own.
std::optional<double> jobContextFit(const SteeringJob& job, const Score& candidate);

// Indices of `fits` from the best fit to the worst (a stable order: equal fits keep their order).
std::vector<std::size_t> bestFitFirst(const std::vector<double>& fits);

// The candidate to mark as the best fit (the studio's star, infill's "(best fit)"): the first of the best among
// several whose fits are not all the same; none otherwise (a mark on the only one, or on one of equals, says nothing).
std::optional<std::size_t> standoutFit(const std::vector<double>& fits);

}  // namespace nf
