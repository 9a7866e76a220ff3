// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/engine/TrainingHeap.h"
#include "training/engine/TrainingSession.h"
#include "training/engine/DrumGanSession.h"

#include "drums/BandOnsets.h"
#include "remi/ExampleBuilder.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <thread>

#include "tokenize/ValidationSplit.h"
#include "training/BlasInfo.h"
#include "training/ModelAdapter.h"
#include "training/StepRowInterval.h"
#include "training/engine/Engine.h"
#include "training/engine/TensorIO.h"

namespace nf::engine {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// bfloat16 autocast for the forward pass on CUDA (no loss scaling needed, unlike float16). The API moved in
// LibTorch 2.4; both spellings compile from the same source.
class AutocastScope {
public:
    explicit AutocastScope(bool on) : on_(on) {
        if (!on_) return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
        at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(true);
#endif
    }
    ~AutocastScope() {
        if (!on_) return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_enabled(at::kCUDA, false);
#else
        at::autocast::set_enabled(false);
#endif
        at::autocast::clear_cache();
    }
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool on_;
};

torch::Tensor toDevice(const std::vector<std::int32_t>& data, torch::Device device) {
    auto t = torch::empty({static_cast<int64_t>(data.size())}, torch::kInt64);
    auto* p = t.data_ptr<int64_t>();
    for (std::size_t i = 0; i < data.size(); ++i) p[i] = data[i];
    return t.to(device);
}

}  // namespace

TrainingSession::TrainingSession(TrainingConfig config, TrainerOptions options, const TokenizedCorpus& corpus,
                                 TrainingObserver* observer, TrainingControl* control)
    : config_(std::move(config)), options_(std::move(options)), corpus_(corpus), observer_(observer), control_(control) {}

void TrainingSession::setUp() {
    if (!options_.resumeFrom.empty() && !options_.initFrom.empty())
        throw std::runtime_error("a run either resumes a checkpoint or starts from a model, not both");
    if (options_.checkpointPath.empty()) options_.checkpointPath = options_.modelPath + ".ckpt";
    if (!options_.resumeFrom.empty()) resume();
    config_.model.vocabSize = corpus_.vocab.size();
    config_.tokenizer = corpus_.tokenizer;
    config_.validate();
    if (!options_.initFrom.empty()) readInitModel();
    if (corpus_.vocab.size() < 2) throw std::runtime_error("the corpus has fewer than two distinct tokens: nothing to learn");

    const int threads = config_.threads > 0 ? config_.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    setBlasThreads(threads);
    device_ = resolveDevice(config_.device);
    joinJob();

    const auto split = splitByPiece(corpus_.pieces.size(), config_.valShare, config_.seed);
    train_ = std::make_unique<EpochChunks>(corpus_, std::vector<std::size_t>(split.train.begin(), split.train.end()), config_);
    validation_ = std::make_unique<EpochChunks>(corpus_, std::vector<std::size_t>(split.validation.begin(), split.validation.end()), config_);
    countLearnedInstruments(std::vector<std::size_t>(split.train.begin(), split.train.end()));
    if (config_.model.manyToOne && corpus_.shards && train_->tokens() > static_cast<std::size_t>(config_.chunkTokens))
        throw std::runtime_error("the many-to-one models (paper-midi) read their whole stream at once; this token shard "
                                 "corpus is larger than --chunk-tokens: train lstm or transformer on it");

    if (const auto given = givenTokenMask(config_.tokenizer, corpus_.vocab); std::find(given.begin(), given.end(), true) != given.end()) {
        std::vector<std::uint8_t> flags(given.begin(), given.end());
        givenTargets_ = torch::tensor(flags, torch::kUInt8).to(torch::kBool).to(device_);
    }

    torch::manual_seed(config_.seed);
    net_ = MusicNet(config_.model);
    net_->to(device_);
    trainable_.clear();
    for (auto& p : net_->named_parameters()) {
        // An adapter run trains the adapters alone: the base's weights keep what it knew (training/AdapterSettings.h).
        const bool learns = !config_.model.adapter.enabled() || isAdapterTensor(p.key());
        p.value().set_requires_grad(learns);
        if (learns) trainable_.push_back(p.value());
    }
    optimizer_ = makeOptimizer(config_.optimizer, trainable_);
    stepsPerEpoch_ = stepsInEpoch(1);
    if (stepsPerEpoch_ == 0) throw std::runtime_error("the training pieces hold fewer than two tokens: nothing to learn");
    stepRowEvery_ = stepRowInterval(config_.metricsEverySteps, options_.minStepRowsPerEpoch, stepsPerEpoch_);
}

