// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/FineTuning.h"

#include <algorithm>

#include "training/ModelFile.h"

namespace nf {

TrainingConfig fineTuningConfig(const std::string& basePath, int epochs) {
    TrainingConfig c = TrainingConfig::fromJson(readModelFile(basePath).configJson);
    c.optimizer.learningRate /= 3.0;
    c.optimizer.schedule = LrSchedule::Cosine;
    c.optimizer.warmupSteps = std::min(c.optimizer.warmupSteps, 50);
    c.epochs = epochs;
    // A base trained on a GPU may have used a large batch; fine-tuning runs on a laptop's CPU, where the kind's
    // default batch is faster per token and needs a quarter of the memory (batch 64: about 3 GB for the small
    // transformer).
    c.batchSize = std::min(c.batchSize, TrainingConfig::forModel(c.model.kind).batchSize);
    return c;
}

}  // namespace nf
