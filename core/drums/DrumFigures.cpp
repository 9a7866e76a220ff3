// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumFigures.h"

#include <cmath>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "tokenize/Fnv1a.h"

namespace nf {

namespace {

bool hasHit(const DrumStep& s) {
    return std::any_of(s.begin(), s.end(), [](std::uint8_t v) { return v != 0; });
}

// Steps per beat of a bar: quarters, or dotted quarters in compound meters (6/8, 9/8, 12/8).
int stepsPerBeat(const DrumBar& bar, int stepsPerQuarter) {
    // On the triplet grid a dotted quarter is 4.5 steps: there the beats are counted in quarters.
    const bool compound = bar.denominator == 8 && bar.numerator % 3 == 0 && bar.numerator > 3 && stepsPerQuarter % 2 == 0;
    return std::max(1, compound ? stepsPerQuarter * 3 / 2 : stepsPerQuarter * 4 / std::max(1, bar.denominator));
}

void addNumber(Fnv1a& h, std::uint64_t v) { h.add(&v, sizeof v); }

struct Sums {
    std::size_t bars = 0, hits = 0, beats = 0, emptyBeats = 0, kickSnare = 0, onBackbone = 0;
    std::size_t repeatable = 0, repeated = 0;  // hits in bars after a bar of the same length; those the bar before has
    double grooveSum = 0;
    std::size_t groovePairs = 0;
    std::set<std::uint64_t> distinct;
    std::size_t barsWithHits = 0;
};

void accumulate(const DrumPattern& p, Sums& s) {
    const int spq = std::max(1, p.stepsPerQuarter);
    for (std::size_t b = 0; b < p.bars.size(); ++b) {
        const DrumBar& bar = p.bars[b];
        ++s.bars;
        const int beatSteps = stepsPerBeat(bar, spq);
        const int beats = static_cast<int>(bar.steps.size()) / beatSteps;
        // Beats: whole beats only (a pickup's part-beat is left out).
        for (int beat = 0; beat < beats; ++beat) {
            bool any = false;
            for (int k = 0; k < beatSteps; ++k) any = any || hasHit(bar.steps[static_cast<std::size_t>(beat * beatSteps + k)]);
            ++s.beats;
            s.emptyBeats += !any;
        }
        const bool four = beats == 4, three = beats == 3;
        const bool after = b > 0 && p.bars[b - 1].steps.size() == bar.steps.size();
        bool anyHit = false;
        for (std::size_t i = 0; i < bar.steps.size(); ++i) {
            const DrumStep& step = bar.steps[i];
            const bool onBeat = i % static_cast<std::size_t>(beatSteps) == 0;
            const int beat = static_cast<int>(i) / beatSteps;  // 0-based
            const bool strong = onBeat && (beat == 0 || (four && beat == 2) || (beats == 2 && beat == 0));
            const bool back = onBeat && ((four && (beat == 1 || beat == 3)) || (three && beat > 0) || (beats == 2 && beat == 1));
            for (int c = 0; c < kDrumClassCount; ++c) {
                if (step[static_cast<std::size_t>(c)] == 0) continue;
                ++s.hits;
                anyHit = true;
                const auto cls = static_cast<DrumClass>(c);
                if (cls == DrumClass::Kick || cls == DrumClass::Snare) {
                    ++s.kickSnare;
                    s.onBackbone += (cls == DrumClass::Kick && strong) || (cls == DrumClass::Snare && back);
                }
                if (after) {
                    ++s.repeatable;
                    s.repeated += p.bars[b - 1].steps[i][static_cast<std::size_t>(c)] != 0;
                }
            }
        }
        if (after) {
            std::size_t differ = 0;
            for (std::size_t i = 0; i < bar.steps.size(); ++i) differ += hasHit(bar.steps[i]) != hasHit(p.bars[b - 1].steps[i]);
            s.grooveSum += 1.0 - static_cast<double>(differ) / static_cast<double>(bar.steps.size());
            ++s.groovePairs;
        }
        if (anyHit) {
            ++s.barsWithHits;
            s.distinct.insert(drumBarHash(bar));
        }
    }
}

double share(std::size_t part, std::size_t whole) { return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0; }

}  // namespace

std::uint64_t drumBarHash(const DrumBar& bar) {
    Fnv1a h;
    bool any = false;
    addNumber(h, bar.steps.size());
    for (std::size_t i = 0; i < bar.steps.size(); ++i) {
        std::uint32_t mask = 0;
        for (int c = 0; c < kDrumClassCount; ++c)
            if (bar.steps[i][static_cast<std::size_t>(c)] != 0) mask |= 1u << c;
        if (mask) {
            any = true;
            addNumber(h, i);
            addNumber(h, mask);
        }
    }
    return any ? (h.value() | 1u) : 0;
}

DrumFigures DrumFigures::of(const std::vector<DrumPattern>& patterns) {
    Sums s;
    for (const DrumPattern& p : patterns) accumulate(p, s);
    DrumFigures f;
    f.bars = s.bars;
    f.hits = s.hits;
    f.hitsPerBar = share(s.hits, s.bars);
    f.emptyBeatRate = share(s.emptyBeats, s.beats);
    f.backbone = share(s.onBackbone, s.kickSnare);
    f.patternConsistency = share(s.repeated, s.repeatable);
    f.grooveConsistency = s.groovePairs ? s.grooveSum / static_cast<double>(s.groovePairs) : 0.0;
    f.distinctPatterns = s.distinct.size();
    f.distinctShare = share(s.distinct.size(), s.barsWithHits);
    return f;
}

DrumFigures measureDrums(const DrumPattern& pattern) { return DrumFigures::of({pattern}); }

double drumFigureDistance(const DrumFigures& g, const DrumFigures& r) {
    const double density = r.hitsPerBar > 0 ? std::abs(g.hitsPerBar / r.hitsPerBar - 1.0) : g.hitsPerBar;
    return density + std::abs(g.emptyBeatRate - r.emptyBeatRate) + std::abs(g.backbone - r.backbone) +
           std::abs(g.patternConsistency - r.patternConsistency) + std::abs(g.grooveConsistency - r.grooveConsistency) +
           std::abs(g.distinctShare - r.distinctShare);
}

void DrumCopyIndex::add(const DrumPattern& pattern) {
    std::vector<std::uint64_t> bars;
    bars.reserve(pattern.bars.size());
    for (const DrumBar& b : pattern.bars) bars.push_back(drumBarHash(b));
    pieces_.push_back(std::move(bars));
}

std::size_t DrumCopyIndex::bars() const {
    std::size_t n = 0;
    for (const auto& p : pieces_) n += p.size();
    return n;
}

int DrumCopyIndex::longestCopy(const DrumPattern& pattern) const {
    std::vector<std::uint64_t> mine;
    for (const DrumBar& b : pattern.bars) mine.push_back(drumBarHash(b));
    // Where each bar occurs in the training data.
    std::unordered_map<std::uint64_t, std::vector<std::pair<std::size_t, std::size_t>>> where;
    std::set<std::uint64_t> wanted(mine.begin(), mine.end());
    for (std::size_t p = 0; p < pieces_.size(); ++p)
        for (std::size_t j = 0; j < pieces_[p].size(); ++j)
            if (pieces_[p][j] != 0 && wanted.count(pieces_[p][j])) where[pieces_[p][j]].emplace_back(p, j);
    int best = 0;
    for (std::size_t i = 0; i < mine.size(); ++i) {
        if (mine[i] == 0) continue;
        const auto it = where.find(mine[i]);
        if (it == where.end()) continue;
        for (const auto& [p, j] : it->second) {
            const auto& other = pieces_[p];
            std::size_t k = 0;
            while (i + k < mine.size() && j + k < other.size() && mine[i + k] != 0 && mine[i + k] == other[j + k]) ++k;
            best = std::max(best, static_cast<int>(k));
            if (best == static_cast<int>(mine.size() - i)) break;
        }
    }
    return best;
}

}  // namespace nf