std::int64_t TrainingSession::stepsInEpoch(int epoch) const {
    if (config_.model.manyToOne) {
        const auto plan = planWindows(train_->loadAll()->sequences, config_.seqLength, config_.windowStride, false, config_.seed, epoch);
        return (static_cast<std::int64_t>(plan.starts.size()) + config_.batchSize - 1) / config_.batchSize;
    }
    // A corpus of several groups is planned group by group, each loaded and let go (memory for one at a time).
    std::int64_t steps = 0;
    const auto groups = train_->groups(epoch);
    for (std::size_t k = 0; k < groups.size(); ++k) {
        const auto chunk = train_->load(groups[k], k, epoch);
        steps += planStreams(chunk->sequences, config_.batchSize, config_.seqLength, true, chunk->seed, epoch).windows;
    }
    return steps;
}

double TrainingSession::learningRateAt(std::int64_t step, int epochIndex) const {
    const auto& o = config_.optimizer;
    if (o.schedule == LrSchedule::Step) return o.learningRate * std::pow(o.stepGamma, epochIndex / o.stepEpochs);
    if (o.schedule == LrSchedule::Cosine) {
        // Warm-up never takes more than a tenth of the run: small data sets have few steps per epoch.
        const double steps = static_cast<double>(stepsPerEpoch_) * config_.epochs;
        const auto warmup = static_cast<std::int64_t>(std::min<double>(o.warmupSteps, steps / 10));
        if (step < warmup) return o.learningRate * static_cast<double>(step + 1) / static_cast<double>(warmup);
        const double total = std::max(1.0, steps - static_cast<double>(warmup));
        double progress = std::min(1.0, static_cast<double>(step - warmup) / total);
        // With a time budget the decay follows the clock too, so a run cut short still ends at a low rate.
        // (Then the schedule depends on speed, so such runs are not bit-for-bit repeatable.)
        if (config_.maxMinutes > 0) progress = std::max(progress, std::min(1.0, scheduleClock() / (config_.maxMinutes * 60.0)));
        const double floor = o.learningRate * o.minLrFactor;
        return floor + (o.learningRate - floor) * 0.5 * (1.0 + std::cos(M_PI * progress));
    }
    return o.learningRate;
}

// Given targets become cross_entropy's ignore index (-100): neither scored nor counted.
torch::Tensor TrainingSession::scoredTargets(const torch::Tensor& flatTargets) const {
    if (!givenTargets_.defined()) return flatTargets;
    return flatTargets.masked_fill(givenTargets_.index({flatTargets}), -100);
}

