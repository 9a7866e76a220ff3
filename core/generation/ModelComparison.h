// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "evaluation/EvaluationReport.h"
#include "evaluation/TrainingReference.h"
#include "generation/GenerationSettings.h"

namespace nf {

struct ModelComparisonOptions {
    int piecesPerModel = 10;
    // The same for every model; piece i uses sampling seed + i, so every model gets the same seeds.
    GenerationSettings settings;
    // Prime each piece with a random window of the training data (the paper's method); otherwise from nothing.
    bool dataPrimers = true;
    int threads = 0;
    // Keep the generated pieces here as LABEL-N.mid (and .abc for abc-chars models); empty = not written.
    std::string outputDir;
};

// What the comparison found besides the figures: one line per notable event (a primer that fell back, a tune
// that did not read), for the user.
using ComparisonLog = std::function<void(const std::string&)>;

// The held-out figures of a model file: its best validation loss (nats per token) and perplexity exp(loss), or
// none when the model was trained without a validation set. Throws ModelFileError for an unusable file.
ModelQuality readModelQuality(const std::string& modelPath);

// Generates the same number of pieces from every model with the same settings and measures them against the
// training data, one LabelledResult per model (labelled by file name) with its held-out loss and perplexity, ready
// for formatComparisonTable()/comparisonToJson(). Throws ModelFileError/std::runtime_error naming a model that
// cannot be used.
std::vector<LabelledResult> compareModels(const std::vector<std::string>& modelPaths, const TrainingReference& reference,
                                          const std::string& against, const ModelComparisonOptions& options,
                                          const ComparisonLog& log = {});

}  // namespace nf
