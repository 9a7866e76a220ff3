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
    return c;
}

}  // namespace nf
