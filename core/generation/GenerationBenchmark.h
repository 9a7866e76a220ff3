// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "generation/GenerationModel.h"

namespace nf {

struct GenerationBenchmarkOptions {
    int length = 500;          // generated tokens per piece
    int variations = 8;        // K of the batched run
    int threads = 0;           // 0 = every core
    int repeats = 3;           // timed runs per measurement (the median is reported)
    int primerLength = 0;      // 0 = the model's training window
    // Windowed mode (the paper's method) is timed over this many tokens and scaled to `length` (each of its tokens
    // costs the same window of steps); 0 or >= length times it in full.
    int windowedTokens = 50;
    bool windowedOnly = false; // time only windowed mode, in full
    std::uint64_t seed = 1;
};

struct GenerationBenchmarkResult {
    std::string kernel;             // SIMD path used
    int threads = 0;
    int length = 0, variations = 0, primerLength = 0, window = 0;
    double weightMegabytes = 0;     // streamed once per token
    double singleMs = 0;            // one piece, incremental (priming included)
    double primeMs = 0;             // of which the primer
    double batchMs = 0;             // K variations together, incremental
    double batchRatio = 0;          // batchMs / singleMs
    double windowedMs = 0;          // one piece, windowed (scaled when timed over fewer tokens)
    int windowedTokensTimed = 0;
    double windowedRatio = 0;       // windowedMs / singleMs
    double gigabytesPerSecond = 0;  // weight bytes streamed per second in the single incremental run
    std::vector<double> singleRuns; // every timed single run, ms
};

// Times generation with random primer tokens and default sampling (temperature 1). Excludes loading the model and
// decoding tokens to music. Throws std::invalid_argument for bad options.
GenerationBenchmarkResult benchmarkGeneration(const GenerationModel& model, const GenerationBenchmarkOptions& options);

}  // namespace nf
