// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "training/LstmKernel.h"
#include "training/ModelKind.h"
#include "training/ModelSize.h"

namespace nf {

struct TrainBenchmarkOptions {
    ModelKind model = ModelKind::PaperMidi;  // with its default sizes
    std::optional<ModelSize> preset;   // the transformer's size (small when not given); others have none
    int vocab = 300;
    int batch = 32;
    int seq = 100;
    int steps = 20;
    int warmup = 3;
    int threads = 0;                   // 0 = all cores
    std::string device = "cpu";
    LstmKernel lstmKernel = LstmKernel::Auto;
};

struct TrainBenchmarkResult {
    std::string device;
    int threads = 0;
    std::string blas;
    std::string torchVersion;
    LstmKernel lstmKernel = LstmKernel::Fused;  // the kernel actually used (never Auto)
    std::vector<double> stepSeconds;
    double medianStepSeconds = 0;
    // LSTMs: 8H(I+H) per layer, step and sample; transformers: 2 x parameters touched per token plus attention
    // (4 x context x width per layer); the output layer 2 x features x vocab; all x3 with the backward pass.
    double flopsPerStep = 0;
    double gflops = 0;                 // flopsPerStep / median
    double sgemmGflops = 0;            // 2048 x 2048 single-precision matrix product, same threads, same run
    double tokensPerSecond = 0;        // predicted tokens per second
};

// Both run in the training module (training/TrainingModule.h): they throw TrainingModuleUnavailable without it.
// Times full training steps (forward, backward, optimizer) of a model on random tokens.
// Throws std::runtime_error for an absent device.
TrainBenchmarkResult benchmarkTraining(const TrainBenchmarkOptions& options);

// Achieved GFLOP/s of an n x n float32 matrix product on `device` (median of `repeats`).
double measureSgemmGflops(int n, int repeats, const std::string& device = "cpu");

}  // namespace nf
