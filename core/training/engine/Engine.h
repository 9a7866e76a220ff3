// SPDX-License-Identifier: GPL-3.0-or-later
// The LibTorch training engine's entry points, as the training module (engine/ModuleEntry.cpp) calls them.
// Everything else reaches them through the module (training/TrainingModule.h), never directly: the studio and the
// CLI must run without LibTorch. Only the module and the engine's own tests link this code.
#pragma once

#include <string>

#include "tokenize/TokenizedCorpus.h"
#include "training/TrainBenchmark.h"
#include "training/Trainer.h"

namespace nf::engine {

// Trains as Trainer::run() documents it (the host's Trainer forwards here through the module).
TrainingResult train(const TrainingConfig& config, const TrainerOptions& options, const TokenizedCorpus& corpus,
                     TrainingObserver* observer, TrainingControl* control);

TrainBenchmarkResult benchmarkTraining(const TrainBenchmarkOptions& options);
double measureSgemmGflops(int n, int repeats, const std::string& device);

// The LibTorch this engine was built with, e.g. "1.13.1", and whether it can use a CUDA GPU now.
std::string torchVersion();
bool cudaAvailable();

}  // namespace nf::engine
