// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

#include "evaluation/ContextFit.h"
#include "evaluation/SpanMetrics.h"

namespace nf {

// Every candidate evaluate-infill wrote for one held-out span, with what a ranking may look at (each candidate's
// comparisons with the bars around it, its notes' mean log-probability) and what only the evaluation may (its
// comparison with the true span). Rankings other than the built-in ones are studied on these offline
// (evaluate-infill --candidates-out, bench/infill_rerank.py) -- chosen on a tuning set, then checked once on held-out
// pieces -- without sampling the candidates again.
struct SpanCandidates {
    std::size_t span = 0;   // index among the evaluation's spans
    std::size_t piece = 0;  // index among the held-out pieces (bootstrap intervals resample these)
    std::size_t track = 0, first = 0, last = 0;  // 0-based track and bar indices of the span
    std::size_t chosen = 0;                      // the candidate the evaluation's pick compared
    SpanComparison repeatBefore;                 // the bars before, played again, against the truth

    struct Candidate {
        SpanComparison truth;                     // against the true span
        std::vector<ContextComparison> context;   // neighbours and phrase places (ContextReach::Phrases)
        double meanLogProbability = 0;            // of its notes' pitches; -1e9 for a candidate with no notes
        bool copiesBefore = false;                // the bars before again, note for note
    };
    std::vector<Candidate> candidates;
};

}  // namespace nf
