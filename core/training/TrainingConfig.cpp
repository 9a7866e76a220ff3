// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/TrainingConfig.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace nf {
namespace remi {
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TaskMix, continuation, barInfill, trackInfill, maxTokens, contextBars,
                                                maxSpanBars, trackSpanBars)
}  // namespace remi

// The one list of each configuration's JSON keys (each the member's name), for both directions. TrainingConfig's
// tokenizer and tasks are not in its list: their keys depend on the representation (toJson, fromJson); nor is the
// model's heads, written for transformers only.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DrumGanSettings, generator, noise, criticSteps, penaltyWeight,
                                                barCorrelation, band, primer, stepsPerQuarter, numerator, denominator)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AdapterSettings, rank, base, baseChecksum)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ModelConfig, kind, vocabSize, input, embedDim, hiddenSize, layers,
                                                dropout, denseSize, denseDropout, manyToOne, forgetGateBias,
                                                inputInit, recurrentInit, lstmKernel)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(OptimizerConfig, name, learningRate, rmspropRho, rmspropEpsilon,
                                                adamBeta1, adamBeta2, adamEpsilon, weightDecay, clipNorm, schedule,
                                                warmupSteps, minLrFactor, stepGamma, stepEpochs)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TrainingConfig, model, optimizer, epochs, batchSize, seqLength,
                                                carryState, windowStride, valShare, seed, checkpointEvery,
                                                metricsEverySteps, device, threads, mixedPrecision, maxMinutes)

namespace {

// A decoder-only transformer (engine/TransformerNet.h). AdamW with warm-up and cosine decay, gradient clipping:
// the usual recipe. No state is carried between windows: each window is a context of its own.
void transformerDefaults(TrainingConfig& c, ModelSize size) {
    c.tokenizer.kind = TokenizerKind::Events;
    c.model.input = ModelInput::Embedding;
    c.model.denseSize = 0;
    c.model.dropout = 0.1;
    c.optimizer.name = OptimizerKind::AdamW;
    c.optimizer.weightDecay = 0.01;
    c.optimizer.clipNorm = 1.0;
    c.optimizer.schedule = LrSchedule::Cosine;
    c.optimizer.warmupSteps = 100;
    c.carryState = false;
    switch (size) {
    case ModelSize::Small:
        // About 1.8M parameters (4 x 12 d^2 + the embedding): trains in minutes on two CPU cores.
        c.model.embedDim = 192;
        c.model.hiddenSize = 768;
        c.model.layers = 4;
        c.model.heads = 6;
        c.optimizer.learningRate = 1e-3;
        c.batchSize = 16;
        c.seqLength = 256;
        c.epochs = 30;
        break;
    case ModelSize::Base:
        // About 19M parameters: for a GPU.
        c.model.embedDim = 512;
        c.model.hiddenSize = 2048;
        c.model.layers = 6;
        c.model.heads = 8;
        c.optimizer.learningRate = 5e-4;
        c.optimizer.warmupSteps = 400;
        c.batchSize = 32;
        c.seqLength = 512;
        c.epochs = 30;
        break;
    }
}

}  // namespace

std::vector<ModelSize> TrainingConfig::presetsFor(ModelKind kind) {
    if (kind == ModelKind::Transformer) return {ModelSize::Small, ModelSize::Base};
    return {};
}

