// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/training (includes LibTorch): never include from a header the UI or CLI sees.
#pragma once

#include <chrono>
#include <optional>
#include <torch/torch.h>

#include "training/EpochChunks.h"
#include "training/EpochPlan.h"
#include "training/LearnedInstruments.h"
#include "training/ModelFile.h"
#include "training/Trainer.h"
#include "training/engine/DataParallel.h"
#include "training/engine/GradientExchange.h"
#include "training/engine/MusicNet.h"

namespace nf::engine {

// Where a run stands; saved in every checkpoint so that a resumed run continues bit for bit.
struct RunPosition {
    int epochsDone = 0;
    std::int64_t stepInEpoch = 0;   // steps of the current (unfinished) epoch already taken
    std::int64_t globalStep = 0;
    double elapsed = 0;             // training seconds, pauses excluded
    std::optional<double> bestValLoss;
    int bestEpoch = 0;
    bool modelWritten = false;
    std::string lastCheckpoint;
    int lastCheckpointEpoch = 0;
    // Running sums of the unfinished epoch and of the current step row.
    double lossSum = 0, correct = 0, count = 0, seconds = 0;
    double rowLossSum = 0, rowCorrect = 0, rowCount = 0, rowSeconds = 0;
};

struct EvalResult {
    double loss = 0;
    double accuracy = 0;
    double count = 0;
};

// One training run: the network, its optimizer and the data plans. Trainer::run() drives it.
class TrainingSession {
public:
    TrainingSession(TrainingConfig config, TrainerOptions options, const TokenizedCorpus& corpus,
                    TrainingObserver* observer, TrainingControl* control);
    TrainingResult run();

private:
    void setUp();
    // Data-parallel runs (TrainerOptions::distributed): meet the other ranks, and after the weights are set up,
    // take rank 0's and check that every rank has the same data and the same plan.
    void joinJob();
    void startTogether();
    // Many-to-many batch rows this rank computes, [first, second) of `rows` (all of them in an ordinary run).
    std::pair<std::int64_t, std::int64_t> rowsOf(std::int64_t rows) const;
    // What the ranks agree on after each step: the job's loss sums, whether to stop, and its clock.
    struct StepTotals {
        double lossSum = 0, correct = 0, count = 0;
        bool nonFinite = false;
    };
    StepTotals combineStep(double lossSum, double correct, double count, bool nonFinite);
    void resume();
    // Fine-tuning (TrainerOptions::initFrom): reads the starting model and checks that its network, tokenizer
    // settings and vocabulary are this run's, so that its weights fit.
    void readInitModel();
    TrainingStart startInfo() const;
    std::optional<TrainingOutcome> trainEpoch(int epoch);
    std::optional<TrainingOutcome> afterStep(int epoch);
    double elapsedNow() const;
    // The run's clock as the schedule and the time limit read it: in a data-parallel run the ranks' mean at the
    // last step, so that all of them take the same learning rate and stop at the same step.
    double scheduleClock() const;
    // One optimiser step; returns false when the loss was not finite.
    bool step(const torch::Tensor& inputs, const torch::Tensor& targets, LstmState& carry);
    EvalResult evaluate();
    void validateAndRecord(int epoch, std::optional<std::int64_t> stepRow, double epochSeconds);
    // True when the last metrics row is a validation of the current step's weights.
    bool validatedAtThisStep() const;
    void recordStepRow(int epoch);
    double learningRateAt(std::int64_t step, int epochIndex) const;
    std::int64_t stepsInEpoch(int epoch) const;
    void countLearnedInstruments(const std::vector<std::size_t>& trainPieces);
    // Rank 0 alone writes files; writeCheckpoint() is collective in a data-parallel run (it gathers the carried
    // state of every rank's rows, so the checkpoint resumes with any number of ranks).
    void writeModel();
    void writeCheckpoint();
    void writeRunCheckpoint(const LstmState& carry);  // the file itself
    bool writesFiles() const { return !job_ || job_->rank() == 0; }
    std::string infoJson() const;
    bool waitWhilePaused(int epoch);
    void emitProgress(int epoch);
    TrainingResult finish(TrainingOutcome outcome, std::string message);

    TrainingConfig config_;
    TrainerOptions options_;
    const TokenizedCorpus& corpus_;
    TrainingObserver* observer_;
    TrainingControl* control_;
    std::string fingerprint_;
    torch::Device device_{torch::kCPU};
    MusicNet net_{nullptr};
    // The parameters the optimizer updates: all of them, or the adapters alone on a frozen base.
    std::vector<torch::Tensor> trainable_;
    // Per vocabulary id, whether it is given rather than written (givenTokenMask: a drums model's band tokens), on
    // device_; undefined when none is. Such targets are not scored, in training nor in validation.
    torch::Tensor givenTargets_;
    torch::Tensor scoredTargets(const torch::Tensor& flatTargets) const;
    std::unique_ptr<torch::optim::Optimizer> optimizer_;
    // The split's pieces as an epoch reads them: for many-to-many models a group at a time, so that a corpus
    // in token shards trains in bounded memory; its remi task examples built per group.
    std::unique_ptr<EpochChunks> train_, validation_;
    RunPosition pos_;
    std::vector<MetricsRow> history_;
    LstmState carry_;
    LstmState fullCarry_;  // a checkpoint's state of every batch row, until the first epoch takes its rows
    struct RowShare {
        std::int64_t rows = 0, first = 0, count = 0;  // the group's batch rows; this rank's first and how many
    };
    RowShare batchRows_;
    std::unique_ptr<DataParallel> job_;
    std::unique_ptr<GradientExchange> gradients_;
    bool jobStop_ = false;
    double jobClock_ = 0;
    std::optional<ModelFile> resumeFile_;
    std::optional<ModelFile> initFile_;
    std::string baseCardJson_;  // the starting model's data card, kept in this run's model (fine-tuning)
    // The parts this run's model heard, its base's included (training/LearnedInstruments.h); nullopt: unknown.
    std::optional<LearnedInstruments> learned_;
    std::int64_t stepsPerEpoch_ = 0;
    std::int64_t stepRowEvery_ = 0;  // per-step metrics rows (training/StepRowInterval.h); 0 = none
    std::int64_t currentEpochSteps_ = 0;
    std::int64_t nonFiniteAtStep_ = -1;
    std::chrono::steady_clock::time_point lastProgress_{};
    std::chrono::steady_clock::time_point sessionStart_{};
    double elapsedAtStart_ = 0;
    double pausedSeconds_ = 0;
};

}  // namespace nf::engine
