// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "evaluation/InfillMode.h"
#include "evaluation/ContextFit.h"
#include "evaluation/PieceBootstrap.h"
#include "evaluation/SpanCandidates.h"
#include "evaluation/SpanMetrics.h"
#include "generation/GenerationModel.h"
#include "generation/SamplingSettings.h"

namespace nf {

struct InfillEvaluationOptions {
    InfillMode mode = InfillMode::Bars;
    int spanBars = 0;           // 0: 2 bars (bars mode) or 8 (track mode)
    int spans = 60;
    int controlSpans = 60;      // one-bar spans asked for the true bar's controls (control accuracy); 0 = skip
    int structurePieces = 10;   // new pieces generated for the structure figure; 0 = skip
    SamplingSettings sampling;
    // The model's spans asked for "more of the same" (controlsLike): the controls measured on the bars before the
    // span of the same track, and with `lockKey` the key of the piece without the span as a scale lock; what the
    // studio's strip offers. The span itself is never measured.
    bool contextControls = false;
    bool lockKey = false;
    bool lockPieceNotes = false;  // instead of the key, lock to the piece's own notes (pieceNotesScale)
    // The model's spans keep the rhythm of the bars around them (SteeringControls::keepRhythm), with or without
    // the controls above.
    bool keepRhythm = false;
    // Candidates written per span, of which one is compared (1: a single sample), picked by `pick`.
    int bestOf = 1;
    enum class Pick {
        Likeliest,   // the one the model finds likeliest (the highest mean log-probability of its notes' pitches)
        ContextFit,  // the one that fits the bars around the span best (ContextFit.h), as the studio ranks them
        PhraseFit,   // the same, comparing also with the bars at its place in the phrases around it
    };
    Pick pick = Pick::Likeliest;
    FitWeights fitWeights = kRankingWeights;  // how the fit picks weigh the four figures (ContextFit.h)
    // Called with every span's candidates, when set (evaluate-infill --candidates-out).
    std::function<void(const SpanCandidates&)> candidates;
    int threads = 1;
    std::uint64_t seed = 1;
    std::function<void(const std::string&)> progress;  // a line now and then
};

// Means over spans of the four comparisons (SpanMetrics.h).
struct SpanFigures {
    double pitch = 0, density = 0, groove = 0, range = 0;
    int count = 0;
    void add(const SpanComparison& c);
    SpanFigures mean() const;
};

// Per figure of SpanFigures, a mean difference between two ways of filling the same spans and its interval.
struct SpanDifferences {
    MeanInterval pitch, density, groove, range;
};

struct InfillEvaluation {
    InfillMode mode = InfillMode::Bars;
    int spanBars = 0;
    int heldOutPieces = 0;
    SpanFigures model, repeat, random;  // repeat: the bars before; random: bars drawn from the training pieces
    // The model's figure minus repeat-before's on the same spans, with a 95 % interval from resampling the held-out
    // pieces (PieceBootstrap.h). Positive is better for the three similarities, negative for the density error.
    SpanDifferences modelMinusRepeat;
    double modelContextFit = 0;  // mean fit (context or phrase, as picked) of the compared candidates
    double modelCopies = 0;      // share of the compared spans that are the bars before again, note for note
    double lossPerToken = 0, lossPerNote = 0;  // the model's, on the true spans (nats)
    int lossTokens = 0, lossNotes = 0;
    // Control accuracy: share of generated bars whose measured bin equals the requested (true) bin, per control.
    int controlBars = 0;
    std::array<double, 5> controlAccuracy{};
    // Hard constraints (scale of the bar's key, the true range, the true polyphony as a cap, the true onset
    // positions as a rhythm lock): shares obeyed.
    int constrainedNotes = 0;
    double inScale = 0, inRange = 0, underCap = 0, onRhythm = 0;
    // Bar-level self-repetition (barRepetition) of the held-out pieces and of new pieces of the model.
    double heldOutRepetition = 0, generatedRepetition = 0;
    int generatedPieces = 0;
    // Mean polyphony (notes sounding while any sounds, rhythmFigures) of the new pieces, each written in the meter
    // and tempo of a held-out piece in turn (newPieceLike), and of those held-out pieces taken in the same turn: the
    // texture compared at the same requests (the demo's 6/8 jigs are three-part, its 4/4 hornpipes at 120 bpm
    // single lines, its 4/4 piano pieces at 80-110 bpm chords).
    double generatedPolyphony = 0, heldOutPolyphony = 0;
};

// Masks spans of held-out pieces, regenerates them with the model and compares them with the truth and with the
// two baselines. Spans are drawn by `seed` among tracks with notes there (and, for the "repeat" baseline, with as
// many bars before). Throws std::invalid_argument for a model that is not remi or no usable span.
InfillEvaluation evaluateInfill(const GenerationModel& model, const std::vector<Score>& heldOut,
                                const std::vector<Score>& training, const InfillEvaluationOptions& options);

}  // namespace nf
