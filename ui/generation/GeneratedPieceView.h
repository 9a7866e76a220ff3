// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace nf {

class ScoreDocument;
struct GenerationResult;

// Puts a generated piece into the editor with the model's confidence for each generated note (for colouring
// and the alternatives menu). Used for Generation results and for the samples taken while training.
void showGeneratedPiece(ScoreDocument* document, const GenerationResult& result, const QString& name);

}  // namespace nf
