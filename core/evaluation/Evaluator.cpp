// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/Evaluator.h"

#include "evaluation/EventSequence.h"
#include "evaluation/PieceMetrics.h"
#include "evaluation/SetSummarizer.h"

namespace nf {

PieceEvaluation evaluatePiece(const Piece& piece, const TrainingReference& reference) {
    const std::vector<EventSequence> sequences = eventSequences(piece.score);
    PieceEvaluation e = measurePiece(piece, sequences, reference.keyProfile());
    e.novelty = reference.novelty(sequences);
    if (e.notes > 0) reference.fillDistances(e.tonal);
    return e;
}

EvaluationResult evaluatePieces(const std::vector<Piece>& generated, const TrainingReference& reference,
                                const std::string& against) {
    EvaluationResult result;
    result.against = against;
    result.trainingPieces = reference.pieceCount();
    result.keyProfile = reference.keyProfile();
    result.pieces.reserve(generated.size());
    for (const Piece& piece : generated) result.pieces.push_back(evaluatePiece(piece, reference));
    result.summary = summarize(result.pieces);
    result.training = reference.summary();
    return result;
}

}  // namespace nf
