// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/TrainingConfig.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace nf {
namespace remi {
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TaskMix, continuation, barInfill, trackInfill, maxTokens, contextBars,
                                                maxSpanBars, trackSpanBars)
}  // namespace remi

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ModelConfig, kind, vocabSize, input, embedDim, hiddenSize, layers,
                                                dropout, denseSize, denseDropout, manyToOne, forgetGateBias,
                                                inputInit, recurrentInit, lstmKernel, heads)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(OptimizerConfig, name, learningRate, rmspropRho, rmspropEpsilon,
                                                adamBeta1, adamBeta2, adamEpsilon, weightDecay, clipNorm, schedule,
                                                warmupSteps, minLrFactor, stepGamma, stepEpochs)

namespace {

// A decoder-only transformer (engine/TransformerNet.h). AdamW with warm-up and cosine decay, gradient clipping:
// the usual recipe. No state is carried between windows: each window is a context of its own.
void transformerDefaults(TrainingConfig& c, const std::string& preset) {
    c.tokenizer.kind = "events";
    c.model.input = "embedding";
    c.model.denseSize = 0;
    c.model.dropout = 0.1;
    c.optimizer.name = "adamw";
    c.optimizer.weightDecay = 0.01;
    c.optimizer.clipNorm = 1.0;
    c.optimizer.schedule = "cosine";
    c.optimizer.warmupSteps = 100;
    c.carryState = false;
    if (preset.empty() || preset == "small") {
        // About 1.8M parameters (4 x 12 d^2 + the embedding): trains in minutes on two CPU cores.
        c.model.embedDim = 192;
        c.model.hiddenSize = 768;
        c.model.layers = 4;
        c.model.heads = 6;
        c.optimizer.learningRate = 1e-3;
        c.batchSize = 16;
        c.seqLength = 256;
        c.epochs = 30;
    } else if (preset == "base") {
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
    } else {
        throw std::invalid_argument("unknown transformer preset '" + preset + "' (expected small or base)");
    }
}

}  // namespace

std::vector<std::string> TrainingConfig::presetsFor(const std::string& kind) {
    if (kind == "transformer") return {"small", "base"};
    return {};
}

TrainingConfig TrainingConfig::forModel(const std::string& kind, const std::string& preset) {
    TrainingConfig c;
    c.model.kind = kind;
    if (!preset.empty() && presetsFor(kind).empty())
        throw std::invalid_argument("model '" + kind + "' has no presets (only transformer has: small, base)");
    if (c.model.isTransformer()) {
        transformerDefaults(c, preset);
    } else if (kind == "paper-midi") {
        // The paper's MIDI network: 3 x LSTM(512) + dropout 0.3, Dense(256), dropout 0.3, Dense(vocab), softmax,
        // windows of 100 notes, RMSprop 1e-3, batch 32, 200 epochs, index/vocab as the only input feature.
        c.tokenizer.kind = "paper-notes";
        c.model.input = "scaled";
        c.model.hiddenSize = 512;
        c.model.layers = 3;
        c.model.dropout = 0.3;
        c.model.denseSize = 256;
        c.model.denseDropout = 0.3;
        c.model.manyToOne = true;
        c.optimizer.name = "rmsprop";
        c.optimizer.learningRate = 1e-3;
        c.batchSize = 32;
        c.seqLength = 100;
        c.epochs = 200;
    } else if (kind == "paper-abc") {
        // The paper's ABC network: Embedding(512), 3 x LSTM(256) + dropout 0.2, per-step Dense(vocab), softmax,
        // stateful over batches of 16 windows of 64 characters, Adam.
        c.tokenizer.kind = "abc-chars";
        c.model.input = "embedding";
        c.model.embedDim = 512;
        c.model.hiddenSize = 256;
        c.model.layers = 3;
        c.model.dropout = 0.2;
        c.model.denseSize = 0;
        c.optimizer.name = "adam";
        c.optimizer.learningRate = 1e-3;
        c.batchSize = 16;
        c.seqLength = 64;
        c.epochs = 100;
    } else if (kind == "lstm") {
        // NoteForge's default: many-to-many with carried state, so a window of T tokens trains T targets;
        // a smaller network, Adam with clipping and cosine decay: good results in minutes on a laptop CPU.
        c.tokenizer.kind = "events";
        c.model.input = "embedding";
        c.model.embedDim = 96;
        c.model.hiddenSize = 256;
        c.model.layers = 2;
        c.model.dropout = 0.15;
        c.model.denseSize = 0;
        c.optimizer.name = "adam";
        c.optimizer.learningRate = 3e-3;
        c.optimizer.clipNorm = 1.0;
        c.optimizer.schedule = "cosine";
        c.optimizer.warmupSteps = 50;
        c.batchSize = 32;
        c.seqLength = 64;
        c.epochs = 30;
    } else {
        throw std::invalid_argument("unknown model '" + kind + "' (expected paper-midi, paper-abc, lstm or transformer)");
    }
    return c;
}

std::string TrainingConfig::toJson() const {
    nlohmann::json j;
    j["format"] = "noteforge-training-config";
    j["model"] = model;
    j["optimizer"] = optimizer;
    j["tokenizer"] = nlohmann::json::parse(tokenizer.toJson());
    if (tokenizer.kind == "remi") j["tasks"] = tasks;  // other representations have no tasks (their files unchanged)
    j["epochs"] = epochs;
    j["batchSize"] = batchSize;
    j["seqLength"] = seqLength;
    j["carryState"] = carryState;
    j["windowStride"] = windowStride;
    j["valShare"] = valShare;
    j["seed"] = seed;
    j["checkpointEvery"] = checkpointEvery;
    j["metricsEverySteps"] = metricsEverySteps;
    j["device"] = device;
    j["threads"] = threads;
    j["mixedPrecision"] = mixedPrecision;
    j["maxMinutes"] = maxMinutes;
    return j.dump(2);
}

