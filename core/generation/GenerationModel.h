// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "drums/DrumGanNet.h"
#include "generation/LstmWeights.h"
#include "generation/TokenDecoder.h"
#include "generation/TransformerWeights.h"
#include "tokenize/Tokenizer.h"
#include "tokenize/Vocabulary.h"
#include "training/TrainingConfig.h"
#include "training/TrainingMetrics.h"

namespace nf {

namespace gen {
class WorkerPool;
}

// A model file opened for generation: its configuration, vocabulary, tokenizer, provenance and the weights laid
// out for the decoder. Plain C++ (no LibTorch): the GUI and CLI generate without the training engine's TU.
// Immutable after open(); one instance may serve several generators at once.
class GenerationModel {
public:
    // Throws ModelFileError ("FILE: message") for a missing, foreign, damaged or inconsistent model file. A `path`
    // that names no file but a base model ("folk": dataset/BaseModels.h) opens that base model.
    static GenerationModel open(const std::string& path);

    const std::string& path() const { return path_; }
    const TrainingConfig& config() const { return config_; }
    const Vocabulary& vocabulary() const { return vocab_; }
    const Tokenizer& tokenizer() const { return *tokenizer_; }
    // The network's weights as its decoder reads them: an LSTM's, or a transformer's. Each throws std::logic_error
    // for the other kind of model.
    const LstmWeights& weights() const;
    const TransformerWeights& transformerWeights() const;
    // A drum GAN's generator (paper-drums-gan models); nullptr for every other model. A GAN writes bars, not tokens:
    // makeDecoder() refuses it, and drums/DrumGenerator and drums/DrumPart use this instead.
    const DrumGanNet* drumGan() const { return drumGan_.get(); }
    // A decoder for this model's kind with `batch` rows (LstmDecoder or TransformerDecoder). The model and `pool`
    // must outlive it.
    std::unique_ptr<TokenDecoder> makeDecoder(int batch, gen::WorkerPool& pool) const;
    // Weight bytes streamed per generated token, for benchmarks.
    double weightBytesPerToken() const;
    // FNV-1a of the whole file: names exactly these weights in recipes.
    const std::string& fingerprint() const { return fingerprint_; }
    // The training data's content fingerprint as the trainer recorded it ("" when unknown).
    const std::string& dataFingerprint() const { return dataFingerprint_; }
    // The training data's path when the model file records one ("" otherwise).
    const std::string& dataPath() const { return dataPath_; }
    const std::vector<MetricsRow>& history() const { return history_; }
    // Best validation loss (nats per token) from the provenance or the metrics history; none for a drum GAN (its
    // held-out figure is a distance between drum figures, not a loss).
    std::optional<double> validationLoss() const;
    // The end/start tokens of the representation as vocabulary indices, when it has them and the model knows them.
    std::optional<int> endToken() const { return endToken_; }
    std::optional<int> startToken() const { return startToken_; }

private:
    std::string path_;
    TrainingConfig config_;
    Vocabulary vocab_;
    std::shared_ptr<const Tokenizer> tokenizer_;
    std::shared_ptr<const LstmWeights> weights_;              // LSTM models
    std::shared_ptr<const TransformerWeights> transformer_;   // transformer models
    std::shared_ptr<const DrumGanNet> drumGan_;               // drum GANs
    std::string fingerprint_;
    std::string dataFingerprint_;
    std::string dataPath_;
    std::optional<double> bestValLoss_;
    std::vector<MetricsRow> history_;
    std::optional<int> endToken_, startToken_;
};

}  // namespace nf
