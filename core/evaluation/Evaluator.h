// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "dataset/Dataset.h"
#include "evaluation/EvaluationReport.h"
#include "evaluation/TrainingReference.h"

namespace nf {

// Measures generated pieces against a training set: every figure of EvaluationReport.h per piece, their summary,
// and the training set's own summary beside it. `against` only labels the result (the training data's path).
// The model's held-out quality is not measured here: the caller sets EvaluationResult::model from the model file.
EvaluationResult evaluatePieces(const std::vector<Piece>& generated, const TrainingReference& reference,
                                const std::string& against);

// One piece alone against a reference (what the GUI shows for the piece in the piano roll).
PieceEvaluation evaluatePiece(const Piece& piece, const TrainingReference& reference);

}  // namespace nf