TrainingConfig TrainingConfig::fromJson(const std::string& text) {
    TrainingConfig c;
    try {
        const auto j = nlohmann::json::parse(text);
        c.model = j.value("model", c.model);
        c.optimizer = j.value("optimizer", c.optimizer);
        if (j.contains("tokenizer")) c.tokenizer = TokenizerSettings::fromJson(j.at("tokenizer").dump());
        c.tasks = j.value("tasks", c.tasks);
        c.epochs = j.value("epochs", c.epochs);
        c.batchSize = j.value("batchSize", c.batchSize);
        c.seqLength = j.value("seqLength", c.seqLength);
        c.carryState = j.value("carryState", c.carryState);
        c.windowStride = j.value("windowStride", c.windowStride);
        c.valShare = j.value("valShare", c.valShare);
        c.seed = j.value("seed", c.seed);
        c.checkpointEvery = j.value("checkpointEvery", c.checkpointEvery);
        c.metricsEverySteps = j.value("metricsEverySteps", c.metricsEverySteps);
        c.device = j.value("device", c.device);
        c.threads = j.value("threads", c.threads);
        c.mixedPrecision = j.value("mixedPrecision", c.mixedPrecision);
        c.maxMinutes = j.value("maxMinutes", c.maxMinutes);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("malformed training configuration: ") + e.what());
    }
    return c;
}

void TrainingConfig::validate() const {
    auto fail = [](const std::string& what) { throw std::invalid_argument(what); };
    const auto& m = model;
    if (m.kind != "paper-midi" && m.kind != "paper-abc" && m.kind != "lstm" && !m.isTransformer())
        fail("unknown model '" + m.kind + "' (expected paper-midi, paper-abc, lstm or transformer)");
    if (m.input != "embedding" && m.input != "scaled") fail("model input must be 'embedding' or 'scaled'");
    if (m.embedDim < 1 || m.hiddenSize < 1 || m.layers < 1 || m.layers > 16) fail("model sizes must be positive (layers 1..16)");
    if (m.denseSize < 0) fail("dense size must be >= 0");
    if (m.dropout < 0 || m.dropout >= 1 || m.denseDropout < 0 || m.denseDropout >= 1) fail("dropout must be in [0, 1)");
    if (m.inputInit != "glorot_uniform" && m.inputInit != "torch") fail("inputInit must be glorot_uniform or torch");
    if (m.recurrentInit != "orthogonal" && m.recurrentInit != "torch") fail("recurrentInit must be orthogonal or torch");
    if (m.lstmKernel != "auto" && m.lstmKernel != "fused" && m.lstmKernel != "aten") fail("lstmKernel must be auto, fused or aten");
    if (m.isTransformer()) {
        if (m.input != "embedding" || m.manyToOne) fail("the transformer reads embeddings and predicts every position");
        if (m.heads < 1 || m.embedDim % m.heads != 0 || (m.embedDim / m.heads) % 2 != 0)
            fail("the transformer's width (" + std::to_string(m.embedDim) + ") must split into " + std::to_string(m.heads) +
                 " heads of an even size");
    }
    const auto& o = optimizer;
    if (o.name != "rmsprop" && o.name != "adam" && o.name != "adamw") fail("unknown optimizer '" + o.name + "' (expected rmsprop, adam or adamw)");
    if (!(o.learningRate > 0)) fail("learning rate must be positive");
    if (o.schedule != "none" && o.schedule != "cosine" && o.schedule != "step") fail("schedule must be none, cosine or step");
    if (o.clipNorm < 0 || o.weightDecay < 0 || o.warmupSteps < 0 || o.stepEpochs < 1) fail("optimizer values must not be negative");
    if (epochs < 1) fail("epochs must be at least 1");
    if (batchSize < 1) fail("batch size must be at least 1");
    if (seqLength < 1) fail("sequence length must be at least 1");
    if (windowStride < 1) fail("window stride must be at least 1");
    if (valShare < 0 || valShare >= 1) fail("validation share must be in [0, 1)");
    if (checkpointEvery < 0 || metricsEverySteps < 0 || threads < 0 || maxMinutes < 0) fail("counts must not be negative");
    tokenizer.validate();
    if (tokenizer.kind == "remi" && m.kind != "lstm" && !m.isTransformer())
        fail("the remi representation needs the lstm or transformer model (" + m.kind + " keeps the paper's own format)");
    if (tokenizer.kind == "remi" && m.manyToOne)
        fail("the remi representation trains many-to-many (its task examples need every position predicted)");
    if (tasks.continuation < 0 || tasks.barInfill < 0 || tasks.trackInfill < 0 ||
        !(tasks.continuation + tasks.barInfill + tasks.trackInfill > 0))
        fail("task shares must not be negative and must not all be 0");
    if (tasks.maxTokens < 16 || tasks.contextBars < 0 || tasks.maxSpanBars < 1 || tasks.trackSpanBars < 1)
        fail("remi example sizes out of range (maxTokens >= 16, spans >= 1 bar)");
}

}  // namespace nf
