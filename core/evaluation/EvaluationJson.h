// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "evaluation/EvaluationReport.h"

namespace nf {

// JSON text of evaluation results (two-space indent). The field names are part of the CLI's interface and are
// listed in docs/cli.md: rename nothing, only add. Figures without a value are null.
//
// evaluationToJson: {"against", "trainingPieces", "keyProfile", "model": null | {"file", "validationLoss",
//   "perplexity"}, "pieces": [{"file", "tune", "title", "notes", "novelty": {"pitch4"|"pitch8"|"pitchClass4"|
//   "pitchClass8": {"ngrams", "novel", "share"}, "longestCopy"|"longestPitchClassCopy": {"length", "file", "tune",
//   "track", "trainingStart", "pieceTrack", "pieceStart"}}, "repetition": {"events", "pairs", "repeats",
//   "repeatShare", "longestRun"}, "tonal": {"key", "keyTonic", "keyMinor", "keyCorrelation", "inScaleShare",
//   "pcHistogram", "pcDistance", "pcDistanceTonic"}, "rhythm": {"notesPerBeat", "ioiEntropyBits", "meanPolyphony",
//   "maxPolyphony", "lowestPitch", "highestPitch", "pitchRange", "bars", "silentBars", "silentBarShare"}}],
//   "summary": SUMMARY, "training": SUMMARY}
// SUMMARY: every key of summaryMetrics() plus "longestCopy" (as above) and "longestCopyPiece".
// comparisonToJson: {"sets": [{"label", "against", "trainingPieces", "model", "summary": SUMMARY}],
//   "training": SUMMARY of the first set's training data}
std::string evaluationToJson(const EvaluationResult& result);
std::string comparisonToJson(const std::vector<LabelledResult>& sets);

}  // namespace nf
