// SPDX-License-Identifier: GPL-3.0-or-later
// DrumGanSession's files and reports: resuming, the model (the generator alone: what generation runs) and the
// checkpoint (both networks and both optimizers), the start summary and the final result.
#include <torch/version.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "training/BlasInfo.h"
#include "training/engine/DrumGanSession.h"
#include "training/engine/TensorIO.h"

namespace nf::engine {

void DrumGanSession::resume() {
    const ModelFile ck = readModelFile(options_.resumeFrom);
    if (ck.kind != ModelFileKind::Checkpoint)
        throw std::runtime_error(options_.resumeFrom + ": is a finished model, not a checkpoint (resume from MODEL.ckpt)");
    TrainingConfig saved = TrainingConfig::fromJson(ck.configJson);
    if (!saved.model.isDrumGan()) throw std::runtime_error(options_.resumeFrom + ": is not a drum GAN's checkpoint");
    saved.epochs = config_.epochs;
    saved.device = config_.device;
    saved.threads = config_.threads;
    saved.maxMinutes = config_.maxMinutes;
    saved.checkpointEvery = config_.checkpointEvery;
    saved.metricsEverySteps = config_.metricsEverySteps;
    config_ = saved;
    const auto info = nlohmann::json::parse(ck.infoJson);
    if (info.value("fingerprint", "") != corpus_.fingerprint && !options_.force)
        throw std::runtime_error(options_.resumeFrom + ": was trained on other data; use --force to resume anyway");
    if (ck.vocabulary != corpus_.vocab.tokens())
        throw std::runtime_error(options_.resumeFrom + ": its vocabulary differs from this data's");
    epochsDone_ = info.at("epochsDone").get<int>();
    stepInEpoch_ = info.value("stepInEpoch", std::int64_t{0});
    if (info.contains("sums")) {
        const auto& s = info.at("sums");
        generatorSum_ = s.at(0);
        criticSum_ = s.at(1);
        epochSteps_ = s.at(2);
        epochSeconds_ = s.at(3);
        rowGenerator_ = s.at(4);
        rowCritic_ = s.at(5);
        rowSteps_ = s.at(6);
        rowSeconds_ = s.at(7);
    }
    globalStep_ = info.at("globalStep").get<std::int64_t>();
    elapsed_ = info.at("elapsed").get<double>();
    if (info.contains("bestFigureDistance") && info.at("bestFigureDistance").is_number())
        bestDistance_ = info.at("bestFigureDistance").get<double>();
    bestEpoch_ = info.value("bestEpoch", 0);
    // (As TrainingSession: a model written to another path before the resume is not this run's.)
    modelWritten_ = info.value("modelWritten", false) && std::filesystem::exists(options_.modelPath);
    lastCheckpoint_ = options_.resumeFrom;
    history_ = metricsFromJson(ck.metricsJson);
    resumeFile_ = ck;
}

std::vector<NamedTensor> DrumGanSession::state(bool withCritic) const {
    std::vector<NamedTensor> out;
    for (const auto& item : root_->named_parameters())
        if (withCritic || item.key().rfind("generator.", 0) == 0) out.push_back(fromTorch(item.key(), item.value()));
    // BatchNorm's running statistics: what the paper's generator normalises with when it generates.
    for (const auto& item : root_->named_buffers())
        if (item.value().is_floating_point() && (withCritic || item.key().rfind("generator.", 0) == 0))
            out.push_back(fromTorch(item.key(), item.value()));
    return out;
}

std::string DrumGanSession::infoJson() const {
    nlohmann::json j;
    j["noteforge"] = NF_ENGINE_VERSION;
    j["torch"] = TORCH_VERSION;
    j["device"] = device_.str();
    j["fingerprint"] = corpus_.fingerprint;
    if (!options_.dataPath.empty()) j["dataPath"] = options_.dataPath;
    j["epochsDone"] = epochsDone_;
    j["globalStep"] = globalStep_;
    j["stepInEpoch"] = stepInEpoch_;
    j["sums"] = {generatorSum_, criticSum_, epochSteps_, epochSeconds_, rowGenerator_, rowCritic_, rowSteps_, rowSeconds_};
    j["elapsed"] = elapsedNow();
    // Not "bestValLoss": the number is a distance between drum figures, not a loss, and lists must not show it as one.
    j["bestFigureDistance"] = bestDistance_ ? nlohmann::json(*bestDistance_) : nlohmann::json(nullptr);
    j["bestEpoch"] = bestEpoch_;
    j["modelWritten"] = modelWritten_;
    j["trainPieces"] = trainPieces_;
    j["validationPieces"] = validationPieces_;
    j["trainingBars"] = bars_.defined() ? bars_.size(0) : 0;
    return j.dump(1);
}

void DrumGanSession::writeModel() {
    modelWritten_ = true;  // before infoJson(), which records it
    ModelFile file = runFile(ModelFileKind::Model, config_, infoJson(), corpus_.vocab, history_);
    file.tensors = state(false);
    writeModelFile(file, options_.modelPath);
}

void DrumGanSession::writeCheckpoint() {
    ModelFile file = runFile(ModelFileKind::Checkpoint, config_, infoJson(), corpus_.vocab, history_);
    file.tensors = state(true);
    file.blobs.push_back({"generator_optimizer", saveOptimizer(*generatorOptimizer_)});
    file.blobs.push_back({"critic_optimizer", saveOptimizer(*criticOptimizer_)});
    file.blobs.push_back({"rng", saveRngState()});
    writeModelFile(file, options_.checkpointPath);
    lastCheckpoint_ = options_.checkpointPath;
}

TrainingStart DrumGanSession::startInfo() const {
    TrainingStart s;
    describeDevice(s, device_);
    s.model = toString(config_.model.kind);
    s.representation = toString(config_.tokenizer.kind);
    s.vocabSize = config_.model.vocabSize;
    for (const auto& p : root_->parameters()) s.parameters += p.numel();
    s.trainPieces = trainPieces_;
    s.validationPieces = validationPieces_;
    s.trainTokens = trainTokens_;
    s.validationTokens = validationTokens_;
    s.stepsPerEpoch = stepsPerEpoch_;
    s.firstEpoch = epochsDone_ + 1;
    s.epochs = config_.epochs;
    s.history = history_;
    return s;
}

TrainingResult DrumGanSession::finish(TrainingOutcome outcome) {
    if (outcome != TrainingOutcome::NonFinite) {
        writeCheckpoint();
        if (!modelWritten_) writeModel();
    }
    TrainingResult r;
    r.outcome = outcome;
    r.epochsDone = epochsDone_;
    r.steps = globalStep_;
    r.bestEpoch = bestEpoch_;
    r.modelPath = modelWritten_ ? options_.modelPath : std::string();
    r.checkpointPath = lastCheckpoint_;
    r.history = history_;
    const auto& g = config_.model.gan;
    const std::string heard = g.band && g.primer ? ", each against the band and the bar before"
                              : g.band           ? ", each against the band"
                              : g.primer         ? ", each after the bar before"
                                                 : "";
    const std::string form = std::to_string(bars_.size(0)) + " bars of " + std::to_string(g.numerator) + "/" +
                             std::to_string(g.denominator) + (g.stepsPerQuarter == 3 ? " in triplets" : "") + heard;
    const std::string resumeHint = "; checkpoint saved (continue with --resume " + options_.checkpointPath + ")";
    char best[96] = "";
    if (bestDistance_) std::snprintf(best, sizeof best, ", best held-out drum figure distance %.3f at epoch %d", *bestDistance_, bestEpoch_);
    switch (outcome) {
    case TrainingOutcome::Finished:
        r.message = "trained the drum GAN " + std::to_string(epochsDone_) + (epochsDone_ == 1 ? " epoch on " : " epochs on ") + form + best +
                    "; model: " + options_.modelPath;
        break;
    case TrainingOutcome::Stopped:
        r.message = "stopped at epoch " + std::to_string(epochsDone_ + 1) + ", step " + std::to_string(globalStep_) + resumeHint;
        break;
    case TrainingOutcome::TimeLimit:
        r.message = "time limit reached at epoch " + std::to_string(epochsDone_ + 1) + ", step " + std::to_string(globalStep_) + resumeHint;
        break;
    case TrainingOutcome::NonFinite:
        r.message = "the drum GAN's losses became NaN/infinite at step " + std::to_string(globalStep_) +
                    ": training stopped (try a lower --lr)" +
                    (lastCheckpoint_.empty() ? std::string("; no checkpoint had been written yet") : "; the last good checkpoint is " + lastCheckpoint_);
        break;
    }
    if (observer_) observer_->onFinish(r);
    return r;
}

}  // namespace nf::engine
