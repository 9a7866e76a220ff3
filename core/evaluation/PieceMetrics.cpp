// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/PieceMetrics.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace nf {

namespace {

// A corrupt or adversarial file can claim an end tick far in the future; counting bars up to it must stay bounded.
constexpr std::size_t kMaxBars = 1'000'000;
// Inter-onset intervals are compared on a grid of 1/24 quarter note: exact for 32nd notes and for triplets down
// to 16th triplets, coarse enough that a human performance's jitter of a few ticks does not count as a new value.
constexpr double kIoiGridPerQuarter = 24.0;

int pitchClassOf(int pitch) { return ((pitch % 12) + 12) % 12; }

Tick lastNoteEnd(const std::vector<Note>& notes) {
    Tick end = 0;
    for (const Note& n : notes) end = std::max({end, n.start, n.end()});
    return end;
}

double ioiEntropy(const std::vector<Tick>& onsets, int ppq) {
    if (onsets.size() < 2 || ppq <= 0) return kNoValue;
    std::map<long long, std::size_t> counts;
    for (std::size_t i = 1; i < onsets.size(); ++i) {
        const double quarters = static_cast<double>(onsets[i] - onsets[i - 1]) / ppq;
        counts[std::max(1LL, std::llround(quarters * kIoiGridPerQuarter))]++;
    }
    const double total = static_cast<double>(onsets.size() - 1);
    double bits = 0;
    for (const auto& [interval, count] : counts) {
        const double p = static_cast<double>(count) / total;
        bits -= p * std::log2(p);
    }
    return bits == 0 ? 0.0 : bits;  // never -0
}

void fillPolyphony(const std::vector<Note>& notes, RhythmFigures& r) {
    std::vector<std::pair<Tick, int>> edges;  // (tick, +1 start / -1 end); ends sort first at equal ticks
    for (const Note& n : notes) {
        if (n.duration <= 0) continue;
        edges.emplace_back(n.start, +1);
        edges.emplace_back(n.end(), -1);
    }
    std::sort(edges.begin(), edges.end());
    double area = 0, sounding = 0;
    int count = 0;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        count += edges[i].second;
        r.maxPolyphony = std::max(r.maxPolyphony, count);
        if (i + 1 < edges.size() && count > 0) {
            const double span = static_cast<double>(edges[i + 1].first - edges[i].first);
            area += span * count;
            sounding += span;
        }
    }
    if (sounding > 0) r.meanPolyphony = area / sounding;
}

void fillBars(const Score& score, const std::vector<Note>& notes, Tick end, RhythmFigures& r) {
    std::vector<Tick> barStarts;
    for (Tick bar = 0; bar < end && barStarts.size() < kMaxBars; bar += std::max<Tick>(1, score.ticksPerBar(bar)))
        barStarts.push_back(bar);
    if (barStarts.empty()) return;
    auto barOf = [&](Tick t) {
        const auto it = std::upper_bound(barStarts.begin(), barStarts.end(), t);
        return static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, it - barStarts.begin() - 1));
    };
    std::vector<int> cover(barStarts.size() + 1, 0);  // difference array of notes touching each bar
    for (const Note& n : notes) {
        const std::size_t first = barOf(n.start);
        const std::size_t last = n.duration > 0 ? barOf(n.end() - 1) : first;
        cover[first]++;
        cover[last + 1]--;
    }
    int running = 0;
    for (std::size_t b = 0; b < barStarts.size(); ++b) {
        running += cover[b];
        if (running == 0) r.silentBars++;
    }
    r.bars = static_cast<int>(barStarts.size());
    r.silentBarShare = static_cast<double>(r.silentBars) / r.bars;
}

}  // namespace

RepetitionFigures repetitionFigures(const std::vector<EventSequence>& sequences) {
    RepetitionFigures r;
    for (const EventSequence& seq : sequences) {
        r.events += seq.events.size();
        if (seq.events.empty()) continue;
        r.pairs += seq.events.size() - 1;
        int run = 1;
        r.longestRun = std::max(r.longestRun, 1);
        for (std::size_t i = 1; i < seq.events.size(); ++i) {
            if (seq.events[i] == seq.events[i - 1]) {
                r.repeats++;
                r.longestRun = std::max(r.longestRun, ++run);
            } else {
                run = 1;
            }
        }
    }
    if (r.pairs > 0) r.repeatShare = static_cast<double>(r.repeats) / static_cast<double>(r.pairs);
    return r;
}

TonalFigures tonalFigures(const Score& score, KeyProfile profile) {
    TonalFigures t;
    const std::vector<Note> notes = pitchedNotes(score);
    if (notes.empty()) {
        t.key.correlation = kNoValue;
        return t;
    }
    PitchClassHistogram weighted{};
    PitchClassHistogram counts{};
    double totalWeight = 0;
    for (const Note& n : notes) {
        const double w = static_cast<double>(std::max<Tick>(0, n.duration));
        weighted[pitchClassOf(n.pitch)] += w;
        counts[pitchClassOf(n.pitch)] += 1;
        totalWeight += w;
    }
    t.key = estimateKey(totalWeight > 0 ? weighted : counts, profile);
    std::size_t inScale = 0;
    for (const Note& n : notes) inScale += inKeyScale(t.key, pitchClassOf(n.pitch)) ? 1 : 0;
    t.inScaleShare = static_cast<double>(inScale) / static_cast<double>(notes.size());
    for (int pc = 0; pc < 12; ++pc) t.pcHistogram[pc] = counts[pc] / static_cast<double>(notes.size());
    return t;
}

RhythmFigures rhythmFigures(const Score& score) {
    RhythmFigures r;
    const std::vector<Note> notes = pitchedNotes(score);
    if (notes.empty()) return r;
    const Tick end = lastNoteEnd(notes);
    if (end > 0 && score.ppq() > 0)
        r.notesPerBeat = static_cast<double>(notes.size()) / (static_cast<double>(end) / score.ppq());
    r.ioiEntropyBits = ioiEntropy(mergedOnsets(score), score.ppq());
    fillPolyphony(notes, r);
    const auto [lo, hi] = std::minmax_element(notes.begin(), notes.end(),
                                              [](const Note& a, const Note& b) { return a.pitch < b.pitch; });
    r.lowestPitch = lo->pitch;
    r.highestPitch = hi->pitch;
    r.pitchRange = hi->pitch - lo->pitch;
    fillBars(score, notes, end, r);
    return r;
}

PieceEvaluation measurePiece(const Piece& piece, const std::vector<EventSequence>& sequences, KeyProfile profile) {
    PieceEvaluation e;
    e.file = piece.file;
    e.tuneNumber = piece.tuneNumber;
    e.title = piece.title.empty() ? piece.score.title : piece.title;
    for (const Track& track : piece.score.tracks)
        if (!track.isDrum) e.notes += track.notes.size();
    e.repetition = repetitionFigures(sequences);
    e.tonal = tonalFigures(piece.score, profile);
    e.rhythm = rhythmFigures(piece.score);
    return e;
}

}  // namespace nf
