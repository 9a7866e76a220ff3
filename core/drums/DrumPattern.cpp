// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumPattern.h"

#include <algorithm>
#include <cmath>

#include "music/BarGrid.h"

namespace nf {

namespace {

struct Hit {
    Tick tick;
    DrumClass drumClass;
    int velocity;
};

std::vector<Hit> drumHits(const Score& score) {
    std::vector<Hit> hits;
    for (const Track& t : score.tracks) {
        if (!isDrumTrack(t)) continue;
        for (const Note& n : t.notes)
            if (auto c = drumClassOf(n.pitch)) hits.push_back({n.start, *c, n.velocity});
    }
    return hits;
}

// Mean distance of the onsets to the nearest step, in quarter notes.
double gridError(const std::vector<Hit>& hits, int ppq, int stepsPerQuarter) {
    if (hits.empty()) return 0;
    const double step = static_cast<double>(ppq) / stepsPerQuarter;
    double sum = 0;
    for (const Hit& h : hits) {
        const double x = static_cast<double>(h.tick) / step;
        sum += std::abs(x - std::round(x)) * step / ppq;
    }
    return sum / static_cast<double>(hits.size());
}

int chooseGrid(const std::vector<Hit>& hits, int ppq, DrumGrid grid) {
    if (grid == DrumGrid::Sixteenths) return 4;
    if (grid == DrumGrid::Triplets) return 3;
    // Triplets only when they fit clearly better: a straight sixteenth groove played loosely must not turn into
    // triplets, a shuffle must.
    return gridError(hits, ppq, 3) < 0.6 * gridError(hits, ppq, 4) ? 3 : 4;
}

}  // namespace

int drumStepsInMeter(int stepsPerQuarter, int numerator, int denominator) {
    return std::max(1, static_cast<int>(std::lround(4.0 * stepsPerQuarter * numerator / std::max(1, denominator))));
}

bool isDrumTrack(const Track& t) { return t.isDrum || t.channel == 9; }

int drumStepsIn(const BarLine& bar, int ppq, int stepsPerQuarter) {
    return std::max(1, static_cast<int>(std::lround(static_cast<double>(bar.length) * stepsPerQuarter / ppq)));
}

bool hasDrumPart(const Score& score) {
    return std::any_of(score.tracks.begin(), score.tracks.end(),
                       [](const Track& t) { return isDrumTrack(t) && !t.notes.empty(); });
}

std::size_t DrumPattern::hitCount() const {
    std::size_t n = 0;
    for (const DrumBar& b : bars)
        for (const DrumStep& s : b.steps)
            for (std::uint8_t v : s) n += v != 0;
    return n;
}

DrumPattern drumPatternOf(const Score& score, DrumGrid grid) {
    const std::vector<Hit> hits = drumHits(score);
    DrumPattern p;
    p.stepsPerQuarter = chooseGrid(hits, score.ppq(), grid);
    // The bars run to the last hit a drum class takes (notes no class takes are not part of the pattern).
    Tick until = 0;
    for (const Hit& h : hits) until = std::max(until, h.tick + 1);
    if (hits.empty()) until = score.endTick();
    const std::vector<BarLine> lines = barLines(score, until);
    for (const BarLine& line : lines)
        p.bars.push_back(DrumBar{line.numerator, line.denominator,
                                 std::vector<DrumStep>(static_cast<std::size_t>(drumStepsIn(line, score.ppq(), p.stepsPerQuarter)), DrumStep{})});
    std::vector<int> steps;
    for (const DrumBar& b : p.bars) steps.push_back(static_cast<int>(b.steps.size()));
    for (const Hit& h : hits) {
        const DrumStepIndex at = drumStepAt(lines, steps, score.ppq(), p.stepsPerQuarter, h.tick);
        std::uint8_t& cell = p.bars[at.bar].steps[at.step][static_cast<std::size_t>(h.drumClass)];
        cell = std::max<std::uint8_t>(cell, static_cast<std::uint8_t>(1 + drumVelocityBin(h.velocity)));
    }
    return p;
}

DrumStepIndex drumStepAt(const std::vector<BarLine>& lines, const std::vector<int>& steps, int ppq, int stepsPerQuarter,
                         Tick tick) {
    const double ticksPerStep = static_cast<double>(ppq) / stepsPerQuarter;
    std::size_t bar = std::min(barIndexAt(lines, tick), steps.size() - 1);
    long step = std::max(0L, std::lround(static_cast<double>(tick - lines[bar].start) / ticksPerStep));
    // An onset played just before a bar line is the next bar's downbeat, when there is one.
    if (step >= steps[bar]) {
        if (bar + 1 < steps.size()) {
            ++bar;
            step = 0;
        } else {
            step = steps[bar] - 1;
        }
    }
    return {bar, static_cast<std::size_t>(step)};
}

Score drumScoreOf(const DrumPattern& pattern, double bpm, int ppq) {
    Score s(ppq);
    s.setTempoChanges({TempoChange{0, static_cast<int>(std::lround(60'000'000.0 / std::clamp(bpm, 10.0, 400.0)))}});
    Track drums;
    drums.name = "Drums";
    drums.channel = 9;
    drums.isDrum = true;
    const Tick step = std::max<Tick>(1, ppq / pattern.stepsPerQuarter);
    Tick barStart = 0;
    for (const DrumBar& bar : pattern.bars) {
        if (s.timeSignatures.empty() || s.timeSignatures.back().numerator != bar.numerator ||
            s.timeSignatures.back().denominator != bar.denominator)
            s.timeSignatures.push_back(TimeSignature{barStart, bar.numerator, bar.denominator});
        for (std::size_t i = 0; i < bar.steps.size(); ++i)
            for (int c = 0; c < kDrumClassCount; ++c)
                if (const int v = bar.steps[i][static_cast<std::size_t>(c)]; v > 0)
                    drums.notes.push_back(Note{0, drumNoteOf(static_cast<DrumClass>(c)), drumBinVelocity(v - 1),
                                               barStart + static_cast<Tick>(i) * ppq / pattern.stepsPerQuarter, step});
        // A whole bar moves on by its meter's length (a 9/8 bar of triplet steps is not a whole number of steps);
        // a short one (a pickup) by its steps.
        const Tick meterTicks = static_cast<Tick>(ppq) * 4 * bar.numerator / std::max(1, bar.denominator);
        const Tick stepTicks = static_cast<Tick>(bar.steps.size()) * ppq / pattern.stepsPerQuarter;
        barStart += bar.steps.size() >= static_cast<std::size_t>(drumStepsInMeter(pattern.stepsPerQuarter, bar.numerator, bar.denominator))
                        ? meterTicks
                        : stepTicks;
    }
    s.tracks.push_back(std::move(drums));
    s.assignMissingIds();
    s.normalize();
    return s;
}

}  // namespace nf
