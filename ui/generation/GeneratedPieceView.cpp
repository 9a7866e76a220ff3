// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/GeneratedPieceView.h"

#include "document/ScoreDocument.h"
#include "generation/GenerationController.h"

namespace nf {

std::map<NoteId, NoteInsight> insightsOf(const std::map<NoteId, NoteConfidence>& confidence) {
    std::map<NoteId, NoteInsight> insights;
    for (const auto& [id, c] : confidence) {
        NoteInsight in;
        in.probability = c.probability;
        for (const TokenOption& o : c.alternatives) in.alternatives.emplace_back(o.token, o.probability);
        insights.emplace(id, std::move(in));
    }
    return insights;
}

std::map<NoteId, NoteConfidence> confidenceOf(const std::map<NoteId, NoteInsight>& insights) {
    std::map<NoteId, NoteConfidence> confidence;
    for (const auto& [id, in] : insights) {
        NoteConfidence c;
        c.probability = in.probability;
        for (const auto& [token, probability] : in.alternatives) c.alternatives.push_back({token, probability});
        confidence.emplace(id, std::move(c));
    }
    return confidence;
}

void showGeneratedPiece(ScoreDocument* document, const GenerationResult& result, const QString& name) {
    document->setScore(result.piece.score, name, insightsOf(result.piece.confidence));
}

}  // namespace nf
