// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingSession's files and reports: resuming from a checkpoint, writing models and checkpoints, the start
// summary and the final result.
#include <torch/version.h>

#include <filesystem>
#include <tuple>

#include <nlohmann/json.hpp>

#include "util/NamedEnum.h"
#include "training/BlasInfo.h"
#include "training/ModelAdapter.h"
#include "training/engine/TensorIO.h"
#include "training/engine/TrainingSession.h"

namespace nf::engine {

void TrainingSession::resume() {
    const ModelFile ck = readModelFile(options_.resumeFrom);
    if (ck.kind != ModelFileKind::Checkpoint)
        throw std::runtime_error(options_.resumeFrom + ": is " + (ck.kind == ModelFileKind::Adapter ? "an adapter" : "a finished model") +
                                 ", not a checkpoint (resume from MODEL.ckpt)");
    TrainingConfig saved = TrainingConfig::fromJson(ck.configJson);
    saved.epochs = config_.epochs;
    saved.device = config_.device;
    saved.threads = config_.threads;
    saved.maxMinutes = config_.maxMinutes;
    saved.checkpointEvery = config_.checkpointEvery;
    saved.metricsEverySteps = config_.metricsEverySteps;
    config_ = saved;
    const auto info = nlohmann::json::parse(ck.infoJson);
    const std::string savedPrint = info.value("fingerprint", "");
    if (savedPrint != fingerprint_ && !options_.force)
        throw std::runtime_error(options_.resumeFrom + ": was trained on other data or other tokenizer settings (fingerprint " +
                                 savedPrint + ", this data " + fingerprint_ + "); use --force to resume anyway");
    if (ck.vocabulary != corpus_.vocab.tokens())
        throw std::runtime_error(options_.resumeFrom + ": its vocabulary differs from this data's, so its weights cannot continue here");
    pos_.epochsDone = info.at("epochsDone").get<int>();
    pos_.stepInEpoch = info.at("stepInEpoch").get<std::int64_t>();
    pos_.globalStep = info.at("globalStep").get<std::int64_t>();
    pos_.elapsed = info.at("elapsed").get<double>();
    if (!info.at("bestValLoss").is_null()) pos_.bestValLoss = info.at("bestValLoss").get<double>();
    pos_.bestEpoch = info.at("bestEpoch").get<int>();
    // Written, but maybe elsewhere: a run resumed into another model path (another folder, another machine) has
    // none there until it writes one, and at the end writes its weights rather than name a file that is not there.
    pos_.modelWritten = info.at("modelWritten").get<bool>() && std::filesystem::exists(options_.modelPath);
    const auto& sums = info.at("sums");
    pos_.lossSum = sums.at(0);
    pos_.correct = sums.at(1);
    pos_.count = sums.at(2);
    pos_.seconds = sums.at(3);
    pos_.rowLossSum = sums.at(4);
    pos_.rowCorrect = sums.at(5);
    pos_.rowCount = sums.at(6);
    pos_.rowSeconds = sums.at(7);
    pos_.lastCheckpoint = options_.resumeFrom;
    pos_.lastCheckpointEpoch = pos_.epochsDone;
    history_ = metricsFromJson(ck.metricsJson);
    resumeFile_ = ck;
}

void TrainingSession::readInitModel() {
    const std::string& path = options_.initFrom;
    // An adapter or an adapted model starts a run as the whole model it stands for.
    ModelFile base = openModelFile(path);
    if (config_.model.adapter.enabled()) config_.model.adapter.baseChecksum = modelWeightsChecksum(base);
    const TrainingConfig saved = TrainingConfig::fromJson(base.configJson);
    if (!(saved.tokenizer == corpus_.tokenizer))
        throw std::runtime_error(path + ": was trained with other tokenizer settings (" + toString(saved.tokenizer.kind) +
                                 "), so its weights do not fit this data's tokens");
    if (base.vocabulary != corpus_.vocab.tokens())
        throw std::runtime_error(path + ": its vocabulary differs from this data's, so its weights cannot start this run");
    // The shape of the weights must match; dropout, initialisation or the LSTM kernel may differ.
    const auto shape = [](const ModelConfig& m) {
        return std::tuple(m.kind, m.input, m.vocabSize, m.embedDim, m.hiddenSize, m.layers, m.denseSize, m.manyToOne,
                          m.isTransformer() ? m.heads : 0);
    };
    if (shape(saved.model) != shape(config_.model))
        throw std::runtime_error(path + ": its network (" + toString(saved.model.kind) + ", " +
                                 std::to_string(saved.model.layers) + " layers of " +
                                 std::to_string(saved.model.isTransformer() ? saved.model.embedDim : saved.model.hiddenSize) +
                                 ") is not this run's: fine-tune with the model's own settings");
    if (!base.cardJson.empty()) {
        try {
            baseCardJson_ = nlohmann::json::parse(base.cardJson).dump(1);
        } catch (const std::exception&) {
            throw std::runtime_error(path + ": its data card is not JSON");
        }
    }
    initFile_ = std::move(base);
}

void TrainingSession::countLearnedInstruments(const std::vector<std::size_t>& trainPieces) {
    // A file that says nothing, or nothing valid, leaves the parts unknown: never a guess that hides a part.
    const auto saidBy = [](const ModelFile& file) -> std::optional<LearnedInstruments> {
        try {
            return learnedInstrumentsOf(file);
        } catch (const std::exception&) {
            return std::nullopt;
        }
    };
    if (resumeFile_) {
        learned_ = saidBy(*resumeFile_);  // counted when the run began, with its base's
        return;
    }
    learned_ = nf::countLearnedInstruments(corpus_, trainPieces);
    if (initFile_) {
        const auto base = saidBy(*initFile_);
        if (learned_ && base)
            learned_->add(*base);
        else
            learned_.reset();
    }
}

std::string TrainingSession::infoJson() const {
    nlohmann::json j;
    j["noteforge"] = NF_ENGINE_VERSION;
    j["torch"] = TORCH_VERSION;
    j["device"] = device_.str();
    j["fingerprint"] = fingerprint_;
    if (!options_.dataPath.empty()) j["dataPath"] = options_.dataPath;
    if (!options_.initFrom.empty()) j["initFrom"] = std::filesystem::path(options_.initFrom).filename().string();
    j["epochsDone"] = pos_.epochsDone;
    j["stepInEpoch"] = pos_.stepInEpoch;
    j["globalStep"] = pos_.globalStep;
    j["elapsed"] = elapsedNow();
    j["bestValLoss"] = pos_.bestValLoss ? nlohmann::json(*pos_.bestValLoss) : nlohmann::json(nullptr);
    j["bestEpoch"] = pos_.bestEpoch;
    j["modelWritten"] = pos_.modelWritten;
    j["sums"] = {pos_.lossSum, pos_.correct, pos_.count, pos_.seconds,
                 pos_.rowLossSum, pos_.rowCorrect, pos_.rowCount, pos_.rowSeconds};
    j["trainPieces"] = train_->pieceCount();
    j["validationPieces"] = validation_->pieceCount();
    // null when they could not be counted (token shards, or a base that does not say).
    j["instruments"] = learned_ ? nlohmann::json::parse(learnedInstrumentsToJson(*learned_)) : nlohmann::json(nullptr);
    return j.dump(1);
}

void TrainingSession::writeModel() {
    pos_.modelWritten = true;  // before infoJson(), which records it
    if (!writesFiles()) return;
    ModelFile file = runFile(ModelFileKind::Model, config_, infoJson(), corpus_.vocab, history_);
    file.tensors = exportParameters(*net_);
    if (config_.model.adapter.enabled()) {
        // The adapters alone: the file opens on top of its base (training/ModelAdapter.h).
        file.kind = ModelFileKind::Adapter;
        std::erase_if(file.tensors, [](const NamedTensor& t) { return !isAdapterTensor(t.name); });
    }
    if (!baseCardJson_.empty()) {  // a fine-tuned model says what it was fine-tuned from, and on what
        nlohmann::json card;
        card["fine_tuned_from"] = nlohmann::json::parse(baseCardJson_);
        card["fine_tuned_on"] = options_.dataPath;
        file.cardJson = card.dump(1);
    }
    writeModelFile(file, options_.modelPath);
}

void TrainingSession::writeCheckpoint() {
    // A resumed run that has not reached its first step yet still holds the checkpoint's whole state.
    if (pos_.stepInEpoch > 0 && !carry_.defined() && fullCarry_.defined()) {
        if (writesFiles()) writeRunCheckpoint(fullCarry_);
        pos_.lastCheckpoint = options_.checkpointPath;
        pos_.lastCheckpointEpoch = pos_.epochsDone;
        return;
    }
    LstmState carry = pos_.stepInEpoch > 0 ? carry_ : LstmState{};
    if (job_ && carry.defined()) {
        // Every rank's rows in one state, as one process would have it: summed from zeros holding each rank's own.
        // (Fitted to this rank's rows of the current group first: a stop agreed at a group's end leaves the
        // state of the group before.)
        carry = stateForBatch(carry, batchRows_.count);
        const auto gather = [&](const torch::Tensor& mine) {
            auto full = torch::zeros({mine.size(0), batchRows_.rows, mine.size(2)}, mine.options());
            full.narrow(1, batchRows_.first, batchRows_.count).copy_(mine);
            job_->allReduceSum(full);
            return full;
        };
        carry = LstmState{gather(carry.h), gather(carry.c)};
    }
    if (writesFiles()) writeRunCheckpoint(carry);  // the others only take part in the gathering
    pos_.lastCheckpoint = options_.checkpointPath;
    pos_.lastCheckpointEpoch = pos_.epochsDone;
}

void TrainingSession::writeRunCheckpoint(const LstmState& carry) {
    ModelFile file = runFile(ModelFileKind::Checkpoint, config_, infoJson(), corpus_.vocab, history_);
    file.tensors = exportParameters(*net_);
    if (carry.defined()) {
        file.tensors.push_back(fromTorch("carry.h", carry.h));
        file.tensors.push_back(fromTorch("carry.c", carry.c));
    }
    file.blobs.push_back({"optimizer", saveOptimizer(*optimizer_)});
    file.blobs.push_back({"rng", saveRngState()});
    writeModelFile(file, options_.checkpointPath);
}

TrainingStart TrainingSession::startInfo() const {
    TrainingStart s;
    describeDevice(s, device_);
    if (job_) s.device += ", rank " + std::to_string(job_->rank()) + " of " + std::to_string(job_->size()) + " (" + job_->gradientBackend() + ")";
    s.model = toString(config_.model.kind);
    s.representation = toString(config_.tokenizer.kind);
    s.vocabSize = config_.model.vocabSize;
    for (const auto& p : trainable_) s.parameters += p.numel();
    if (config_.model.adapter.enabled()) {
        std::int64_t all = 0;
        for (const auto& p : net_->parameters()) all += p.numel();
        s.model += " (" + std::to_string(all - s.parameters) + " parameters frozen) + rank-" +
                   std::to_string(config_.model.adapter.rank) + " adapters";
    }
    s.trainPieces = train_->pieceCount();
    s.validationPieces = validation_->pieceCount();
    s.trainTokens = train_->tokens();
    s.validationTokens = validation_->tokens();
    s.stepsPerEpoch = stepsPerEpoch_;
    s.firstEpoch = pos_.epochsDone + 1;
    s.epochs = config_.epochs;
    s.history = history_;
    return s;
}

TrainingResult TrainingSession::finish(TrainingOutcome outcome, std::string message) {
    if (outcome != TrainingOutcome::NonFinite) {
        writeCheckpoint();
        if (!pos_.modelWritten) writeModel();
    }
    TrainingResult r;
    r.outcome = outcome;
    r.epochsDone = pos_.epochsDone;
    r.steps = pos_.globalStep;
    r.bestValLoss = pos_.bestValLoss;
    r.bestEpoch = pos_.bestEpoch;
    r.modelPath = pos_.modelWritten ? options_.modelPath : std::string();
    r.checkpointPath = pos_.lastCheckpoint;
    r.history = history_;
    const std::string resumeHint = " (continue with --resume " + options_.checkpointPath + ")";
    switch (outcome) {
    case TrainingOutcome::Finished: {
        char best[64] = "no validation set";
        if (pos_.bestValLoss) std::snprintf(best, sizeof best, "best validation loss %.4f at epoch %d", *pos_.bestValLoss, pos_.bestEpoch);
        r.message = message.empty() ? "trained " + std::to_string(pos_.epochsDone) + (pos_.epochsDone == 1 ? " epoch, " : " epochs, ") +
                                          best + "; model: " + options_.modelPath
                                    : message;
        break;
    }
    case TrainingOutcome::Stopped:
        r.message = "stopped at epoch " + std::to_string(pos_.epochsDone + 1) + ", step " + std::to_string(pos_.globalStep) +
                    "; checkpoint saved" + resumeHint;
        break;
    case TrainingOutcome::TimeLimit:
        r.message = "time limit reached at epoch " + std::to_string(pos_.epochsDone + 1) + ", step " +
                    std::to_string(pos_.globalStep) + "; checkpoint saved" + resumeHint;
        break;
    case TrainingOutcome::NonFinite:
        r.message = "the loss became NaN/infinite at epoch " + std::to_string(pos_.epochsDone + 1) + ", step " +
                    std::to_string(nonFiniteAtStep_) + ": training stopped (try a lower --lr); " +
                    (pos_.lastCheckpoint.empty() ? std::string("no checkpoint had been written yet")
                                                 : "the last good checkpoint is " + pos_.lastCheckpoint + " (epoch " +
                                                       std::to_string(pos_.lastCheckpointEpoch) + ")");
        break;
    }
    if (observer_) observer_->onFinish(r);
    return r;
}

}  // namespace nf::engine
