// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingSession's part in a data-parallel job (TrainerOptions::distributed, docs/scaling.md): meeting the other
// ranks, agreeing on the start, sharing the batch rows, and the per-step exchange of sums, stop and clock.
#include <chrono>

#include "training/engine/NcclGroup.h"
#include "training/engine/TrainingSession.h"

namespace nf::engine {

void TrainingSession::joinJob() {
    const auto& job = options_.distributed;
    if (!joinsDataParallelJob(job, options_.distributedBackend)) return;
    if (config_.batchSize < job->worldSize)
        throw std::runtime_error("--batch " + std::to_string(config_.batchSize) + " is the whole job's batch and smaller than its " +
                                 std::to_string(job->worldSize) + " ranks: every rank needs one row of it at least");
    if (device_.is_cuda()) device_ = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(job->localRank % torch::cuda::device_count()));
    const auto backend = chooseExchangeBackend(options_.distributedBackend, device_.is_cuda(), NcclGroup::available());
    job_ = DataParallel::join(*job, options_.distributedTimeoutSeconds, backend == ExchangeBackend::Nccl);
}

namespace {

// FNV-1a, 63 bits: the same on every rank whatever its compiler (std::hash is not).
std::int64_t stableHash(const std::string& text) {
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    return static_cast<std::int64_t>(h >> 1);
}

}  // namespace

void TrainingSession::startTogether() {
    if (!job_) return;
    // Ranks that read other folders, or other settings, would each learn something else under one name.
    // Everything that decides which exchanges a rank makes and when: a rank with another --epochs, --max-minutes,
    // --validate-every or checkpoint period (one command typed per machine) would wait in one exchange while the
    // others are in another. Device and threads may differ from machine to machine.
    TrainingConfig shared = config_;
    shared.device.clear();
    shared.threads = 0;
    // An adapter run's base may lie at another path on each machine; its checksum, still compared, pins the weights.
    shared.model.adapter.base.clear();
    const std::string plan = shared.toJson() + "/" + std::to_string(options_.validateEverySteps) + "/" +
                             std::to_string(options_.minStepRowsPerEpoch) + "/" +
                             std::to_string(options_.injectNonFiniteAtStep) + "/" + fingerprint_ + "/" +
                             exchangeBackendName(options_.distributedBackend);
    const auto mine = torch::tensor({stableHash(plan), stepsPerEpoch_, pos_.globalStep, static_cast<std::int64_t>(config_.model.vocabSize)}, torch::kInt64);
    auto high = mine.clone();
    auto low = mine.neg();
    job_->allReduceMax(high);
    job_->allReduceMax(low);
    if (!torch::equal(high, low.neg()))
        throw std::runtime_error("rank " + std::to_string(job_->rank()) + ": the ranks differ in their data, settings or "
                                 "checkpoint (data " + fingerprint_ + ", " + std::to_string(stepsPerEpoch_) +
                                 " steps an epoch, at step " + std::to_string(pos_.globalStep) +
                                 "): every rank must get the same data and options (--epochs, --max-minutes, "
                                 "--validate-every, --dist-backend, ...) and resume the same checkpoint");
    // Rank 0's weights for all: the same seed gives every rank the same start, but a base model or checkpoint read
    // on each node might not be the same file.
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> weights;
    for (const auto& p : net_->parameters()) weights.push_back(p.detach());
    job_->broadcastFromRankZero(weights);
    gradients_ = std::make_unique<GradientExchange>(*job_, trainable_);
    // Rank 0 keeps the run's random stream (its checkpoint carries it); the others draw their own dropout masks.
    if (job_->rank() > 0) torch::manual_seed(config_.seed + 7919u * static_cast<std::uint64_t>(job_->rank()) +
                                             static_cast<std::uint64_t>(pos_.globalStep));
    jobClock_ = elapsedAtStart_;
}

std::pair<std::int64_t, std::int64_t> TrainingSession::rowsOf(std::int64_t rows) const {
    if (!job_) return {0, rows};
    if (rows < job_->size())
        throw std::runtime_error("the data gives " + std::to_string(rows) + " batch rows, fewer than the job's " +
                                 std::to_string(job_->size()) + " ranks: train on more data or with fewer ranks");
    return job_->shareOf(rows);
}

TrainingSession::StepTotals TrainingSession::combineStep(double lossSum, double correct, double count, bool nonFinite) {
    if (!job_) return {lossSum, correct, count, nonFinite};
    // One exchange carries the step's sums and what each rank wants: a stop asked of any rank stops them all
    // after this step, and the clock the schedule reads is their mean, so their learning rates stay equal.
    const bool stop = control_ && control_->stopRequested();
    auto t = torch::tensor({lossSum, correct, count, nonFinite ? 1.0 : 0.0, stop ? 1.0 : 0.0, elapsedNow()}, torch::kFloat64);
    job_->allReduceSum(t);
    const auto a = t.accessor<double, 1>();
    jobStop_ = a[4] > 0;
    jobClock_ = a[5] / job_->size();
    return {a[0], a[1], a[2], a[3] > 0};
}

double TrainingSession::scheduleClock() const { return job_ ? jobClock_ : elapsedNow(); }

}  // namespace nf::engine
