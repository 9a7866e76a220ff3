// SPDX-License-Identifier: GPL-3.0-or-later
// The programs' side of `benchmark train`: the work runs in the training module (engine/TrainBenchmark.cpp).
#include "training/TrainBenchmark.h"

#include "training/TrainingModule.h"

namespace nf {

TrainBenchmarkResult benchmarkTraining(const TrainBenchmarkOptions& options) {
    return TrainingModule::load().benchmark(options);
}

double measureSgemmGflops(int n, int repeats, const std::string& device) {
    return TrainingModule::load().sgemmGflops(n, repeats, device);
}

}  // namespace nf
