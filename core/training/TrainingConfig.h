// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "remi/ExampleBuilder.h"
#include "training/AdapterSettings.h"
#include "training/DrumGanSettings.h"
#include "tokenize/TokenizerSettings.h"
#include "training/InputInit.h"
#include "training/LrSchedule.h"
#include "training/LstmKernel.h"
#include "training/ModelInput.h"
#include "training/ModelKind.h"
#include "training/ModelSize.h"
#include "training/OptimizerKind.h"
#include "training/RecurrentInit.h"

namespace nf {

// The network. One struct describes every model; forModel() fills in each one's defaults.
// The transformer reads embedDim as its width (d_model), hiddenSize as the width of its MLP, layers as its blocks,
// dropout as its residual and embedding dropout, and the TrainingConfig's seqLength as its context.
struct ModelConfig {
    ModelKind kind = ModelKind::Lstm;
    int vocabSize = 0;                // set from the corpus
    ModelInput input = ModelInput::Embedding;
    int embedDim = 128;
    int hiddenSize = 512;
    int layers = 3;
    double dropout = 0.3;             // after each LSTM layer
    int denseSize = 0;                // a hidden Dense layer before the output (paper-midi: 256); 0 = none
    double denseDropout = 0.3;        // after that Dense layer
    // true: only the token after each window is predicted (paper-midi); false: every position (many-to-many).
    bool manyToOne = false;
    // Keras's initialisation, which the paper's models got without asking: LSTM forget-gate bias 1, Glorot-
    // uniform input kernels, orthogonal recurrent kernels, Glorot-uniform Dense kernels with zero bias,
    // uniform(-0.05, 0.05) embeddings. Torch keeps LibTorch's defaults instead.
    double forgetGateBias = 1.0;
    InputInit inputInit = InputInit::GlorotUniform;
    RecurrentInit recurrentInit = RecurrentInit::Orthogonal;
    LstmKernel lstmKernel = LstmKernel::Auto;
    // Transformer: attention heads (embedDim / heads must be even: rotary positions turn pairs of dimensions).
    int heads = 4;
    // paper-drums-gan only (written to files for that kind alone).
    DrumGanSettings gan;
    // Transformer only: low-rank adapters trained on top of a frozen base (written to files for adapters alone).
    AdapterSettings adapter;

    // The LSTM family (one recurrent network, three shapes) or the transformer.
    bool isTransformer() const { return kind == ModelKind::Transformer; }
    bool isDrumGan() const { return kind == ModelKind::DrumGan; }

    bool operator==(const ModelConfig&) const = default;
};

struct OptimizerConfig {
    OptimizerKind name = OptimizerKind::RmsProp;
    double learningRate = 1e-3;
    // Keras's RMSprop: rho 0.9 (LibTorch's alpha defaults to 0.99) and epsilon 1e-7 (LibTorch: 1e-8).
    double rmspropRho = 0.9;
    double rmspropEpsilon = 1e-7;
    double adamBeta1 = 0.9;
    double adamBeta2 = 0.999;
    double adamEpsilon = 1e-7;     // Keras's default
    double weightDecay = 0.0;
    double clipNorm = 0.0;         // gradient clipping by global norm; 0 = off
    // Learning-rate schedule: None, Cosine (warm-up then cosine decay to minLrFactor x lr over the run) or Step
    // (x stepGamma every stepEpochs epochs).
    LrSchedule schedule = LrSchedule::None;
    int warmupSteps = 0;
    double minLrFactor = 0.05;
    double stepGamma = 0.5;
    int stepEpochs = 10;

    bool operator==(const OptimizerConfig&) const = default;
};

// All hyper-parameters of a training run, saved with the model and in every checkpoint.
struct TrainingConfig {
    ModelConfig model;
    OptimizerConfig optimizer;
    TokenizerSettings tokenizer;
    // remi: the shares of the training tasks (continuation, bar infill, track infill) and the examples' sizes.
    remi::TaskMix tasks;

    int epochs = 200;
    int batchSize = 32;
    int seqLength = 100;            // window length T
    // Many-to-many: the hidden state is carried (detached) from one window to the next of the same stream
    // (truncated back-propagation through time) instead of starting from zero.
    bool carryState = true;
    int windowStride = 1;           // many-to-one: distance between window starts (the paper: 1)
    double valShare = 0.1;          // share of pieces held out for validation
    std::uint64_t seed = 42;
    int checkpointEvery = 10;       // epochs
    int metricsEverySteps = 50;     // per-step metric rows; 0 = per epoch only
    std::string device = "auto";    // "auto", "cpu", "cuda", "cuda:N"
    int threads = 0;                // CPU threads; 0 = all cores
    bool mixedPrecision = false;    // bfloat16 autocast, CUDA only
    double maxMinutes = 0;          // stop (and save) after this long; 0 = no limit
    // Many-to-many training reads an epoch this many tokens of pieces at a time (each group's pieces, remi examples
    // and batches in memory, then the next), so a corpus larger than memory (token shards) trains in bounded
    // memory. A corpus that fits in one group trains exactly as it always did. Written to the file only when not
    // the default, so other files stay byte for byte what they were.
    std::int64_t chunkTokens = kDefaultChunkTokens;
    static constexpr std::int64_t kDefaultChunkTokens = 8 << 20;

    // The paper's settings for PaperMidi and PaperAbc, NoteForge's for Lstm and Transformer (also for the
    // tokenizer). `size` sizes the transformer (ModelSize; Small when not given); other models have no sizes.
    // Throws std::invalid_argument for a size the kind does not have.
    static TrainingConfig forModel(ModelKind kind, std::optional<ModelSize> size = std::nullopt);
    // The sizes forModel() knows for `kind` (empty for models without presets).
    static std::vector<ModelSize> presetsFor(ModelKind kind);

    // JSON with sorted keys; the tasks are written for remi only (the files of other representations unchanged).
    std::string toJson() const;
    // Missing keys keep their defaults, so files from older versions still load. Throws std::runtime_error for
    // malformed JSON, std::invalid_argument for an unknown word (kind, optimizer, ...) or bad tokenizer settings.
    static TrainingConfig fromJson(const std::string& json);
    // Throws std::invalid_argument naming the first bad value.
    void validate() const;

    bool operator==(const TrainingConfig&) const = default;
};

}  // namespace nf
