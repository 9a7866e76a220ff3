// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/ContextFit.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "generation/SteeringJob.h"

namespace nf {

void FitWeights::validate() const {
    for (const double w : {pitch, groove, range, density})
        if (!std::isfinite(w) || w < 0) throw std::invalid_argument("a fit weight must be a number >= 0");
    if (pitch + groove + range + density <= 0) throw std::invalid_argument("at least one fit weight must be above 0");
}

namespace {

// fitSimilarity for weights already validated: a fit validates its weights once, not once per comparison.
double weightedSimilarity(const SpanComparison& c, const FitWeights& w) {
    return (w.pitch * c.pitchOverlap + w.groove * c.grooveSimilarity + w.range * c.rangeOverlap +
            w.density / (1.0 + c.densityError)) /
           (w.pitch + w.groove + w.range + w.density);
}

}  // namespace

double fitSimilarity(const SpanComparison& c, const FitWeights& w) {
    w.validate();
    return weightedSimilarity(c, w);
}

std::vector<ContextComparison> contextComparisons(const Score& piece, const std::vector<std::size_t>& tracks,
                                                  const std::vector<BarLine>& bars, std::size_t first,
                                                  std::size_t last, ContextReach reach) {
    std::vector<ContextComparison> out;
    if (first > last || last >= bars.size()) return out;
    const std::size_t length = last - first + 1;
    const auto add = [&](std::size_t track, std::size_t from, std::size_t to, const SpanNotes& written, bool neighbour) {
        // Near the piece's edges the context is shorter than the passage: compareSpans compares notes per bar.
        const int offset = static_cast<int>(from) - static_cast<int>(first);
        out.push_back({track, offset, neighbour, compareSpans(spanNotes(piece, track, bars, from, to), written)});
    };
    // One pass over the tracks: the passage is read once for its neighbours and its phrase places.
    std::vector<std::size_t> seen;
    for (const std::size_t track : tracks) {
        // A track named twice (`infill --tracks 1,2,1`) is still one track around the passage.
        if (track >= piece.tracks.size() || std::find(seen.begin(), seen.end(), track) != seen.end()) continue;
        seen.push_back(track);
        const SpanNotes written = spanNotes(piece, track, bars, first, last);
        if (first > 0) add(track, first >= length ? first - length : 0, first - 1, written, true);
        if (last + 1 < bars.size()) add(track, last + 1, std::min(bars.size() - 1, last + length), written, true);
        if (reach == ContextReach::Neighbours) continue;
        for (const std::size_t offset : {std::size_t{4}, std::size_t{8}, std::size_t{16}}) {
            if (offset < length) continue;  // it would overlap the passage
            if (first >= offset) add(track, first - offset, last - offset, written, false);
            if (last + offset < bars.size()) add(track, first + offset, last + offset, written, false);
        }
    }
    return out;
}

std::optional<double> contextFit(const std::vector<ContextComparison>& comparisons, const FitWeights& weights) {
    weights.validate();
    double neighbours = 0;
    int count = 0;
    // Per track, in the order listed, the most alike phrase place (the passage echoes one statement, not all).
    std::vector<std::pair<std::size_t, double>> bestPlace;
    for (const auto& c : comparisons) {
        const double similarity = weightedSimilarity(c.figures, weights);
        if (c.neighbour) {
            neighbours += similarity;
            ++count;
        } else {
            const auto it = std::find_if(bestPlace.begin(), bestPlace.end(), [&](const auto& p) { return p.first == c.track; });
            if (it == bestPlace.end()) bestPlace.emplace_back(c.track, similarity);
            else it->second = std::max(it->second, similarity);
        }
    }
    if (count == 0) return std::nullopt;
    neighbours /= count;
    if (bestPlace.empty()) return neighbours;
    double phrases = 0;
    for (const auto& [track, similarity] : bestPlace) phrases += similarity;
    return (neighbours + phrases / static_cast<double>(bestPlace.size())) / 2;
}

std::optional<double> contextFit(const Score& piece, const std::vector<std::size_t>& tracks,
                                 const std::vector<BarLine>& bars, std::size_t first, std::size_t last,
                                 ContextReach reach, const FitWeights& weights) {
    return contextFit(contextComparisons(piece, tracks, bars, first, last, reach), weights);
}

std::optional<double> jobContextFit(const SteeringJob& job, const Score& candidate) {
    if (job.kind == SteeringJob::Kind::AddPart) return std::nullopt;
    if (job.kind == SteeringJob::Kind::Continue) {
        // The bars asked for, from the bar line at spanStart: a candidate that leaves its last bars empty, or writes
        // nothing, is judged on those empty bars, not on the music before them.
        const Tick askedEnd = job.spanStart + static_cast<Tick>(std::max(1, job.bars)) * job.base.ticksPerBar(job.spanStart);
        const auto bars = barLines(candidate, std::max(candidate.endTick(), askedEnd));
        std::vector<std::size_t> tracks(candidate.tracks.size());
        std::iota(tracks.begin(), tracks.end(), std::size_t{0});
        return contextFit(candidate, tracks, bars, barIndexAt(bars, job.spanStart), barIndexAt(bars, askedEnd - 1),
                          ContextReach::Phrases, kRankingWeights);
    }
    // The bars of the piece as asked (a candidate that leaves the last bars empty is shorter, not fewer bars).
    const auto bars = barLines(candidate, std::max({candidate.endTick(), job.base.endTick(), job.spanEnd}));
    const std::size_t first = barIndexAt(bars, job.spanStart);
    if (job.spanEnd <= job.spanStart) return std::nullopt;
    return contextFit(candidate, job.tracks, bars, first, barIndexAt(bars, job.spanEnd - 1), ContextReach::Phrases,
                      kRankingWeights);
}

std::vector<std::size_t> bestFitFirst(const std::vector<double>& fits) {
    std::vector<std::size_t> order(fits.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return fits[a] > fits[b]; });
    return order;
}

std::optional<std::size_t> standoutFit(const std::vector<double>& fits) {
    if (fits.size() < 2 || std::all_of(fits.begin(), fits.end(), [&](double f) { return f == fits.front(); }))
        return std::nullopt;
    return bestFitFirst(fits).front();
}

}  // namespace nf