bool TrainingSession::step(const torch::Tensor& inputs, const torch::Tensor& targets, LstmState& carry) {
    const auto t0 = Clock::now();
    const double lr = learningRateAt(pos_.globalStep, pos_.epochsDone);
    for (auto& group : optimizer_->param_groups()) group.options().set_lr(lr);
    optimizer_->zero_grad();
    double lossValue = 0, correct = 0, n = 0;
    bool finite = true;
    if (inputs.size(0) > 0) {  // a rank may have no rows in the last, short batch of a many-to-one epoch
        torch::Tensor logits;
        {
            AutocastScope autocast(config_.mixedPrecision && device_.is_cuda());
            // Many-to-one windows are drawn at random, so each starts from a zero state; many-to-many windows
            // continue the rows of the previous batch and may carry its (detached) state.
            const bool carries = config_.carryState && !config_.model.manyToOne;
            auto [out, next] = net_->forward(inputs, carries ? carry : LstmState{});
            logits = out;
            carry = carries ? next.detached() : LstmState{};
        }
        const int64_t V = logits.size(-1);
        const auto flatLogits = logits.reshape({-1, V}).to(torch::kFloat);
        const auto flatTargets = scoredTargets(targets.reshape({-1}));
        n = givenTargets_.defined() ? flatTargets.ne(-100).sum().item<double>() : static_cast<double>(flatTargets.numel());
        // A batch of given tokens only has nothing to learn (the mean over no targets would be NaN).
        auto loss = n > 0 ? torch::nn::functional::cross_entropy(flatLogits, flatTargets) : flatLogits.sum() * 0;
        if (pos_.globalStep == options_.injectNonFiniteAtStep) loss = loss + std::numeric_limits<double>::quiet_NaN();
        lossValue = loss.item<double>();
        finite = std::isfinite(lossValue);
        if (finite) {
            loss.backward();
            correct = flatLogits.argmax(1).eq(flatTargets).sum().item<double>();
        }
    }
    const StepTotals total = combineStep(finite ? lossValue * n : 0, correct, n, !finite);
    if (total.nonFinite) {
        nonFiniteAtStep_ = pos_.globalStep;
        return false;
    }
    if (gradients_) gradients_->average(total.count > 0 ? n / total.count : 0);
    if (config_.optimizer.clipNorm > 0) torch::nn::utils::clip_grad_norm_(trainable_, config_.optimizer.clipNorm);
    optimizer_->step();
    const double seconds = secondsSince(t0);
    pos_.lossSum += total.lossSum;
    pos_.correct += total.correct;
    pos_.count += total.count;
    pos_.seconds += seconds;
    pos_.rowLossSum += total.lossSum;
    pos_.rowCorrect += total.correct;
    pos_.rowCount += total.count;
    pos_.rowSeconds += seconds;
    pos_.elapsed += seconds;
    ++pos_.globalStep;
    ++pos_.stepInEpoch;
    return true;
}

EvalResult TrainingSession::evaluate() {
    EvalResult r;
    if (validation_->pieceCount() == 0) return r;
    torch::NoGradGuard noGrad;
    net_->eval();
    double lossSum = 0;
    auto accumulate = [&](const torch::Tensor& logits, const torch::Tensor& targets) {
        const auto flat = logits.reshape({-1, logits.size(-1)}).to(torch::kFloat);
        const auto t = scoredTargets(targets.reshape({-1}));
        lossSum += torch::nn::functional::cross_entropy(flat, t, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum)).item<double>();
        r.accuracy += flat.argmax(1).eq(t).sum().item<double>();
        r.count += givenTargets_.defined() ? t.ne(-100).sum().item<double>() : static_cast<double>(t.numel());
    };
    AutocastScope autocast(config_.mixedPrecision && device_.is_cuda());
    if (config_.model.manyToOne) {
        // At most ~8k windows, evenly spread, so validation stays a small share of an epoch.
        auto plan = planWindows(validation_->loadAll()->sequences, config_.seqLength, 1, false, config_.seed, 0);
        const auto stride = std::max<std::size_t>(1, plan.starts.size() / 8192);
        const auto stream = toDevice(plan.stream, device_);
        const auto offsets = torch::arange(plan.length, torch::TensorOptions().dtype(torch::kInt64).device(device_));
        std::vector<int64_t> all;
        for (std::size_t i = 0; i < plan.starts.size(); i += stride) all.push_back(plan.starts[i]);
        const auto [first, last] = job_ ? job_->shareOf(static_cast<std::int64_t>(all.size()))
                                        : std::pair<std::int64_t, std::int64_t>{0, static_cast<std::int64_t>(all.size())};
        const std::vector<int64_t> starts(all.begin() + first, all.begin() + last);
        const int64_t batch = std::max(config_.batchSize, 256);
        for (std::size_t b = 0; b < starts.size(); b += static_cast<std::size_t>(batch)) {
            const auto e = std::min(starts.size(), b + static_cast<std::size_t>(batch));
            auto s = torch::tensor(std::vector<int64_t>(starts.begin() + static_cast<std::ptrdiff_t>(b), starts.begin() + static_cast<std::ptrdiff_t>(e)), torch::kInt64).to(device_);
            auto [logits, unused] = net_->forward(stream.index({s.unsqueeze(1) + offsets}));
            accumulate(logits, stream.index({s + plan.length}));
        }
    } else {
        // Group by group (one for any corpus that fits in memory); the state carries on across groups as across
        // the pieces joined in a row.
        const auto groups = validation_->groups(-1);
        LstmState carry;
        for (std::size_t k = 0; k < groups.size(); ++k) {
            const auto plan = planStreams(validation_->load(groups[k], k, -1)->sequences, config_.batchSize,
                                          config_.seqLength, false, config_.seed, 0);
            if (plan.rows == 0) continue;  // fewer than two held-out tokens: nothing to predict
            const auto [first, last] = job_ ? job_->shareOf(plan.rows) : std::pair<std::int64_t, std::int64_t>{0, plan.rows};
            const auto data = toDevice(plan.data, device_).view({plan.rows, -1}).narrow(0, first, last - first);
            for (int64_t w = 0; last > first && w < plan.windows; ++w) {
                auto [logits, next] = net_->forward(data.narrow(1, w * plan.length, plan.length), carry);
                carry = config_.carryState ? next : LstmState{};
                accumulate(logits, data.narrow(1, w * plan.length + 1, plan.length));
            }
        }
    }
    net_->train();
    if (job_) {  // each rank scored its share of the held-out windows
        auto sums = torch::tensor({lossSum, r.accuracy, r.count}, torch::kFloat64);
        job_->allReduceSum(sums);
        const auto a = sums.accessor<double, 1>();
        lossSum = a[0];
        r.accuracy = a[1];
        r.count = a[2];
    }
    if (r.count > 0) {
        r.loss = lossSum / r.count;
        r.accuracy /= r.count;
    }
    return r;
}

