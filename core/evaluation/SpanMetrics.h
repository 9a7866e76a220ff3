// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "music/BarGrid.h"
#include "music/Score.h"

namespace nf {

// The notes of one track over a span of bars, with onsets relative to the bar each starts in (in 1/12-beat grid
// units), for comparing a regenerated passage with the truth.
struct SpanNotes {
    struct Item {
        int pitch = 60;
        int position = 0;   // onset within its bar, grid units
        int bar = 0;        // bar index within the span
    };
    std::vector<Item> notes;
    bool drums = false;
    int bars = 1;
};

// Notes of `track` starting in bars [first, last] of `bars`.
SpanNotes spanNotes(const Score& score, std::size_t track, const std::vector<BarLine>& bars, std::size_t first,
                    std::size_t last);

// How alike a candidate passage is to the true one. Each is 1 for identical content.
struct SpanComparison {
    double pitchOverlap = 0;    // pitch-class histograms (drums: drum-note histograms), 1 - total variation
    double densityError = 0;    // |notes per bar of candidate - notes per bar of truth| (0 is best)
    double grooveSimilarity = 0;  // cosine of the onset-position-in-bar histograms
    double rangeOverlap = 0;    // intersection over union of the pitch intervals (drums: 1 when both play)
};

SpanComparison compareSpans(const SpanNotes& truth, const SpanNotes& candidate);

// Bar-level self-repetition of a piece: the share of non-empty bars (per pitched or drum track) whose notes --
// positions and pitches -- equal an earlier bar of the same track. Songs and tunes repeat themselves (0.3-0.6 in
// folk tunes); a generator that forgets what it wrote is near 0, one that loops is near 1.
double barRepetition(const Score& score);

// How many different one-bar patterns (onset positions and notes) the bars of `track` that have notes play, and how
// many such bars there are: a drum part that is one bar looped has 1 pattern; a part with fills and variations more.
struct BarPatterns {
    int distinct = 0;
    int bars = 0;
};
BarPatterns barPatterns(const Score& score, std::size_t track);

}  // namespace nf
