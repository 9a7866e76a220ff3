// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/SpanMetrics.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "remi/RemiVocabulary.h"

namespace nf {

namespace {

int unitsOf(const Score& score, Tick ticks) {
    return static_cast<int>(std::lround(static_cast<double>(ticks) * remi::kUnitsPerBeat / score.ppq()));
}

double histogramOverlap(const std::map<int, double>& a, const std::map<int, double>& b) {
    double ta = 0, tb = 0;
    for (const auto& [k, v] : a) ta += v;
    for (const auto& [k, v] : b) tb += v;
    if (ta == 0 && tb == 0) return 1;
    if (ta == 0 || tb == 0) return 0;
    std::set<int> keys;
    for (const auto& [k, v] : a) keys.insert(k);
    for (const auto& [k, v] : b) keys.insert(k);
    double distance = 0;
    for (int k : keys) {
        const auto ia = a.find(k), ib = b.find(k);
        distance += std::abs((ia == a.end() ? 0 : ia->second / ta) - (ib == b.end() ? 0 : ib->second / tb));
    }
    return 1 - distance / 2;
}

double cosine(const std::map<int, double>& a, const std::map<int, double>& b) {
    double dot = 0, na = 0, nb = 0;
    for (const auto& [k, v] : a) {
        na += v * v;
        if (auto it = b.find(k); it != b.end()) dot += v * it->second;
    }
    for (const auto& [k, v] : b) nb += v * v;
    if (na == 0 && nb == 0) return 1;
    if (na == 0 || nb == 0) return 0;
    return dot / std::sqrt(na * nb);
}

}  // namespace

SpanNotes spanNotes(const Score& score, std::size_t track, const std::vector<BarLine>& bars, std::size_t first,
                    std::size_t last) {
    SpanNotes out;
    out.drums = score.tracks[track].isDrum;
    out.bars = static_cast<int>(last - first + 1);
    if (first >= bars.size()) return out;
    last = std::min(last, bars.size() - 1);
    for (const Note& n : score.tracks[track].notes) {
        if (n.start < bars[first].start || n.start >= bars[last].end()) continue;
        const std::size_t b = barIndexAt(bars, n.start);
        out.notes.push_back({n.pitch, unitsOf(score, n.start - bars[b].start), static_cast<int>(b - first)});
    }
    return out;
}

SpanComparison compareSpans(const SpanNotes& truth, const SpanNotes& candidate) {
    SpanComparison c;
    std::map<int, double> pa, pb, ga, gb;
    int loA = 128, hiA = -1, loB = 128, hiB = -1;
    for (const auto& n : truth.notes) {
        pa[truth.drums ? n.pitch : n.pitch % 12] += 1;
        ga[n.position] += 1;
        loA = std::min(loA, n.pitch);
        hiA = std::max(hiA, n.pitch);
    }
    for (const auto& n : candidate.notes) {
        pb[truth.drums ? n.pitch : n.pitch % 12] += 1;
        gb[n.position] += 1;
        loB = std::min(loB, n.pitch);
        hiB = std::max(hiB, n.pitch);
    }
    c.pitchOverlap = histogramOverlap(pa, pb);
    c.grooveSimilarity = cosine(ga, gb);
    // Notes per bar on each side: the same as a count difference over the bars when both span as many bars, and
    // still right when one is shorter (the context of a passage at a piece's edge: ContextFit).
    c.densityError = std::abs(static_cast<double>(truth.notes.size()) / std::max(1, truth.bars) -
                              static_cast<double>(candidate.notes.size()) / std::max(1, candidate.bars));
    if (truth.notes.empty() || candidate.notes.empty()) {
        c.rangeOverlap = truth.notes.empty() && candidate.notes.empty() ? 1 : 0;
    } else if (truth.drums) {
        c.rangeOverlap = 1;
    } else {
        const int inter = std::min(hiA, hiB) - std::max(loA, loB) + 1;
        const int uni = std::max(hiA, hiB) - std::min(loA, loB) + 1;
        c.rangeOverlap = inter > 0 ? static_cast<double>(inter) / uni : 0.0;
    }
    return c;
}

double barRepetition(const Score& score) {
    const auto bars = barLines(score, score.endTick());
    std::size_t filled = 0, repeated = 0;
    for (std::size_t t = 0; t < score.tracks.size(); ++t) {
        std::set<std::vector<std::pair<int, int>>> seen;
        std::vector<std::vector<std::pair<int, int>>> content(bars.size());
        for (const Note& n : score.tracks[t].notes) {
            const std::size_t b = barIndexAt(bars, n.start);
            content[b].emplace_back(unitsOf(score, n.start - bars[b].start), n.pitch);
        }
        for (auto& bar : content) {
            if (bar.empty()) continue;
            std::sort(bar.begin(), bar.end());
            ++filled;
            if (!seen.insert(bar).second) ++repeated;
        }
    }
    return filled == 0 ? 0.0 : static_cast<double>(repeated) / static_cast<double>(filled);
}

BarPatterns barPatterns(const Score& score, std::size_t track) {
    BarPatterns out;
    if (track >= score.tracks.size()) return out;
    const auto bars = barLines(score, score.endTick());
    std::vector<std::vector<std::pair<int, int>>> content(bars.size());
    for (const Note& n : score.tracks[track].notes) {
        const std::size_t b = barIndexAt(bars, n.start);
        content[b].emplace_back(unitsOf(score, n.start - bars[b].start), n.pitch);
    }
    std::set<std::vector<std::pair<int, int>>> seen;
    for (auto& bar : content) {
        if (bar.empty()) continue;
        std::sort(bar.begin(), bar.end());
        ++out.bars;
        seen.insert(bar);
    }
    out.distinct = static_cast<int>(seen.size());
    return out;
}

}  // namespace nf
