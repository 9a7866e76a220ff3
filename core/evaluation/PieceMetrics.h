// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "evaluation/EvaluationReport.h"
#include "dataset/Dataset.h"
#include "evaluation/EventSequence.h"
#include "music/Score.h"

namespace nf {

// The figures of one piece that need no training set. Definitions of events and of which notes count are in
// EventSequence.h; of each figure, in EvaluationReport.h.

RepetitionFigures repetitionFigures(const std::vector<EventSequence>& sequences);

// Key, share of notes in its scale and the pitch-class histogram; the distances to the training set are left for
// the caller (TrainingReference), which knows the training histograms. The key is found from a duration-weighted
// histogram (long notes shape the sense of key more), the in-scale share and the histogram count notes.
TonalFigures tonalFigures(const Score& score, KeyProfile profile);

RhythmFigures rhythmFigures(const Score& score);

// Everything above for one piece whose event sequences the caller has already made; novelty and the histogram
// distances are left empty (they need the training set).
PieceEvaluation measurePiece(const Piece& piece, const std::vector<EventSequence>& sequences, KeyProfile profile);

}  // namespace nf
