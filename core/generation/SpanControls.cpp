// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/SpanControls.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "evaluation/KeyFinder.h"

namespace nf {

namespace {

// The most notes sounding at once among `notes` (ends exclusive: a note ending where another starts is not with it).
int maxSounding(std::vector<std::pair<Tick, int>> edges) {
    std::sort(edges.begin(), edges.end());  // at equal ticks the -1 (an end) sorts before the +1 (a start)
    int now = 0, most = 0;
    for (const auto& [tick, delta] : edges) most = std::max(most, now += delta);
    return most;
}

}  // namespace

std::optional<Scale> estimateScale(const Score& score) {
    PitchClassHistogram weights{};
    bool any = false;
    for (const Track& t : score.tracks) {
        if (t.isDrum) continue;
        for (const Note& n : t.notes) {
            weights[static_cast<std::size_t>(n.pitch % 12)] += static_cast<double>(std::max<Tick>(1, n.duration));
            any = true;
        }
    }
    if (!any) return std::nullopt;
    const KeyEstimate key = estimateKey(weights);
    return parseScale(std::string(tonicName(key.tonic)) + (key.minor ? " minor" : " major"));
}

std::optional<Scale> pieceNotesScale(const Score& score, const std::vector<std::size_t>& tracks, double minShare) {
    const auto key = estimateScale(score);
    if (!key) return std::nullopt;
    const auto countOf = [&](const std::vector<std::size_t>& which, std::array<int, 12>& counts) {
        int total = 0;
        for (std::size_t t : which) {
            if (t >= score.tracks.size() || score.tracks[t].isDrum) continue;
            for (const Note& n : score.tracks[t].notes) ++counts[static_cast<std::size_t>(n.pitch % 12)], ++total;
        }
        return total;
    };
    std::array<int, 12> counts{};
    int total = countOf(tracks, counts);
    if (total < 8) {
        std::vector<std::size_t> all(score.tracks.size());
        for (std::size_t t = 0; t < all.size(); ++t) all[t] = t;
        counts = {};
        total = countOf(all, counts);
    }
    Scale s = *key;
    std::string names;
    for (std::size_t pc = 0; pc < 12; ++pc) {
        s.pitchClasses[pc] = counts[pc] > 0 && counts[pc] >= minShare * total;
        if (s.pitchClasses[pc]) names += std::string(names.empty() ? "" : " ") + tonicName(static_cast<int>(pc));
    }
    s.name = "the piece's notes (" + names + ")";
    return s;
}

SpanControlValues measureSpan(const Score& score, Tick start, Tick end, int bars, const std::vector<std::size_t>& tracks) {
    SpanControlValues v;
    v.key = estimateScale(score);
    v.pieceNotes = pieceNotesScale(score, tracks);
    std::vector<std::pair<Tick, int>> edges;
    int starts = 0, low = 127, high = 0;
    double beats = 0;
    const double ticksPerBeat = std::max(1, score.ppq());
    for (std::size_t index : tracks) {
        if (index >= score.tracks.size()) continue;
        const Track& t = score.tracks[index];
        for (const Note& n : t.notes) {
            if (n.start < start || n.start >= end) continue;
            ++starts;
            if (t.isDrum) continue;
            ++v.notes;
            low = std::min(low, n.pitch);
            high = std::max(high, n.pitch);
            beats += static_cast<double>(n.duration) / ticksPerBeat;
            edges.push_back({n.start, 1});
            edges.push_back({std::min(n.end(), end), -1});
        }
    }
    v.density = static_cast<int>(std::lround(static_cast<double>(starts) / std::max(1, bars)));
    if (v.notes == 0) return v;
    v.lowest = low;
    v.highest = high;
    v.noteBeats = beats / v.notes;
    v.polyphony = std::max(1, maxSounding(std::move(edges)));
    return v;
}

std::pair<int, int> widenToOctave(int lowest, int highest) {
    int low = std::clamp(lowest, 0, 127), high = std::clamp(highest, 0, 127);
    if (low > high) std::swap(low, high);
    while (high - low < 12 && (low > 0 || high < 127)) {
        if (low > 0) --low;
        if (high - low < 12 && high < 127) ++high;
    }
    return {low, high};
}

SteeringControls controlsLike(const SpanControlValues& v, bool lockKey) {
    SteeringControls c;
    if (v.notes == 0) {  // no pitched note: a drum part's density, and the key if asked, are all there is to go on
        if (v.density > 0) c.density = v.density;
        if (lockKey) c.scale = v.key;
        return c;
    }
    c.density = v.density;
    c.polyphony = std::max(1, v.polyphony);
    const auto [low, high] = widenToOctave(v.lowest, v.highest);
    c.lowest = low;
    c.highest = high;
    if (v.noteBeats > 0) c.noteBeats = v.noteBeats;
    if (lockKey) c.scale = v.key;
    return c;
}

}  // namespace nf