bool TrainingSession::validatedAtThisStep() const {
    return !history_.empty() && history_.back().step == pos_.globalStep && history_.back().valLoss.has_value();
}

double TrainingSession::elapsedNow() const { return elapsedAtStart_ + secondsSince(sessionStart_) - pausedSeconds_; }

bool TrainingSession::waitWhilePaused(int epoch) {
    // One rank waiting would hold up every other at the next exchange until the timeout: a job stops together
    // (combineStep) but does not pause.
    if (job_) return !jobStop_;
    if (!control_) return true;
    if (control_->pauseRequested() && !control_->stopRequested()) {
        const auto t0 = Clock::now();
        lastProgress_ = {};
        if (observer_) {
            TrainingProgress p;
            p.epoch = epoch;
            p.epochs = config_.epochs;
            p.paused = true;
            p.globalStep = pos_.globalStep;
            observer_->onProgress(p);
        }
        while (control_->pauseRequested() && !control_->stopRequested())
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        pausedSeconds_ += secondsSince(t0);
    }
    return !control_->stopRequested();
}

void TrainingSession::emitProgress(int epoch) {
    if (!observer_) return;
    const auto now = Clock::now();
    // A few updates a second are enough for any display; more would only cost time on the training thread.
    if (now - lastProgress_ < std::chrono::milliseconds(200) && pos_.stepInEpoch < currentEpochSteps_) return;
    lastProgress_ = now;
    TrainingProgress p;
    p.epoch = epoch;
    p.epochs = config_.epochs;
    p.stepInEpoch = pos_.stepInEpoch;
    p.stepsPerEpoch = currentEpochSteps_;
    p.globalStep = pos_.globalStep;
    p.loss = pos_.count > 0 ? pos_.lossSum / pos_.count : 0;
    p.accuracy = pos_.count > 0 ? pos_.correct / pos_.count : 0;
    p.tokensPerSecond = pos_.seconds > 0 ? pos_.count / pos_.seconds : 0;
    p.elapsedSeconds = elapsedNow();
    const double perStep = pos_.stepInEpoch > 0 ? pos_.seconds / static_cast<double>(pos_.stepInEpoch) : 0;
    const double remaining = static_cast<double>(currentEpochSteps_ - pos_.stepInEpoch) +
                             static_cast<double>(stepsPerEpoch_) * (config_.epochs - epoch);
    p.etaSeconds = perStep * remaining;
    observer_->onProgress(p);
}

