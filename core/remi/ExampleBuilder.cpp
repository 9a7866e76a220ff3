// SPDX-License-Identifier: GPL-3.0-or-later
#include "remi/ExampleBuilder.h"

#include <algorithm>
#include <cmath>

#include "remi/InfillFormat.h"
#include "remi/RemiLayout.h"
#include "tokenize/SplitMix64.h"

namespace nf::remi {

namespace {

std::size_t pick(SplitMix64& rng, std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng.below(n)); }

// Bars [from, ...] as far as maxTokens allows (at least one bar).
std::vector<std::int32_t> continuation(const std::vector<std::int32_t>& ids, const RemiLayout& layout,
                                       std::size_t from, std::size_t maxTokens) {
    std::size_t to = from, length = 3 + layout.bars[from].end - layout.bars[from].begin;
    while (to + 1 < layout.bars.size()) {
        const auto& next = layout.bars[to + 1];
        if (length + (next.end - next.begin) > maxTokens) break;
        length += next.end - next.begin;
        ++to;
    }
    auto out = makeContinuation(ids, layout, from, to, to + 1 == layout.bars.size());
    if (out.size() > maxTokens) out.resize(maxTokens);  // one bar longer than an example: its start only
    return out;
}

std::vector<std::int32_t> joined(InfillTokens t) {
    t.prompt.insert(t.prompt.end(), t.fill.begin(), t.fill.end());
    return std::move(t.prompt);
}

std::optional<std::vector<std::int32_t>> infill(const std::vector<std::int32_t>& ids, const RemiLayout& layout,
                                                 const TaskMix& mix, bool wholeTrack, SplitMix64& rng) {
    const auto tracks = layout.tracks();
    if (tracks.empty()) return std::nullopt;
    const std::size_t bars = layout.bars.size();
    InfillSpec spec;
    const std::size_t span = std::min<std::size_t>(bars, 1 + pick(rng, static_cast<std::size_t>(
                                                                 wholeTrack ? mix.trackSpanBars : mix.maxSpanBars)));
    spec.firstBar = pick(rng, bars - span + 1);
    spec.lastBar = spec.firstBar + span - 1;
    if (wholeTrack) {
        spec.tracks = {tracks[pick(rng, tracks.size())]};
    } else {
        // A random non-empty subset of the tracks, in track-key order (instrument, then rank): generation orders
        // its holes the same way.
        for (const auto& t : tracks)
            if (rng.below(2) == 0) spec.tracks.push_back(t);
        if (spec.tracks.empty()) spec.tracks.push_back(tracks[pick(rng, tracks.size())]);
    }
    const auto context = static_cast<std::size_t>(mix.contextBars);
    spec.contextFrom = spec.firstBar - std::min(spec.firstBar, pick(rng, context + 1));
    spec.contextTo = std::min(bars - 1, spec.lastBar + pick(rng, context + 1));
    // Too long: fewer context bars, then a shorter span.
    while (true) {
        if (auto fitted = fitInfill(layout, spec, static_cast<std::size_t>(mix.maxTokens)))
            return joined(makeInfill(ids, layout, *fitted));
        if (spec.lastBar == spec.firstBar) return std::nullopt;
        --spec.lastBar;
        spec.contextTo = std::max(spec.contextTo, spec.lastBar);
    }
}

}  // namespace

std::vector<std::vector<std::int32_t>> buildExamples(const std::vector<const std::vector<std::int32_t>*>& pieces,
                                                     const TaskMix& mix, std::uint64_t seed, int epoch) {
    SplitMix64 rng(seed * 0x9e3779b97f4a7c15ULL + static_cast<std::uint64_t>(epoch) * 0xbf58476d1ce4e5b9ULL + 7);
    const double total = mix.continuation + mix.barInfill + mix.trackInfill;
    const auto maxTokens = static_cast<std::size_t>(mix.maxTokens);
    std::vector<std::vector<std::int32_t>> out;
    for (const auto* piece : pieces) {
        const RemiLayout layout = layoutOf(*piece);
        if (layout.bars.empty()) continue;
        const std::size_t count = std::max<std::size_t>(1, (piece->size() + maxTokens / 4) / (maxTokens / 2));
        for (std::size_t e = 0; e < count; ++e) {
            const double u = static_cast<double>(rng.next() >> 11) * 0x1.0p-53 * total;
            std::optional<std::vector<std::int32_t>> example;
            if (u >= mix.continuation) example = infill(*piece, layout, mix, u >= mix.continuation + mix.barInfill, rng);
            if (!example) {
                // Continuation windows start at bar lines spread over the piece; the first starts at its beginning.
                const std::size_t from = e == 0 ? 0 : pick(rng, layout.bars.size());
                example = continuation(*piece, layout, from, maxTokens);
            }
            if (example->size() >= 2) out.push_back(std::move(*example));
        }
    }
    return out;
}

}  // namespace nf::remi
