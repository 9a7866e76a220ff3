// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "tokenize/TokenizedCorpus.h"
#include "training/TrainBenchmark.h"
#include "training/Trainer.h"
#include "training/TrainingModuleAbi.h"

// Both sides of the training module's C interface convert with these: the host (TrainingModule.cpp) and the
// module (engine/ModuleEntry.cpp) link the same code, so a field added to one struct is converted in one place.
// A view holds the C struct together with the storage its pointers need; it borrows the strings of the C++ object
// it was made from, which must outlive it. Views are neither copied nor moved (their C struct points into them).
namespace nf::abi {

nf_metrics_row toC(const MetricsRow& row);
MetricsRow fromC(const nf_metrics_row& row);
nf_training_progress toC(const TrainingProgress& progress);
TrainingProgress fromC(const nf_training_progress& progress);
TrainingStart fromC(const nf_training_start& start);
TrainingResult fromC(const nf_training_result& result);
TrainerOptions fromC(const nf_trainer_options& options);
// Copies the pieces' tokens: the engine keeps its own corpus for the whole run.
TokenizedCorpus fromC(const nf_training_corpus& corpus);
TrainBenchmarkOptions fromC(const nf_benchmark_options& options);
TrainBenchmarkResult fromC(const nf_benchmark_result& result);

class NonCopyable {
public:
    NonCopyable() = default;
    NonCopyable(const NonCopyable&) = delete;
    NonCopyable& operator=(const NonCopyable&) = delete;
};

struct StartView : NonCopyable {
    explicit StartView(const TrainingStart& start);
    std::vector<nf_metrics_row> rows;
    nf_training_start c{};
};

struct ResultView : NonCopyable {
    explicit ResultView(const TrainingResult& result);
    std::vector<nf_metrics_row> rows;
    nf_training_result c{};
};

struct OptionsView : NonCopyable {
    explicit OptionsView(const TrainerOptions& options);
    nf_trainer_options c{};
};

struct CorpusView : NonCopyable {
    explicit CorpusView(const TokenizedCorpus& corpus);
    std::string tokenizerJson;
    std::vector<const char*> vocabulary;
    std::vector<nf_training_piece> pieces;
    std::string shardsPath;
    nf_training_corpus c{};
};

struct BenchmarkOptionsView : NonCopyable {
    explicit BenchmarkOptionsView(const TrainBenchmarkOptions& options);
    std::string model, lstmKernel, preset;  // the enums cross as their words ("" for no preset)
    nf_benchmark_options c{};
};

struct BenchmarkResultView : NonCopyable {
    explicit BenchmarkResultView(const TrainBenchmarkResult& result);
    std::string lstmKernel;
    nf_benchmark_result c{};
};

}  // namespace nf::abi
