// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "evaluation/EvaluationReport.h"

namespace nf {

// Plain-text tables of evaluation results for terminals and logs (ASCII, fixed-width columns, "-" for no value).

// One row per evaluated piece: its main figures and the training file its longest copied run comes from.
std::string formatPieceTable(const EvaluationResult& result);

// One row per summary figure (summaryMetrics()), one column per labelled set, and a last column with the training
// set's own figures (those of the first set: sets compared side by side are meant to share their training data).
// Model rows (validation loss, perplexity) appear when some set has a model. Ends with each set's longest copy.
std::string formatComparisonTable(const std::vector<LabelledResult>& sets);

// What `noteforge-cli evaluate` prints: a heading, the piece table and the comparison table of `result` alone
// under `label`.
std::string formatEvaluationText(const EvaluationResult& result, const std::string& label = "generated");

}  // namespace nf
