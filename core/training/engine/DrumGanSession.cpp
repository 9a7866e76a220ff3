// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/engine/DrumGanSession.h"

#include <algorithm>
#include <cmath>
#include <thread>

#include "drums/DrumGanSampling.h"
#include "tokenize/ValidationSplit.h"
#include "training/BlasInfo.h"
#include "training/StepRowInterval.h"
#include "training/engine/MusicNet.h"
#include "training/engine/TensorIO.h"

#include <map>

namespace nf::engine {

namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The held-out check samples this many parts of this many bars, on the same noise every time (seeded), so that
// epochs are compared on equal terms.
constexpr int kCheckParts = 32;
constexpr int kCheckBars = 8;

}  // namespace

DrumGanSession::DrumGanSession(TrainingConfig config, TrainerOptions options, const TokenizedCorpus& corpus,
                               TrainingObserver* observer, TrainingControl* control)
    : config_(std::move(config)), options_(std::move(options)), corpus_(corpus), observer_(observer), control_(control) {}

void DrumGanSession::setUp() {
    if (!options_.initFrom.empty())
        throw std::runtime_error("a drum GAN trains from nothing: there is no base drum GAN to fine-tune (drop --init)");
    if (options_.checkpointPath.empty()) options_.checkpointPath = options_.modelPath + ".ckpt";
    if (!options_.resumeFrom.empty()) resume();
    config_.model.vocabSize = corpus_.vocab.size();
    config_.tokenizer = corpus_.tokenizer;
    config_.validate();

    const int threads = config_.threads > 0 ? config_.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    setBlasThreads(threads);
    device_ = resolveDevice(config_.device);

    const auto split = splitByPiece(corpus_.pieces.size(), config_.valShare, config_.seed);
    trainPieces_ = split.train.size();
    validationPieces_ = split.validation.size();
    for (auto i : split.train) trainTokens_ += corpus_.pieces[i].ids.size();
    for (auto i : split.validation) validationTokens_ += corpus_.pieces[i].ids.size();
    const auto training = drumGanPiecesOf(corpus_, split.train);
    auto& gan = config_.model.gan;
    // Band features that are always silent would leave their weights untrained, and Add Part would then feed
    // them a band through random weights: a GAN hears the band only when it has learnt from one.
    if (gan.band && std::none_of(training.begin(), training.end(), [](const DrumGanPiece& p) { return p.band.has_value(); }))
        throw std::runtime_error("no training piece has a band (other parts beside the drums): nothing for the drum GAN "
                                 "to hear; drop --follow-band or add files with a band");
    if (!resumeFile_) {  // a resumed run keeps the form it learnt
        const DrumBarForm form = commonDrumBarForm(drumsOf(training));
        if (form.bars == 0) throw std::runtime_error("the training pieces have no drum hits: nothing for the drum GAN to learn");
        gan.stepsPerQuarter = form.stepsPerQuarter;
        gan.numerator = form.numerator;
        gan.denominator = form.denominator;
    }
    const DrumBarForm form{gan.stepsPerQuarter, gan.numerator, gan.denominator, 0};
    DrumGanTrainingSet set = drumGanTrainingSet(training, gan);
    const auto barCount = static_cast<int64_t>(set.bars);
    if (barCount < 2)
        throw std::runtime_error("the training pieces have no whole " + std::to_string(form.numerator) + "/" +
                                 std::to_string(form.denominator) + " bars with drums for the drum GAN (it needs two at least)");
    shape_.steps = drumStepsInMeter(form.stepsPerQuarter, form.numerator, form.denominator);
    shape_.classes = kDrumClassCount;
    shape_.noise = gan.noise;
    shape_.hidden = config_.model.hiddenSize;
    shape_.conditions = drumGanConditionSize(gan);
    bars_ = torch::from_blob(set.values.data(), {barCount, shape_.steps, shape_.channels()}, torch::kFloat).clone().to(device_);
    if (shape_.conditions > 0)
        conditions_ = torch::from_blob(set.conditions.data(), {barCount, shape_.steps, shape_.conditions}, torch::kFloat).clone().to(device_);

    // The reference figures: the held-out pieces' parts in this form, or the training pieces' without a held-out set.
    checkParts_ = drumPartsInForm(drumGanPiecesOf(corpus_, split.validation), form);
    if (checkParts_.empty()) checkParts_ = drumPartsInForm(training, form);
    reference_ = DrumFigures::of(drumsOf(checkParts_));

    torch::manual_seed(config_.seed);
    root_ = std::make_shared<torch::nn::Module>();
    if (gan.generator == DrumGanGenerator::Paper)
        generator_.paper = root_->register_module("generator", PaperDrumGenerator(shape_));
    else
        generator_.lstm = root_->register_module("generator", LstmDrumGenerator(shape_));
    critic_ = root_->register_module("critic", DrumCritic(shape_));
    root_->to(device_);
    generatorOptimizer_ = makeOptimizer(config_.optimizer, generator_.module().parameters());
    criticOptimizer_ = makeOptimizer(config_.optimizer, critic_->parameters());
    const int64_t batch = std::min<int64_t>(config_.batchSize, bars_.size(0));
    stepsPerEpoch_ = bars_.size(0) / batch;
    stepRowEvery_ = stepRowInterval(config_.metricsEverySteps, options_.minStepRowsPerEpoch, stepsPerEpoch_);
}

