// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/ContextFit.h"

#include <algorithm>
#include <numeric>

#include "evaluation/SpanMetrics.h"
#include "generation/SteeringJob.h"

namespace nf {

namespace {

// One comparison as a similarity in [0, 1]: the three similarities and the density error turned into one (an error
// of one note a bar halves it), equally weighted.
double similarity(const SpanComparison& c) {
    return (c.pitchOverlap + c.grooveSimilarity + c.rangeOverlap + 1.0 / (1.0 + c.densityError)) / 4.0;
}

}  // namespace

std::optional<double> contextFit(const Score& piece, const std::vector<std::size_t>& tracks,
                                 const std::vector<BarLine>& bars, std::size_t first, std::size_t last,
                                 ContextReach reach) {
    if (first > last || last >= bars.size()) return std::nullopt;
    const std::size_t length = last - first + 1;
    double sum = 0;
    int count = 0;
    // Near the piece's edges the context is shorter than the passage: compareSpans compares notes per bar.
    const auto compare = [&](const SpanNotes& context, const SpanNotes& written) {
        sum += similarity(compareSpans(context, written));
        ++count;
    };
    // One pass over the tracks: the passage is read once for its neighbours and its phrase places.
    double phrases = 0;
    int phraseTracks = 0;
    for (const std::size_t track : tracks) {
        if (track >= piece.tracks.size()) continue;
        const SpanNotes written = spanNotes(piece, track, bars, first, last);
        if (first > 0) compare(spanNotes(piece, track, bars, first >= length ? first - length : 0, first - 1), written);
        if (last + 1 < bars.size()) compare(spanNotes(piece, track, bars, last + 1, std::min(bars.size() - 1, last + length)), written);
        if (reach == ContextReach::Neighbours) continue;
        double best = -1;
        for (const std::size_t offset : {std::size_t{4}, std::size_t{8}, std::size_t{16}}) {
            if (offset < length) continue;  // it would overlap the passage
            if (first >= offset)
                best = std::max(best, similarity(compareSpans(spanNotes(piece, track, bars, first - offset, last - offset), written)));
            if (last + offset < bars.size())
                best = std::max(best, similarity(compareSpans(spanNotes(piece, track, bars, first + offset, last + offset), written)));
        }
        if (best >= 0) {
            phrases += best;
            ++phraseTracks;
        }
    }
    if (count == 0) return std::nullopt;
    const double neighbours = sum / count;
    return phraseTracks > 0 ? (neighbours + phrases / phraseTracks) / 2 : neighbours;
}

std::optional<double> jobContextFit(const SteeringJob& job, const Score& candidate) {
    if (job.kind == SteeringJob::Kind::AddPart) return std::nullopt;
    // The bars of the piece as asked (a candidate that leaves the last bars empty is shorter, not fewer bars).
    const auto bars = barLines(candidate, std::max({candidate.endTick(), job.base.endTick(), job.spanEnd}));
    const std::size_t first = barIndexAt(bars, job.spanStart);
    if (job.kind == SteeringJob::Kind::Continue) {
        std::vector<std::size_t> tracks(candidate.tracks.size());
        std::iota(tracks.begin(), tracks.end(), std::size_t{0});
        return contextFit(candidate, tracks, bars, first, bars.size() - 1, ContextReach::Phrases);
    }
    if (job.spanEnd <= job.spanStart) return std::nullopt;
    return contextFit(candidate, job.tracks, bars, first, barIndexAt(bars, job.spanEnd - 1), ContextReach::Phrases);
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
