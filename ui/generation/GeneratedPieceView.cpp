// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/GeneratedPieceView.h"

#include "controllers/ScoreDocument.h"
#include "generation/GenerationController.h"

namespace nf {

void showGeneratedPiece(ScoreDocument* document, const GenerationResult& result, const QString& name) {
    std::map<NoteId, NoteInsight> insights;
    for (const auto& [id, c] : result.piece.confidence) {
        NoteInsight in;
        in.probability = c.probability;
        for (const TokenOption& o : c.alternatives) in.alternatives.emplace_back(o.token, o.probability);
        insights.emplace(id, std::move(in));
    }
    document->setScore(result.piece.score, name, std::move(insights));
}

}  // namespace nf