void TrainingSession::recordStepRow(int epoch) {
    MetricsRow row;
    row.epoch = epoch;
    row.step = pos_.globalStep;
    row.wallSeconds = elapsedNow();
    row.trainLoss = pos_.rowCount > 0 ? pos_.rowLossSum / pos_.rowCount : 0;
    row.trainAccuracy = pos_.rowCount > 0 ? pos_.rowCorrect / pos_.rowCount : 0;
    row.tokensPerSecond = pos_.rowSeconds > 0 ? pos_.rowCount / pos_.rowSeconds : 0;
    row.learningRate = learningRateAt(std::max<std::int64_t>(0, pos_.globalStep - 1), pos_.epochsDone);
    pos_.rowLossSum = pos_.rowCorrect = pos_.rowCount = pos_.rowSeconds = 0;
    history_.push_back(row);
    if (observer_) observer_->onMetrics(row);
}

void TrainingSession::validateAndRecord(int epoch, std::optional<std::int64_t> stepRow, double epochSeconds) {
    const EvalResult ev = evaluate();
    MetricsRow row;
    row.epoch = epoch;
    row.step = stepRow;
    row.wallSeconds = elapsedNow();
    row.learningRate = learningRateAt(std::max<std::int64_t>(0, pos_.globalStep - 1), epoch - 1);
    if (stepRow) {
        row.trainLoss = pos_.rowCount > 0 ? pos_.rowLossSum / pos_.rowCount : 0;
        row.trainAccuracy = pos_.rowCount > 0 ? pos_.rowCorrect / pos_.rowCount : 0;
        row.tokensPerSecond = pos_.rowSeconds > 0 ? pos_.rowCount / pos_.rowSeconds : 0;
        pos_.rowLossSum = pos_.rowCorrect = pos_.rowCount = pos_.rowSeconds = 0;
    } else {
        row.trainLoss = pos_.count > 0 ? pos_.lossSum / pos_.count : 0;
        row.trainAccuracy = pos_.count > 0 ? pos_.correct / pos_.count : 0;
        row.tokensPerSecond = pos_.seconds > 0 ? pos_.count / pos_.seconds : 0;
        row.epochSeconds = epochSeconds;
    }
    if (ev.count > 0) {
        row.valLoss = ev.loss;
        row.valAccuracy = ev.accuracy;
        row.valPerplexity = std::exp(ev.loss);
    }
    history_.push_back(row);
    if (observer_) observer_->onMetrics(row);
    if (ev.count > 0 && (!pos_.bestValLoss || ev.loss < *pos_.bestValLoss)) {
        pos_.bestValLoss = ev.loss;
        pos_.bestEpoch = epoch;
        writeModel();
    } else if (ev.count == 0 && !stepRow) {
        writeModel();  // no validation set: the latest weights are the model
    }
}

std::optional<TrainingOutcome> TrainingSession::afterStep(int epoch) {
    emitProgress(epoch);
    if (options_.validateEverySteps > 0 && pos_.globalStep % options_.validateEverySteps == 0)
        validateAndRecord(epoch, pos_.globalStep, 0);
    else if (stepRowEvery_ > 0 && pos_.globalStep % stepRowEvery_ == 0)
        recordStepRow(epoch);
    if (config_.maxMinutes > 0 && scheduleClock() >= config_.maxMinutes * 60.0) return TrainingOutcome::TimeLimit;
    return std::nullopt;
}

