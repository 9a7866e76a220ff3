// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "evaluation/EvaluationReport.h"

namespace nf {

// The numeric figures of a SetSummary, listed once so that the JSON field names and the rows of the text tables
// cannot drift apart. `key` is the stable JSON field name.
struct SummaryMetric {
    const char* key;
    const char* label;   // row label of the text table
    double (*get)(const SetSummary&);
    enum class Style { Count, Share, Number } style;
    int decimals;        // for Number
};

const std::vector<SummaryMetric>& summaryMetrics();

}  // namespace nf
