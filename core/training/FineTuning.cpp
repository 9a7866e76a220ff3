// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/FineTuning.h"

#include <algorithm>

#include "dataset/BaseModels.h"

#include "training/ModelAdapter.h"

namespace nf {

TrainingConfig withRunSettings(TrainingConfig c, const TrainingConfig& from) {
    c.epochs = from.epochs;
    c.valShare = from.valShare;
    c.seed = from.seed;
    c.checkpointEvery = from.checkpointEvery;
    c.device = from.device;
    c.threads = from.threads;
    c.maxMinutes = from.maxMinutes;
    return c;
}

TrainingConfig fineTuningConfig(const std::string& basePath, int epochs, int adapterRank) {
    TrainingConfig c = TrainingConfig::fromJson(openModelFile(basePath).configJson);
    if (adapterRank > 0)
        setAdapters(c, adapterRank, basePath);
    else
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

void setAdapters(TrainingConfig& config, int rank, const std::string& basePath) {
    config.model.adapter.rank = rank;
    config.model.adapter.base = baseModelReference(basePath);
}

}  // namespace nf
