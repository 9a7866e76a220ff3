// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <map>

#include "document/NoteInsight.h"
#include "generation/GeneratedPiece.h"

namespace nf {

class ScoreDocument;
struct GenerationResult;

// Puts a generated piece into the editor with the model's confidence for each generated note (for colouring
// and the alternatives menu). Used for Generation results and for the samples taken while training.
void showGeneratedPiece(ScoreDocument* document, const GenerationResult& result, const QString& name);

// The model's confidence in the editor's terms and back (a project stores the former, a result holds the latter).
std::map<NoteId, NoteInsight> insightsOf(const std::map<NoteId, NoteConfidence>& confidence);
std::map<NoteId, NoteConfidence> confidenceOf(const std::map<NoteId, NoteInsight>& insights);

}  // namespace nf