TrainingConfig TrainingConfig::forModel(ModelKind kind, std::optional<ModelSize> size) {
    TrainingConfig c;
    c.model.kind = kind;
    if (size && presetsFor(kind).empty())
        throw std::invalid_argument("model '" + toString(kind) + "' has no presets (only transformer has: " +
                                    enumChoices<ModelSize>() + ")");
    switch (kind) {
    case ModelKind::Transformer:
        transformerDefaults(c, size.value_or(ModelSize::Small));
        break;
    case ModelKind::PaperMidi:
        // The paper's MIDI network: 3 x LSTM(512) + dropout 0.3, Dense(256), dropout 0.3, Dense(vocab), softmax,
        // windows of 100 notes, RMSprop 1e-3, batch 32, 200 epochs, index/vocab as the only input feature.
        c.tokenizer.kind = TokenizerKind::PaperNotes;
        c.model.input = ModelInput::Scaled;
        c.model.hiddenSize = 512;
        c.model.layers = 3;
        c.model.dropout = 0.3;
        c.model.denseSize = 256;
        c.model.denseDropout = 0.3;
        c.model.manyToOne = true;
        c.optimizer.name = OptimizerKind::RmsProp;
        c.optimizer.learningRate = 1e-3;
        c.batchSize = 32;
        c.seqLength = 100;
        c.epochs = 200;
        break;
    case ModelKind::PaperAbc:
        // The paper's ABC network: Embedding(512), 3 x LSTM(256) + dropout 0.2, per-step Dense(vocab), softmax,
        // stateful over batches of 16 windows of 64 characters, Adam.
        c.tokenizer.kind = TokenizerKind::AbcChars;
        c.model.input = ModelInput::Embedding;
        c.model.embedDim = 512;
        c.model.hiddenSize = 256;
        c.model.layers = 3;
        c.model.dropout = 0.2;
        c.model.denseSize = 0;
        c.optimizer.name = OptimizerKind::Adam;
        c.optimizer.learningRate = 1e-3;
        c.batchSize = 16;
        c.seqLength = 64;
        c.epochs = 100;
        break;
    case ModelKind::Lstm:
        // NoteForge's default: many-to-many with carried state, so a window of T tokens trains T targets;
        // a smaller network, Adam with clipping and cosine decay: good results in minutes on a laptop CPU.
        c.tokenizer.kind = TokenizerKind::Events;
        c.model.input = ModelInput::Embedding;
        c.model.embedDim = 96;
        c.model.hiddenSize = 256;
        c.model.layers = 2;
        c.model.dropout = 0.15;
        c.model.denseSize = 0;
        c.optimizer.name = OptimizerKind::Adam;
        c.optimizer.learningRate = 3e-3;
        c.optimizer.clipNorm = 1.0;
        c.optimizer.schedule = LrSchedule::Cosine;
        c.optimizer.warmupSteps = 50;
        c.batchSize = 32;
        c.seqLength = 64;
        c.epochs = 30;
        break;
    case ModelKind::DrumGan:
        // The paper's drum experiment made to train (training/engine/DrumGan.h): WGAN-GP's recipe, Adam 1e-4 with
        // beta1 0.5, beta2 0.9, five critic steps per generator step; one-bar patterns of the drums representation,
        // 64 bars a batch. The checkpoint kept is the one whose held-out drum figures come closest to the data's.
        c.tokenizer.kind = TokenizerKind::Drums;
        c.model.hiddenSize = 128;
        c.model.layers = 1;
        c.model.dropout = 0;
        c.optimizer.name = OptimizerKind::Adam;
        c.optimizer.learningRate = 1e-4;
        c.optimizer.adamBeta1 = 0.5;
        c.optimizer.adamBeta2 = 0.9;
        c.batchSize = 64;
        c.epochs = 40;
        c.checkpointEvery = 5;
        break;
    }
    return c;
}

std::string TrainingConfig::toJson() const {
    nlohmann::json j = *this;
    j["format"] = "noteforge-training-config";
    j["tokenizer"] = nlohmann::json::parse(tokenizer.toJson());
    if (tokenizer.kind == TokenizerKind::Remi) j["tasks"] = tasks;  // other representations have no tasks
    // Transformers only, as the tasks for remi: the LSTMs' files stay byte for byte what they were.
    if (model.isTransformer()) j["model"]["heads"] = model.heads;
    if (model.isDrumGan()) j["model"]["gan"] = model.gan;
    if (model.adapter.enabled()) j["model"]["adapter"] = model.adapter;
    if (chunkTokens != kDefaultChunkTokens) j["chunkTokens"] = chunkTokens;
    return j.dump(2);
}

TrainingConfig TrainingConfig::fromJson(const std::string& text) {
    TrainingConfig c;
    try {
        const auto j = nlohmann::json::parse(text);
        c = j.get<TrainingConfig>();
        if (j.contains("tokenizer")) c.tokenizer = TokenizerSettings::fromJson(j.at("tokenizer").dump());
        c.tasks = j.value("tasks", c.tasks);
        c.chunkTokens = j.value("chunkTokens", c.chunkTokens);
        if (j.contains("model")) {
            c.model.heads = j.at("model").value("heads", c.model.heads);
            c.model.gan = j.at("model").value("gan", c.model.gan);
            c.model.adapter = j.at("model").value("adapter", c.model.adapter);
        }
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("malformed training configuration: ") + e.what());
    }
    return c;
}