double DrumGanSession::elapsedNow() const { return elapsed_ + secondsSince(sessionStart_) - pausedSeconds_; }

std::vector<DrumPattern> DrumGanSession::conditionedCheckParts() {
    const auto& gan = config_.model.gan;
    const auto width = static_cast<std::size_t>(shape_.steps) * static_cast<std::size_t>(shape_.conditions);
    const std::size_t barSize = static_cast<std::size_t>(shape_.steps) * static_cast<std::size_t>(shape_.channels());
    // Parts spread over the held-out set (it lists pieces in the split's order), each check part's bars cycling
    // through its held-out part's bars, so a short part still gives kCheckBars bars of band.
    std::vector<const DrumGanPiece*> heard;
    for (int p = 0; p < kCheckParts; ++p)
        heard.push_back(&checkParts_[static_cast<std::size_t>(p) * checkParts_.size() / kCheckParts]);
    std::vector<DrumGanNoise> chains;
    for (int p = 0; p < kCheckParts; ++p)
        chains.emplace_back(shape_.noise, gan.barCorrelation, config_.seed + 1000 + static_cast<std::uint64_t>(p));
    std::mt19937_64 rng(config_.seed + 7);
    std::vector<DrumPattern> parts(kCheckParts);
    std::vector<float> noise(static_cast<std::size_t>(kCheckParts * shape_.noise)), conditions(kCheckParts * width);
    for (int b = 0; b < kCheckBars; ++b) {
        for (int p = 0; p < kCheckParts; ++p) {
            const auto at = static_cast<std::size_t>(p);
            const auto& n = chains[at].next();
            std::copy(n.begin(), n.end(), noise.begin() + static_cast<std::ptrdiff_t>(at * static_cast<std::size_t>(shape_.noise)));
            DrumGanBarCue cue;
            const DrumGanPiece& part = *heard[at];
            if (part.band) cue.band = &(*part.band)[static_cast<std::size_t>(b) % part.band->size()];
            if (b > 0) cue.previous = &parts[at].bars.back();
            drumGanBarConditions(gan, shape_.steps, cue, conditions.data() + at * width);
        }
        const auto output =
            generator_
                .forward(torch::from_blob(noise.data(), {kCheckParts, shape_.noise}, torch::kFloat).to(device_),
                         torch::from_blob(conditions.data(), {kCheckParts, shape_.steps, shape_.conditions}, torch::kFloat).to(device_))
                .to(torch::kCPU)
                .contiguous();
        const float* out = output.data_ptr<float>();
        for (int p = 0; p < kCheckParts; ++p) {
            parts[static_cast<std::size_t>(p)].stepsPerQuarter = gan.stepsPerQuarter;
            parts[static_cast<std::size_t>(p)].bars.push_back(drumBarFromGanOutput(
                out + static_cast<std::size_t>(p) * barSize, shape_.steps, gan.numerator, gan.denominator, rng));
        }
    }
    return parts;
}

