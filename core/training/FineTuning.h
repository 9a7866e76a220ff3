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
// With `adapterRank` > 0 the run trains rank-R low-rank adapters on the frozen base instead (setAdapters), at the
// base's own learning rate, three times full fine-tuning's: the adapters start at zero and are few, and the frozen
// base cannot be pulled away from what it knew.
TrainingConfig fineTuningConfig(const std::string& basePath, int epochs = 20, int adapterRank = 0);

// `fineTune` with what the musician sets for any run, fine-tune or not, taken from `form`: how long, on what share,
// with which seed and checkpoints, where, for how many minutes. The studio's form shows it and its Start runs it.
TrainingConfig withRunSettings(TrainingConfig fineTune, const TrainingConfig& form);

// Makes `config` train rank-`rank` adapters (training/AdapterSettings.h) on the model at `basePath`, named as
// baseModelReference() (dataset/BaseModels.h) says. Nothing else changes.
void setAdapters(TrainingConfig& config, int rank, const std::string& basePath);


}  // namespace nf
