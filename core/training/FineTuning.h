// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "training/TrainingConfig.h"

namespace nf {

// The configuration that fine-tunes the model file `basePath` (TrainerOptions::initFrom): the base's own network,
// tokenizer settings and task mix, with a gentler schedule than its first training: a third of its learning rate,
// a warm-up of at most 50 steps, cosine decay over `epochs`, and at most the kind's default (CPU) batch. The CLI's
// `train --init` and the studio's "Start from" share it. Torch-free; throws ModelFileError for a file that is not a
// model.
TrainingConfig fineTuningConfig(const std::string& basePath, int epochs = 20);

}  // namespace nf