void TrainingConfig::validate() const {
    auto fail = [](const std::string& what) { throw std::invalid_argument(what); };
    const auto& m = model;
    if (m.embedDim < 1 || m.hiddenSize < 1 || m.layers < 1 || m.layers > 16) fail("model sizes must be positive (layers 1..16)");
    if (m.denseSize < 0) fail("dense size must be >= 0");
    if (chunkTokens < 1024) fail("--chunk-tokens must be at least 1024");
    if (m.dropout < 0 || m.dropout >= 1 || m.denseDropout < 0 || m.denseDropout >= 1) fail("dropout must be in [0, 1)");
    if (m.isTransformer()) {
        if (m.input != ModelInput::Embedding || m.manyToOne) fail("the transformer reads embeddings and predicts every position");
        if (m.heads < 1 || m.embedDim % m.heads != 0 || (m.embedDim / m.heads) % 2 != 0)
            fail("the transformer's width (" + std::to_string(m.embedDim) + ") must split into " + std::to_string(m.heads) +
                 " heads of an even size");
    }
    if (m.adapter.rank < 0 || m.adapter.rank > 256) fail("adapter rank must be in 0..256");
    if (m.adapter.enabled() && !m.isTransformer())
        fail("low-rank adapters are for transformer models (the base models' network), not " + toString(m.kind));
    if (m.adapter.enabled() && m.adapter.base.empty()) fail("an adapter names the model it adapts (--init)");
    if (m.isDrumGan()) {
        if (tokenizer.kind != TokenizerKind::Drums) fail("the drum GAN learns from the drums representation");
        const auto& g = m.gan;
        if ((tokenizer.bandOnsets || g.band || g.primer) && g.generator != DrumGanGenerator::Lstm)
            fail("the paper's drum GAN generator hears nothing: the band and the bar before condition NoteForge's "
                 "(--gan-generator lstm)");
        if (g.band != tokenizer.bandOnsets)
            fail("the drum GAN hears the band exactly when its data has the band's onsets (bandOnsets)");
        if (g.noise < 1 || g.noise > 4096 || g.criticSteps < 1 || g.criticSteps > 100 || g.penaltyWeight < 0 ||
            g.barCorrelation < 0 || g.barCorrelation > 1 || (g.stepsPerQuarter != 3 && g.stepsPerQuarter != 4) ||
            g.numerator < 1 || g.numerator > 32 || g.denominator < 1 || g.denominator > 32)
            fail("drum GAN settings out of range (noise 1..4096, critic steps 1..100, bar correlation 0..1, grid 3 or 4)");
        if (batchSize < 2) fail("the drum GAN needs batches of two bars at least (its generator normalises over the batch)");
    }
    const auto& o = optimizer;
    if (!(o.learningRate > 0)) fail("learning rate must be positive");
    if (o.clipNorm < 0 || o.weightDecay < 0 || o.warmupSteps < 0 || o.stepEpochs < 1) fail("optimizer values must not be negative");
    if (epochs < 1) fail("epochs must be at least 1");
    if (batchSize < 1) fail("batch size must be at least 1");
    if (seqLength < 1) fail("sequence length must be at least 1");
    if (windowStride < 1) fail("window stride must be at least 1");
    if (valShare < 0 || valShare >= 1) fail("validation share must be in [0, 1)");
    if (checkpointEvery < 0 || metricsEverySteps < 0 || threads < 0 || maxMinutes < 0) fail("counts must not be negative");
    tokenizer.validate();
    if (tokenizer.kind == TokenizerKind::Remi && m.kind != ModelKind::Lstm && !m.isTransformer())
        fail("the remi representation needs the lstm or transformer model (" + toString(m.kind) +
             " keeps the paper's own format)");
    if (tokenizer.kind == TokenizerKind::Remi && m.manyToOne)
        fail("the remi representation trains many-to-many (its task examples need every position predicted)");
    if (tasks.continuation < 0 || tasks.barInfill < 0 || tasks.trackInfill < 0 ||
        !(tasks.continuation + tasks.barInfill + tasks.trackInfill > 0))
        fail("task shares must not be negative and must not all be 0");
    if (tasks.maxTokens < 16 || tasks.contextBars < 0 || tasks.maxSpanBars < 1 || tasks.trackSpanBars < 1)
        fail("remi example sizes out of range (maxTokens >= 16, spans >= 1 bar)");
}

}  // namespace nf
