// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/engine/Engine.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>

#include <torch/version.h>

#include "training/BlasInfo.h"
#include "training/TrainingConfig.h"
#include "training/engine/MusicNet.h"
#include "training/engine/TrainingHeap.h"

namespace nf::engine {

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

void synchronize(const torch::Device& device) {
    // A tiny copy to the host waits for queued GPU work without CUDA headers.
    if (device.is_cuda()) torch::zeros({1}, torch::TensorOptions().device(device)).cpu();
}

// A transformer's forward pass per token and layer: the four width x width projections (q, k, v, out) and the two
// MLP matrices, 2 FLOPs per weight; attention as computed (the full seq x seq score matrix, masked afterwards):
// 2 x seq x width for the scores and as much for the weighted values; the tied output layer 2 x width x vocab.
// Backward twice the forward. Norms, softmax, GELU and the optimizer are left out, as PyTorch's counters do.
double transformerFlopsPerStep(const ModelConfig& m, int batch, int seq) {
    const double w = m.embedDim, mlp = m.hiddenSize;
    const double perLayer = 2.0 * (4.0 * w * w + 2.0 * w * mlp) + 4.0 * seq * w;
    const double perToken = m.layers * perLayer + 2.0 * w * m.vocabSize;
    return 3.0 * batch * seq * perToken;
}

// FLOPs of one training step as the issue counts them: per time step and sample, 8*H*(I+H) per LSTM layer
// forward (4 gates, multiply-adds counted as two), backward twice the forward, and 2*in*out per Dense layer
// application, likewise tripled.
double flopsPerStep(const ModelConfig& m, int batch, int seq) {
    if (m.isTransformer()) return transformerFlopsPerStep(m, batch, seq);
    double perToken = 0;
    const double inputSize = m.input == ModelInput::Embedding ? m.embedDim : 1;
    for (int l = 0; l < m.layers; ++l) {
        const double in = l == 0 ? inputSize : m.hiddenSize;
        perToken += 8.0 * m.hiddenSize * (in + m.hiddenSize);
    }
    double dense = 0;
    double features = m.hiddenSize;
    if (m.denseSize > 0) {
        dense += 2.0 * features * m.denseSize;
        features = m.denseSize;
    }
    dense += 2.0 * features * m.vocabSize;
    const double denseApplications = m.manyToOne ? 1.0 : seq;
    return 3.0 * batch * (perToken * seq + dense * denseApplications);
}

}  // namespace

double measureSgemmGflops(int n, int repeats, const std::string& deviceName) {
    const auto device = engine::resolveDevice(deviceName);
    torch::NoGradGuard noGrad;
    const auto opts = torch::TensorOptions().dtype(torch::kFloat).device(device);
    auto a = torch::randn({n, n}, opts), b = torch::randn({n, n}, opts), c = torch::empty({n, n}, opts);
    torch::mm_out(c, a, b);
    synchronize(device);
    std::vector<double> times;
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = Clock::now();
        torch::mm_out(c, a, b);
        synchronize(device);
        times.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    }
    return 2.0 * n * n * static_cast<double>(n) / median(times) / 1e9;
}

TrainBenchmarkResult benchmarkTraining(const TrainBenchmarkOptions& o) {
    const TrainingHeap heap;  // each step's activations reused, not page-faulted in again (TrainingHeap.h)
    if (o.model == ModelKind::DrumGan)
        throw std::invalid_argument("the training benchmark times the token models; the drum GAN reports its bars per second while it trains");
    TrainingConfig config = TrainingConfig::forModel(o.model, o.preset);
    config.model.vocabSize = o.vocab;
    config.model.lstmKernel = o.lstmKernel;
    config.batchSize = o.batch;
    config.seqLength = o.seq;
    config.validate();
    const int threads = o.threads > 0 ? o.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    setBlasThreads(threads);
    const auto device = engine::resolveDevice(o.device);

    TrainBenchmarkResult r;
    r.device = device.str();
    r.threads = torch::get_num_threads();
    r.blas = device.is_cpu() ? loadedBlasLibrary() : std::string("cuBLAS (GPU)");
    r.torchVersion = TORCH_VERSION;
    r.lstmKernel = o.lstmKernel == LstmKernel::Aten || (o.lstmKernel == LstmKernel::Auto && device.is_cuda())
                       ? LstmKernel::Aten
                       : LstmKernel::Fused;

    // The matrix-multiply rate is measured before and after the steps and the better kept: on a shared machine
    // a single measurement may fall into someone else's busy second.
    const double sgemmBefore = measureSgemmGflops(2048, 5, o.device);
    torch::manual_seed(1);
    engine::MusicNet net(config.model);
    net->to(device);
    net->train();
    // The optimizer each model trains with: RMSprop for the LSTMs (the paper's), AdamW with gradient clipping for
    // the transformer (bench/train_step_pytorch.py does the same).
    const bool transformer = config.model.isTransformer();
    std::unique_ptr<torch::optim::Optimizer> optimizer;
    if (transformer)
        optimizer = std::make_unique<torch::optim::AdamW>(
            net->parameters(), torch::optim::AdamWOptions(1e-3).weight_decay(config.optimizer.weightDecay));
    else
        optimizer = std::make_unique<torch::optim::RMSprop>(net->parameters(),
                                                            torch::optim::RMSpropOptions(1e-3).alpha(0.9).eps(1e-7));
    const auto intOpts = torch::TensorOptions().dtype(torch::kInt64).device(device);
    const auto inputs = torch::randint(o.vocab, {o.batch, o.seq}, intOpts);
    const auto targets = config.model.manyToOne ? torch::randint(o.vocab, {o.batch}, intOpts)
                                                : torch::randint(o.vocab, {o.batch, o.seq}, intOpts);
    for (int s = 0; s < o.warmup + o.steps; ++s) {
        const auto t0 = Clock::now();
        optimizer->zero_grad();
        auto logits = net->forward(inputs).first;
        auto loss = torch::nn::functional::cross_entropy(logits.reshape({-1, o.vocab}), targets.reshape({-1}));
        loss.backward();
        if (transformer) torch::nn::utils::clip_grad_norm_(net->parameters(), config.optimizer.clipNorm);
        optimizer->step();
        synchronize(device);
        if (s >= o.warmup) r.stepSeconds.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    }
    r.medianStepSeconds = median(r.stepSeconds);
    r.flopsPerStep = flopsPerStep(config.model, o.batch, o.seq);
    r.gflops = r.flopsPerStep / r.medianStepSeconds / 1e9;
    r.tokensPerSecond = (config.model.manyToOne ? o.batch : o.batch * o.seq) / r.medianStepSeconds;
    r.sgemmGflops = std::max(sgemmBefore, measureSgemmGflops(2048, 5, o.device));
    return r;
}

}  // namespace nf::engine