double DrumGanSession::heldOutDistance() {
    torch::NoGradGuard noGrad;
    generator_.module().eval();
    if (shape_.conditions > 0) {
        const std::vector<DrumPattern> parts = conditionedCheckParts();
        generator_.module().train();
        return drumFigureDistance(DrumFigures::of(parts), *reference_);
    }
    std::vector<float> noise;
    for (int p = 0; p < kCheckParts; ++p) {
        DrumGanNoise chain(shape_.noise, config_.model.gan.barCorrelation, config_.seed + 1000 + static_cast<std::uint64_t>(p));
        for (int b = 0; b < kCheckBars; ++b) {
            const auto& n = chain.next();
            noise.insert(noise.end(), n.begin(), n.end());
        }
    }
    const auto input = torch::from_blob(noise.data(), {kCheckParts * kCheckBars, shape_.noise}, torch::kFloat).to(device_);
    const auto output = generator_.forward(input).to(torch::kCPU).contiguous();
    generator_.module().train();
    const float* out = output.data_ptr<float>();
    const std::size_t barSize = static_cast<std::size_t>(shape_.steps) * static_cast<std::size_t>(shape_.channels());
    std::mt19937_64 rng(config_.seed + 7);
    std::vector<DrumPattern> parts(kCheckParts);
    const auto& gan = config_.model.gan;
    for (int p = 0; p < kCheckParts; ++p) {
        parts[static_cast<std::size_t>(p)].stepsPerQuarter = gan.stepsPerQuarter;
        for (int b = 0; b < kCheckBars; ++b)
            parts[static_cast<std::size_t>(p)].bars.push_back(drumBarFromGanOutput(
                out + static_cast<std::size_t>(p * kCheckBars + b) * barSize, shape_.steps, gan.numerator, gan.denominator, rng));
    }
    return drumFigureDistance(DrumFigures::of(parts), *reference_);
}

