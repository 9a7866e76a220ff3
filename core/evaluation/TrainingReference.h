// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "dataset/Dataset.h"
#include "evaluation/EvaluationReport.h"
#include "evaluation/EventSequence.h"
#include "evaluation/SuffixAutomaton.h"

namespace nf {

// What generated pieces are measured against, built once from a training set: suffix automata over the melody
// tokens and pitch classes of every training track (novelty, copied runs), the mean pitch-class histograms, and
// the training pieces' own figures. Keeps no reference to the pieces it was built from.
class TrainingReference {
public:
    explicit TrainingReference(const std::vector<Piece>& training, KeyProfile profile = KeyProfile::KrumhanslKessler);

    std::size_t pieceCount() const { return pieces_.size(); }
    KeyProfile keyProfile() const { return profile_; }
    // The training pieces measured like generated ones (no novelty), and summed up.
    const std::vector<PieceEvaluation>& pieces() const { return pieces_; }
    const SetSummary& summary() const { return summary_; }

    // n-gram novelty (n = 4 and 8) and the longest copied runs of the sequences of one piece.
    NoveltyFigures novelty(const std::vector<EventSequence>& sequences) const;
    // Sets pcDistance and pcDistanceTonic of figures whose histogram and key are already filled.
    void fillDistances(TonalFigures& tonal) const;

private:
    struct SequenceOrigin {
        int piece = 0;
        int track = 0;
    };
    CopiedRun copiedRun(const SuffixAutomaton::Match& end, int pieceTrack, int pieceEnd) const;

    KeyProfile profile_;
    SuffixAutomaton pitchIndex_;
    SuffixAutomaton pitchClassIndex_;
    std::vector<SequenceOrigin> origins_;  // by sequence id, the same in both automata
    std::vector<PieceEvaluation> pieces_;
    SetSummary summary_;
    PitchClassHistogram meanHistogram_{};
    PitchClassHistogram meanTonicHistogram_[2]{};  // [minor], turned to each piece's tonic
    bool hasMode_[2]{false, false};
};

}  // namespace nf