std::optional<TrainingOutcome> TrainingSession::trainEpoch(int epoch) {
    net_->train();
    if (pos_.stepInEpoch == 0) carry_ = {};
    // Steps until the epoch's step `end`; batchAt(w) gives window w of the current plan, whose first window is the
    // epoch's step `base`.
    const auto stepsUntil = [&](std::int64_t end, std::int64_t base,
                                const std::function<std::pair<torch::Tensor, torch::Tensor>(int64_t)>& batchAt)
        -> std::optional<TrainingOutcome> {
        while (pos_.stepInEpoch < end) {
            if (!waitWhilePaused(epoch)) return TrainingOutcome::Stopped;
            auto [inputs, targets] = batchAt(pos_.stepInEpoch - base);
            if (!step(inputs, targets, carry_)) return TrainingOutcome::NonFinite;
            if (auto outcome = afterStep(epoch)) return outcome;
        }
        return std::nullopt;
    };
    if (config_.model.manyToOne) {
        auto plan = planWindows(train_->loadAll()->sequences, config_.seqLength, config_.windowStride, true, config_.seed, epoch);
        const auto stream = toDevice(plan.stream, device_);
        const int64_t length = plan.length;
        const auto offsets = torch::arange(length, torch::TensorOptions().dtype(torch::kInt64).device(device_));
        const std::vector<int64_t> starts = std::move(plan.starts);
        currentEpochSteps_ = (static_cast<int64_t>(starts.size()) + config_.batchSize - 1) / config_.batchSize;
        const auto batchAt = [&](int64_t s) {
            // This rank's part of batch s (all of it in an ordinary run).
            const auto b0 = s * config_.batchSize;
            const auto e0 = std::min<std::int64_t>(static_cast<std::int64_t>(starts.size()), b0 + config_.batchSize);
            const auto [first, last] = job_ ? job_->shareOf(e0 - b0) : std::pair<std::int64_t, std::int64_t>{0, e0 - b0};
            const auto b = static_cast<std::size_t>(b0 + first);
            const auto e = static_cast<std::size_t>(b0 + last);
            auto idx = torch::tensor(std::vector<int64_t>(starts.begin() + static_cast<std::ptrdiff_t>(b), starts.begin() + static_cast<std::ptrdiff_t>(e)), torch::kInt64).to(device_);
            return std::make_pair(stream.index({idx.unsqueeze(1) + offsets}), stream.index({idx + length}));
        };
        if (auto outcome = stepsUntil(currentEpochSteps_, 0, batchAt)) return outcome;
    } else {
        // Group by group (one group for any corpus that fits in memory: the epoch as it always was).
        const auto groups = train_->groups(epoch);
        if (groups.size() > 1) currentEpochSteps_ = stepsInEpoch(epoch);  // the whole epoch, for progress
        std::int64_t groupStart = 0;
        for (std::size_t k = 0; k < groups.size(); ++k) {
            const auto chunk = train_->load(groups[k], k, epoch);
            const auto plan = planStreams(chunk->sequences, config_.batchSize, config_.seqLength, true, chunk->seed, epoch);
            if (groups.size() == 1) currentEpochSteps_ = plan.windows;
            const std::int64_t groupEnd = groupStart + plan.windows;
            if (pos_.stepInEpoch >= groupEnd) {  // trained before the run was resumed
                groupStart = groupEnd;
                continue;
            }
            const auto [first, last] = rowsOf(plan.rows);
            auto data = toDevice(plan.data, device_).view({plan.rows, -1});
            if (job_) data = data.narrow(0, first, last - first).contiguous();
            batchRows_ = {plan.rows, first, last - first};
            if (fullCarry_.defined()) {  // a checkpoint's state: this rank's rows of it
                const LstmState full = stateForBatch(fullCarry_, plan.rows);
                carry_ = LstmState{full.h.narrow(1, first, last - first).contiguous(), full.c.narrow(1, first, last - first).contiguous()};
                fullCarry_ = {};
            }
            const int64_t length = plan.length;
            const auto batchAt = [&](int64_t w) {
                return std::make_pair(data.narrow(1, w * length, length), data.narrow(1, w * length + 1, length));
            };
            if (auto outcome = stepsUntil(groupEnd, groupStart, batchAt)) return outcome;
            groupStart = groupEnd;
        }
    }
    const double epochSeconds = pos_.seconds;
    pos_.epochsDone = epoch;
    pos_.stepInEpoch = 0;
    carry_ = {};
    validateAndRecord(epoch, std::nullopt, epochSeconds);
    pos_.lossSum = pos_.correct = pos_.count = pos_.seconds = 0;
    if (config_.checkpointEvery > 0 && epoch % config_.checkpointEvery == 0 && epoch < config_.epochs) writeCheckpoint();
    return std::nullopt;
}

