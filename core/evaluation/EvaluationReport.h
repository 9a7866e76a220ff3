// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "evaluation/KeyFinder.h"

namespace nf {

// Figures that have no value (a share of zero n-grams, the density of an empty piece) are NaN here, "-" in text
// tables and null in JSON. What an "event" is: see evaluation/EventSequence.h.
inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

struct NgramNovelty {
    std::size_t ngrams = 0;  // n-grams in the piece (per track, summed)
    std::size_t novel = 0;   // of them, how many occur in no training track
    double share = kNoValue; // novel / ngrams
};

// The longest run of consecutive melody tokens that also occurs, in the same order, in one training track.
struct CopiedRun {
    int length = 0;          // events
    std::string file;        // training file holding it ("" when length is 0)
    int tuneNumber = -1;     // its ABC X: number, -1 for MIDI
    int track = -1;          // track index in that training piece
    int trainingStart = -1;  // index of the run's first event in that training track
    int pieceTrack = -1;     // track index in the evaluated piece
    int pieceStart = -1;     // index of the run's first event in that track
};

struct NoveltyFigures {
    NgramNovelty pitch4, pitch8, pitchClass4, pitchClass8;
    CopiedRun longestCopy;            // over pitch tokens
    CopiedRun longestPitchClassCopy;  // over pitch-class tokens (octave moves do not hide a copy)
};

struct RepetitionFigures {
    std::size_t events = 0;
    std::size_t pairs = 0;          // consecutive event pairs within one track (events - tracks)
    std::size_t repeats = 0;        // pairs whose two events are equal
    double repeatShare = kNoValue;  // repeats / pairs
    int longestRun = 0;             // most consecutive equal events (1 for a piece without repeats)
};

struct TonalFigures {
    KeyEstimate key;
    double inScaleShare = kNoValue;      // notes whose pitch class is in the key's scale
    PitchClassHistogram pcHistogram{};   // note counts per pitch class, scaled to sum 1
    double pcDistance = kNoValue;        // to the training set's mean histogram
    double pcDistanceTonic = kNoValue;   // the same with every histogram turned to its own tonic, same mode only
};

struct RhythmFigures {
    double notesPerBeat = kNoValue;      // notes per quarter note, from tick 0 to the end of the last note
    double ioiEntropyBits = kNoValue;    // Shannon entropy of inter-onset intervals (1/24-quarter grid)
    double meanPolyphony = kNoValue;     // notes sounding together, averaged over the time anything sounds
    int maxPolyphony = 0;
    int lowestPitch = -1, highestPitch = -1;
    int pitchRange = 0;                  // semitones from lowest to highest
    int bars = 0;                        // bars from tick 0 to the end of the last note
    int silentBars = 0;                  // of them, bars in which no note starts or sounds
    double silentBarShare = kNoValue;
};

struct PieceEvaluation {
    std::string file;
    int tuneNumber = -1;
    std::string title;
    std::size_t notes = 0;               // non-drum notes
    std::optional<NoveltyFigures> novelty;  // absent for the training set's own pieces
    RepetitionFigures repetition;
    TonalFigures tonal;
    RhythmFigures rhythm;
};

// One set of pieces in a few numbers: pooled where a share of counts makes sense (novelty, repeats), otherwise the
// mean over pieces. Novelty fields stay NaN for the training set.
struct SetSummary {
    std::size_t pieces = 0;
    std::size_t notes = 0;
    bool hasNovelty = false;             // some piece was measured for novelty (not so for the training set)
    double novelPitch4 = kNoValue, novelPitch8 = kNoValue;
    double novelPitchClass4 = kNoValue, novelPitchClass8 = kNoValue;
    CopiedRun longestCopy;               // the longest over all pieces, with the piece it came from
    std::string longestCopyPiece;
    double repeatShare = kNoValue;
    double longestRunMean = kNoValue;
    int longestRunMax = 0;
    double keyCorrelation = kNoValue;
    double inScaleShare = kNoValue;
    double pcDistance = kNoValue;
    double pcDistanceTonic = kNoValue;
    double notesPerBeat = kNoValue;
    double ioiEntropyBits = kNoValue;
    double meanPolyphony = kNoValue;
    double pitchRange = kNoValue;
    double silentBarShare = kNoValue;
};

// Held-out quality of the model that made the pieces. Filled by the caller from the model file (the training
// module's model reader); evaluation itself never opens model files.
struct ModelQuality {
    std::string file;
    std::optional<double> validationLoss;  // nats per token of `representation`
    std::optional<double> perplexity;
    // The tokens the loss is counted in ("paper-notes", "abc-chars", "events"; "" when unknown): losses of models
    // on different representations are not comparable with each other.
    std::string representation;
};

struct EvaluationResult {
    std::string against;                  // the training data's path
    std::size_t trainingPieces = 0;
    KeyProfile keyProfile = KeyProfile::KrumhanslKessler;
    std::vector<PieceEvaluation> pieces;
    SetSummary summary;                   // of `pieces`
    SetSummary training;                  // the same figures for the training set, for comparison
    std::optional<ModelQuality> model;
};

// One column of a comparison table: a result set under a name ("paper-abc", "lstm-events", a folder).
struct LabelledResult {
    std::string label;
    EvaluationResult result;
};

}  // namespace nf
