// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "evaluation/EvaluationReport.h"

namespace nf {

// Sums up a set of evaluated pieces (see SetSummary for what is pooled and what is averaged). Means skip pieces
// whose figure has no value; a figure no piece has stays NaN.
SetSummary summarize(const std::vector<PieceEvaluation>& pieces);

}  // namespace nf