TrainingResult TrainingSession::run() {
    fingerprint_ = corpus_.fingerprint;
    try {
        setUp();
        if (initFile_) {
            // The base has no adapters: they keep their start (B = 0, the base's own output).
            importParameters(*net_, initFile_->tensors, options_.initFrom, config_.model.adapter.enabled());
            initFile_.reset();
        }
        if (resumeFile_) {
            importParameters(*net_, resumeFile_->tensors, options_.resumeFrom);
            const auto* h = resumeFile_->findTensor("carry.h");
            const auto* c = resumeFile_->findTensor("carry.c");
            if (h && c) fullCarry_ = LstmState{toTorch(*h).to(device_), toTorch(*c).to(device_)};
            if (const auto* opt = resumeFile_->findBlob("optimizer")) loadOptimizer(*optimizer_, opt->bytes, device_);
            if (const auto* rng = resumeFile_->findBlob("rng")) loadRngState(rng->bytes);
            elapsedAtStart_ = pos_.elapsed;
            resumeFile_.reset();
        }
        startTogether();
        sessionStart_ = Clock::now();
        if (observer_) observer_->onStart(startInfo());
        if (observer_ && job_) {
            char line[160];
            std::snprintf(line, sizeof line, "data-parallel: %d ranks over %s share each batch of %d; every step "
                          "exchanges %.2f MB of gradients a rank", job_->size(), job_->gradientBackend(), config_.batchSize,
                          static_cast<double>(gradients_->bytesPerStep()) / 1e6);
            observer_->onMessage(line);
        }
        if (pos_.epochsDone >= config_.epochs)
            return finish(TrainingOutcome::Finished, "already trained " + std::to_string(pos_.epochsDone) +
                                                         " epochs; ask for more with --epochs");
        for (int epoch = pos_.epochsDone + 1; epoch <= config_.epochs; ++epoch)
            if (auto outcome = trainEpoch(epoch)) {
                // A time budget shorter than an epoch (paper-midi on a laptop) would otherwise leave a model that
                // was never validated: measure the weights reached, and keep them if they are the best so far.
                if (*outcome == TrainingOutcome::TimeLimit && pos_.stepInEpoch > 0 && !validatedAtThisStep())
                    validateAndRecord(epoch, pos_.globalStep, 0);
                return finish(*outcome, {});
            }
        return finish(TrainingOutcome::Finished, {});
    } catch (const std::bad_alloc&) {
        throw std::runtime_error("out of memory with batch " + std::to_string(config_.batchSize) + " and window " +
                                 std::to_string(config_.seqLength) + (corpus_.shards ? "; try a smaller --chunk-tokens" :
                                 "; a corpus larger than memory trains from token shards (noteforge-cli tokenize)"));
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        if (what.find("out of memory") != std::string::npos)
            throw std::runtime_error("out of GPU memory with batch " + std::to_string(config_.batchSize) +
                                     " and window " + std::to_string(config_.seqLength) + "; try --batch " +
                                     std::to_string(std::max(1, config_.batchSize / 2)) + " or a smaller --seq");
        throw std::runtime_error("LibTorch error: " + what.substr(0, what.find('\n')));
    }
}

TrainingResult train(const TrainingConfig& config, const TrainerOptions& options, const TokenizedCorpus& corpus,
                     TrainingObserver* observer, TrainingControl* control) {
    if (options.modelPath.empty()) throw std::runtime_error("no output model path given");
    const TrainingHeap heap;  // declared first: the session's tensors are freed before it gives memory back
    // A resumed run is the checkpoint's kind of run, whatever the configuration given (the studio's form may show
    // another preset).
    const bool drumGan = options.resumeFrom.empty()
                             ? config.model.isDrumGan()
                             : TrainingConfig::fromJson(readModelFile(options.resumeFrom).configJson).model.isDrumGan();
    if (drumGan) {
        if (options.distributed && options.distributed->worldSize > 1)
            throw std::runtime_error("the drum GAN trains in one process (its batches are small): start one rank");
        if (corpus.shards)
            throw std::runtime_error("the drum GAN reads its data in memory, not from token shards: train it on the folder");
        DrumGanSession session(config, options, corpus, observer, control);
        return session.run();
    }
    TrainingSession session(config, options, corpus, observer, control);
    return session.run();
}

std::string torchVersion() { return TORCH_VERSION; }

bool cudaAvailable() { return torch::cuda::is_available(); }

}  // namespace nf::engine
