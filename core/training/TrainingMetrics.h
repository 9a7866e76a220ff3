// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nf {

// One line of the metrics history: after every epoch (step empty) and every N steps (validation empty).
// Accuracy is next-token top-1 accuracy; loss is mean cross-entropy in nats per predicted token.
struct MetricsRow {
    int epoch = 0;                      // 1-based; for step rows the epoch in progress
    std::optional<std::int64_t> step;   // global optimiser step, step rows only
    double wallSeconds = 0;             // training time since the run began (resumed runs continue counting)
    double trainLoss = 0;
    double trainAccuracy = 0;
    std::optional<double> valLoss;
    std::optional<double> valAccuracy;
    std::optional<double> valPerplexity;
    double tokensPerSecond = 0;         // predicted (target) tokens per second of training (a drums model's band
                                        // tokens are given, not predicted: not counted)
    double learningRate = 0;
    double epochSeconds = 0;            // epoch rows only
    // The drum GAN (paper-drums-gan) is not trained by likelihood: its rows carry the generator's loss in trainLoss,
    // the critic's loss (without the gradient penalty) here, and in valLoss the held-out drum figure distance
    // (drums/DrumFigures.h drumFigureDistance), by which its best model is kept. Empty for every other model.
    std::optional<double> criticLoss;

    bool operator==(const MetricsRow&) const = default;
};

// Converts the history to and from the JSON stored in model files and checkpoints.
std::string metricsToJson(const std::vector<MetricsRow>& rows);
std::vector<MetricsRow> metricsFromJson(const std::string& json);

// The live view of a step, for progress bars.
struct TrainingProgress {
    int epoch = 0;
    int epochs = 0;
    std::int64_t stepInEpoch = 0;       // steps done in this epoch
    std::int64_t stepsPerEpoch = 0;
    std::int64_t globalStep = 0;
    double loss = 0;                    // running mean over this epoch
    double accuracy = 0;
    double tokensPerSecond = 0;
    double elapsedSeconds = 0;
    double etaSeconds = 0;              // to the end of the last epoch at the current speed
    bool paused = false;
};

struct TrainingStart {
    std::string device;                 // "cpu", "cuda:0"
    int threads = 0;
    std::string blas;                   // BLAS library actually loaded
    std::string torchVersion;
    std::string model;                  // model kind
    std::string representation;
    int vocabSize = 0;
    std::int64_t parameters = 0;
    std::size_t trainPieces = 0, validationPieces = 0;
    std::size_t trainTokens = 0, validationTokens = 0;
    std::int64_t stepsPerEpoch = 0;
    int firstEpoch = 1;                 // > 1 when resuming
    int epochs = 0;
    std::vector<MetricsRow> history;    // rows of the run being resumed
};

enum class TrainingOutcome { Finished, Stopped, TimeLimit, NonFinite };

struct TrainingResult {
    TrainingOutcome outcome = TrainingOutcome::Finished;
    std::string message;                // one line for the user
    int epochsDone = 0;
    std::int64_t steps = 0;
    std::optional<double> bestValLoss;
    int bestEpoch = 0;
    std::string modelPath;
    std::string checkpointPath;         // the last good checkpoint ("" if none was written)
    std::vector<MetricsRow> history;
};

// Receives training events on the training thread. The GUI forwards them to its own thread (queued signals);
// implementations must return quickly and must not call back into the trainer except through TrainingControl.
class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void onStart(const TrainingStart&) {}
    virtual void onProgress(const TrainingProgress&) {}
    virtual void onMetrics(const MetricsRow&) {}
    virtual void onMessage(const std::string&) {}
    virtual void onFinish(const TrainingResult&) {}
};

}  // namespace nf
