// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "tokenize/TokenizedCorpus.h"
#include "training/DistributedEnv.h"
#include "training/ExchangeBackend.h"
#include "training/TrainingConfig.h"
#include "training/TrainingControl.h"
#include "training/TrainingMetrics.h"

namespace nf {

struct TrainerOptions {
    TrainerOptions() = default;
    TrainerOptions(std::string model) : modelPath(std::move(model)) {}  // NOLINT: implicit, {path} reads well

    // The best-by-validation model is written here (the last weights when there is no validation set).
    std::string modelPath;
    // The latest checkpoint; empty means modelPath + ".ckpt".
    std::string checkpointPath;
    // Continue from this checkpoint: model, optimizer, schedule, random state, position in the epoch and history.
    // The configuration comes from the checkpoint; only epochs, device, threads, maxMinutes, checkpointEvery,
    // metricsEverySteps, validateEverySteps and minStepRowsPerEpoch are taken from the new one.
    std::string resumeFrom;
    // Start a new run from this model's weights (fine-tuning a base model, docs/training.md): the network must be
    // the one the configuration describes and the model's vocabulary and tokenizer settings this data's. The
    // optimizer, schedule and history start afresh. Not together with resumeFrom.
    std::string initFrom;
    // Resume even when the data's fingerprint differs from the checkpoint's (the vocabulary must still match).
    bool force = false;
    // Validation every N steps in addition to every epoch (long epochs, live plots); 0 = per epoch only.
    std::int64_t validateEverySteps = 0;
    // About this many per-step metrics rows an epoch, besides TrainingConfig::metricsEverySteps (the studio's live
    // chart of a short run; training/StepRowInterval.h); 0 = metricsEverySteps alone.
    std::int64_t minStepRowsPerEpoch = 0;
    // Where the data came from, recorded in the model's provenance (generators show it); informative only.
    std::string dataPath;
    // Data-parallel training (docs/scaling.md): this process is one rank of a job its launcher started. Every rank
    // runs the same run on the same data; TrainingConfig::batchSize is the whole job's batch, each rank computing
    // its share of the rows, so the result does not depend on the number of ranks and a checkpoint resumes with
    // any. Rank 0 alone writes the model and checkpoints. nullopt, or one rank: an ordinary run.
    std::optional<DistributedEnv> distributed;
    // How long a rank waits for the others (to join, or at any exchange) before it gives up with an error.
    double distributedTimeoutSeconds = 300;
    // Which library carries the gradients (ExchangeBackend.h). A backend named outright (not Auto) makes even a
    // job of one rank meet through it: a check of a cluster's set-up on one GPU.
    ExchangeBackend distributedBackend = ExchangeBackend::Auto;
    // Tests only: make the loss of this global step (0-based) not finite.
    std::int64_t injectNonFiniteAtStep = -1;
};

// Trains a model on a tokenized corpus, on the GPU when asked/available and otherwise on every CPU core.
// Blocking: run it on a worker thread; observe it through TrainingObserver and steer it through TrainingControl.
// The work is done by the training module (LibTorch), loaded on the first run (training/TrainingModule.h).
class Trainer {
public:
    Trainer(TrainingConfig config, TrainerOptions options);
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    // Throws TrainingModuleUnavailable when the training module is not installed, and std::runtime_error (one line
    // for the user) for what else prevents training from starting or continuing:
    // an invalid configuration, a missing GPU, a checkpoint for other data, a file that cannot be written, GPU
    // memory exhausted. A non-finite loss is not an exception: the result says so and keeps the last checkpoint.
    TrainingResult run(const TokenizedCorpus& corpus, TrainingObserver* observer = nullptr,
                       TrainingControl* control = nullptr);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The LibTorch the training module was built with, e.g. "1.13.1" (empty when the module is not installed), and
// whether it can use a CUDA GPU now. Both load the module: not for start-up paths.
std::string torchVersion();
bool cudaAvailable();

}  // namespace nf