bool DrumGanSession::waitWhilePaused(int epoch) {
    if (!control_) return true;
    if (control_->pauseRequested() && !control_->stopRequested()) {
        const auto t0 = Clock::now();
        if (observer_) {
            TrainingProgress p;
            p.epoch = epoch;
            p.epochs = config_.epochs;
            p.paused = true;
            p.globalStep = globalStep_;
            observer_->onProgress(p);
        }
        while (control_->pauseRequested() && !control_->stopRequested()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        pausedSeconds_ += secondsSince(t0);
        lastProgress_ = {};
    }
    return !control_->stopRequested();
}

void DrumGanSession::emitProgress(int epoch, bool force) {
    if (!observer_) return;
    const auto now = Clock::now();
    if (!force && now - lastProgress_ < std::chrono::milliseconds(200)) return;
    lastProgress_ = now;
    TrainingProgress p;
    p.epoch = epoch;
    p.epochs = config_.epochs;
    p.stepInEpoch = static_cast<std::int64_t>(epochSteps_);
    p.stepsPerEpoch = stepsPerEpoch_;
    p.globalStep = globalStep_;
    p.loss = epochSteps_ > 0 ? generatorSum_ / epochSteps_ : 0;
    const double barsPerStep = static_cast<double>(std::min<int64_t>(config_.batchSize, bars_.size(0)));
    p.tokensPerSecond = epochSeconds_ > 0 ? epochSteps_ * barsPerStep / epochSeconds_ : 0;
    p.elapsedSeconds = elapsedNow();
    const double perStep = epochSteps_ > 0 ? epochSeconds_ / epochSteps_ : 0;
    p.etaSeconds = perStep * (static_cast<double>(stepsPerEpoch_) * (config_.epochs - epoch + 1) - epochSteps_);
    observer_->onProgress(p);
}

void DrumGanSession::record(int epoch, std::optional<std::int64_t> step, std::optional<double> distance) {
    MetricsRow row;
    row.epoch = epoch;
    row.step = step;
    row.wallSeconds = elapsedNow();
    row.learningRate = config_.optimizer.learningRate;
    const double barsPerStep = static_cast<double>(std::min<int64_t>(config_.batchSize, bars_.size(0)));
    if (step) {
        row.trainLoss = rowSteps_ > 0 ? rowGenerator_ / rowSteps_ : 0;
        row.criticLoss = rowSteps_ > 0 ? rowCritic_ / rowSteps_ : 0;
        row.tokensPerSecond = rowSeconds_ > 0 ? rowSteps_ * barsPerStep / rowSeconds_ : 0;
        rowGenerator_ = rowCritic_ = rowSteps_ = rowSeconds_ = 0;
    } else {
        row.trainLoss = epochSteps_ > 0 ? generatorSum_ / epochSteps_ : 0;
        row.criticLoss = epochSteps_ > 0 ? criticSum_ / epochSteps_ : 0;
        row.tokensPerSecond = epochSeconds_ > 0 ? epochSteps_ * barsPerStep / epochSeconds_ : 0;
        row.epochSeconds = epochSeconds_;
    }
    row.valLoss = distance;
    history_.push_back(row);
    if (observer_) observer_->onMetrics(row);
}

void DrumGanSession::checkHeldOut(int epoch, std::optional<std::int64_t> step) {
    const double distance = heldOutDistance();
    record(epoch, step, distance);
    if (!bestDistance_ || distance < *bestDistance_) {
        bestDistance_ = distance;
        bestEpoch_ = epoch;
        writeModel();
    }
}

std::optional<TrainingOutcome> DrumGanSession::trainEpoch(int epoch) {
    generator_.module().train();
    critic_->train();
    const int64_t batch = std::min<int64_t>(config_.batchSize, bars_.size(0));
    // The epoch's order from the seed and the epoch alone, so a resumed run sees the same batches.
    // (The generator's noise and the penalty's mixing draw from the same seeded generator.)
    torch::manual_seed(config_.seed * 1000003u + static_cast<std::uint64_t>(epoch));
    const auto order = torch::randperm(bars_.size(0), torch::TensorOptions().dtype(torch::kInt64)).to(device_);
    if (stepInEpoch_ > 0 && resumeRng_) {
        // A run stopped inside this epoch continues at its next step with the random state it had there.
        loadRngState(*resumeRng_);
    } else {
        stepInEpoch_ = 0;
        generatorSum_ = criticSum_ = epochSteps_ = epochSeconds_ = 0;
    }
    resumeRng_.reset();
    const auto& gan = config_.model.gan;
    for (int64_t s = stepInEpoch_; s < stepsPerEpoch_; ++s) {
        if (!waitWhilePaused(epoch)) return TrainingOutcome::Stopped;
        const auto t0 = Clock::now();
        const auto picked = order.narrow(0, s * batch, batch);
        const auto real = bars_.index({picked});
        const auto conditions = conditions_.defined() ? conditions_.index({picked}) : torch::Tensor();
        const DrumGanLosses losses = drumGanStep(generator_, critic_, *generatorOptimizer_, *criticOptimizer_, real,
                                                 shape_.noise, shape_.classes, gan.criticSteps, gan.penaltyWeight, conditions);
        if (!std::isfinite(losses.generator) || !std::isfinite(losses.critic) ||
            globalStep_ == options_.injectNonFiniteAtStep)
            return TrainingOutcome::NonFinite;
        const double seconds = secondsSince(t0);
        generatorSum_ += losses.generator;
        criticSum_ += losses.critic;
        epochSteps_ += 1;
        epochSeconds_ += seconds;
        rowGenerator_ += losses.generator;
        rowCritic_ += losses.critic;
        rowSteps_ += 1;
        rowSeconds_ += seconds;
        ++globalStep_;
        stepInEpoch_ = s + 1;
        const bool last = s + 1 == stepsPerEpoch_;
        emitProgress(epoch, last);
        // Long epochs (Groove): the best weights need not wait for an epoch's end (which checks them anyway).
        if (options_.validateEverySteps > 0 && globalStep_ % options_.validateEverySteps == 0 && !last)
            checkHeldOut(epoch, globalStep_);
        else if (stepRowEvery_ > 0 && globalStep_ % stepRowEvery_ == 0)
            record(epoch, globalStep_, std::nullopt);
        if (!last && config_.maxMinutes > 0 && elapsedNow() >= config_.maxMinutes * 60.0) return TrainingOutcome::TimeLimit;
    }
    epochsDone_ = epoch;
    stepInEpoch_ = 0;
    checkHeldOut(epoch, std::nullopt);
    if (config_.checkpointEvery > 0 && epoch % config_.checkpointEvery == 0 && epoch < config_.epochs) writeCheckpoint();
    if (epoch < config_.epochs && config_.maxMinutes > 0 && elapsedNow() >= config_.maxMinutes * 60.0) return TrainingOutcome::TimeLimit;
    return std::nullopt;
}

TrainingResult DrumGanSession::run() {
    try {
        setUp();
        if (resumeFile_) {
            std::vector<NamedTensor> tensors = resumeFile_->tensors;
            std::map<std::string, const NamedTensor*> byName;
            for (const auto& t : tensors) byName[t.name] = &t;
            torch::NoGradGuard noGrad;
            for (auto& item : root_->named_parameters()) {
                const auto it = byName.find(item.key());
                if (it == byName.end()) throw ModelFileError(options_.resumeFrom + ": weights '" + item.key() + "' are missing");
                item.value().copy_(toTorch(*it->second).to(device_));
            }
            for (auto& item : root_->named_buffers()) {
                const auto it = byName.find(item.key());
                if (it != byName.end() && item.value().is_floating_point()) item.value().copy_(toTorch(*it->second).to(device_));
            }
            if (const auto* b = resumeFile_->findBlob("generator_optimizer")) loadOptimizer(*generatorOptimizer_, b->bytes, device_);
            if (const auto* b = resumeFile_->findBlob("critic_optimizer")) loadOptimizer(*criticOptimizer_, b->bytes, device_);
            if (const auto* b = resumeFile_->findBlob("rng")) resumeRng_ = b->bytes;
            resumeFile_.reset();
        }
        sessionStart_ = Clock::now();
        if (observer_) observer_->onStart(startInfo());
        if (epochsDone_ >= config_.epochs) return finish(TrainingOutcome::Finished);
        for (int epoch = epochsDone_ + 1; epoch <= config_.epochs; ++epoch)
            if (auto outcome = trainEpoch(epoch)) {
                // A time limit inside an epoch: the weights reached are measured, and kept if they are the best so
                // far, so that a short budget still gives a checked model.
                const bool checked = !history_.empty() && history_.back().step == globalStep_ && history_.back().valLoss;
                if (*outcome == TrainingOutcome::TimeLimit && stepInEpoch_ > 0 && !checked) checkHeldOut(epoch, globalStep_);
                return finish(*outcome);
            }
        return finish(TrainingOutcome::Finished);
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        if (what.find("out of memory") != std::string::npos)
            throw std::runtime_error("out of GPU memory with a batch of " + std::to_string(config_.batchSize) +
                                     " bars; try --batch " + std::to_string(std::max(2, config_.batchSize / 2)));
        throw std::runtime_error("LibTorch error: " + what.substr(0, what.find('\n')));
    }
}

}  // namespace nf::engine
