// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/training (includes LibTorch): never include from a header the UI or CLI sees.
#pragma once

#include <chrono>
#include <optional>
#include <torch/torch.h>

#include "drums/DrumFigures.h"
#include "drums/DrumGanData.h"
#include "training/ModelFile.h"
#include "training/Trainer.h"
#include "training/engine/DrumGan.h"

namespace nf::engine {

// The paper-drums-gan run (issue 19): WGAN-GP on one-bar patterns of the drums corpus (DrumGan.h says why each
// piece is there). Observed and controlled as every run (TrainingObserver, TrainingControl), checkpointed with both
// networks and both optimizers, resumable. Which weights become the model is decided by the held-out pieces' drum
// figures (drumFigureDistance on bars sampled as generation samples them), not by a loss: a GAN's losses do not
// say how its drums sound.
class DrumGanSession {
public:
    DrumGanSession(TrainingConfig config, TrainerOptions options, const TokenizedCorpus& corpus,
                   TrainingObserver* observer, TrainingControl* control);
    TrainingResult run();

private:
    // Either generator behind one call, for drumGanStep.
    struct Generator {
        PaperDrumGenerator paper{nullptr};
        LstmDrumGenerator lstm{nullptr};
        Generator* operator->() { return this; }
        torch::Tensor forward(const torch::Tensor& noise, const torch::Tensor& conditions = {}) {
            return paper ? paper->forward(noise, conditions) : lstm->forward(noise, conditions);
        }
        torch::nn::Module& module() { return paper ? static_cast<torch::nn::Module&>(*paper) : *lstm; }
    };

    void setUp();
    void resume();
    std::optional<TrainingOutcome> trainEpoch(int epoch);
    double heldOutDistance();
    // The check's parts from a conditioned generator: bar by bar, each against its held-out part's band and the bar
    // it wrote before, as Add Part writes them.
    std::vector<DrumPattern> conditionedCheckParts();
    // Measures the held-out distance, records it, and writes the model when it is the best so far.
    void checkHeldOut(int epoch, std::optional<std::int64_t> step);
    void record(int epoch, std::optional<std::int64_t> step, std::optional<double> distance);
    void emitProgress(int epoch, bool force);
    bool waitWhilePaused(int epoch);
    double elapsedNow() const;
    std::vector<NamedTensor> state(bool withCritic) const;
    std::string infoJson() const;
    TrainingStart startInfo() const;
    void writeModel();
    void writeCheckpoint();
    TrainingResult finish(TrainingOutcome outcome);

    TrainingConfig config_;
    TrainerOptions options_;
    const TokenizedCorpus& corpus_;
    TrainingObserver* observer_;
    TrainingControl* control_;
    torch::Device device_{torch::kCPU};
    DrumGanShape shape_;
    std::shared_ptr<torch::nn::Module> root_;  // "generator" and "critic": the names in model files
    Generator generator_;
    DrumCritic critic_{nullptr};
    std::unique_ptr<torch::optim::Optimizer> generatorOptimizer_, criticOptimizer_;
    torch::Tensor bars_;                        // [N, steps, 2 x classes] on the device
    torch::Tensor conditions_;                  // [N, steps, conditions] on the device; undefined when not conditioned
    std::vector<DrumGanPiece> checkParts_;      // the held-out parts (their band is what a conditioned check hears)
    std::size_t trainPieces_ = 0, validationPieces_ = 0, trainTokens_ = 0, validationTokens_ = 0;
    std::optional<DrumFigures> reference_;      // the held-out parts' figures (training's when nothing is held out)
    std::int64_t stepsPerEpoch_ = 0;
    std::int64_t stepRowEvery_ = 0;  // per-step metrics rows (training/StepRowInterval.h); 0 = none

    // Where the run stands (saved in checkpoints).
    int epochsDone_ = 0;
    std::int64_t stepInEpoch_ = 0;  // steps of the current (unfinished) epoch already taken
    std::int64_t globalStep_ = 0;
    double elapsed_ = 0;
    std::optional<double> bestDistance_;
    int bestEpoch_ = 0;
    bool modelWritten_ = false;
    std::string lastCheckpoint_;
    std::vector<MetricsRow> history_;
    std::optional<ModelFile> resumeFile_;
    std::optional<std::vector<std::uint8_t>> resumeRng_;  // the random state where a resumed epoch continues

    // Running sums of the epoch and of the current step row: generator loss, critic loss, steps, seconds.
    double generatorSum_ = 0, criticSum_ = 0, epochSteps_ = 0, epochSeconds_ = 0;
    double rowGenerator_ = 0, rowCritic_ = 0, rowSteps_ = 0, rowSeconds_ = 0;
    std::chrono::steady_clock::time_point sessionStart_{}, lastProgress_{};
    double pausedSeconds_ = 0;
};

}  // namespace nf::engine
