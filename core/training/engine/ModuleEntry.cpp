// SPDX-License-Identifier: GPL-3.0-or-later
// libnoteforge-training.so's one exported symbol: the table of training/TrainingModuleAbi.h over the LibTorch
// engine. No exception leaves this file: each entry point reports failures through the host's on_error.
#include <exception>
#include <string>

#include "training/TrainingAbiConvert.h"
#include "training/TrainingConfig.h"
#include "training/TrainingModuleAbi.h"
#include "training/engine/Engine.h"

#ifndef NF_ENGINE_VERSION
#define NF_ENGINE_VERSION "unknown"
#endif

namespace nf::engine {

namespace {

// The host's observer and control seen as the engine's own: C callbacks behind the C++ interfaces.
class HostObserver final : public TrainingObserver {
public:
    explicit HostObserver(const nf_training_host& host) : host_(host) {}
    void onStart(const TrainingStart& s) override {
        if (!host_.on_start) return;
        const abi::StartView view(s);
        host_.on_start(host_.user, &view.c);
    }
    void onProgress(const TrainingProgress& p) override {
        if (!host_.on_progress) return;
        const nf_training_progress c = abi::toC(p);
        host_.on_progress(host_.user, &c);
    }
    void onMetrics(const MetricsRow& r) override {
        if (!host_.on_metrics) return;
        const nf_metrics_row c = abi::toC(r);
        host_.on_metrics(host_.user, &c);
    }
    void onMessage(const std::string& m) override {
        if (host_.on_message) host_.on_message(host_.user, m.c_str());
    }
    void onFinish(const TrainingResult& r) override {
        if (!host_.on_finish) return;
        const abi::ResultView view(r);
        host_.on_finish(host_.user, &view.c);
    }

private:
    const nf_training_host& host_;
};

class HostControl final : public TrainingControl {
public:
    explicit HostControl(const nf_training_host& host) : host_(host) {}
    bool pauseRequested() const override { return host_.pause_requested && host_.pause_requested(host_.user) != 0; }
    bool stopRequested() const override { return host_.stop_requested && host_.stop_requested(host_.user) != 0; }

private:
    const nf_training_host& host_;
};

template <typename Host>
void reportError(const Host* host, const char* message) {
    if (host && host->on_error) host->on_error(host->user, message);
}

// Runs `work`, turning any exception into the host's on_error and a nonzero return.
template <typename Host, typename Work>
std::int32_t guarded(const Host* host, Work&& work) noexcept {
    try {
        work();
        return 0;
    } catch (const std::exception& e) {
        reportError(host, e.what());
    } catch (...) {
        reportError(host, "the training module failed with an unknown error");
    }
    return 1;
}

std::int32_t cudaAvailableC() noexcept {
    try {
        return engine::cudaAvailable() ? 1 : 0;
    } catch (...) {
        return 0;
    }
}

std::int32_t trainC(const char* configJson, const nf_trainer_options* options, const nf_training_corpus* corpus,
                    const nf_training_host* host) noexcept {
    return guarded(host, [&] {
        if (!configJson || !options || !corpus || !host || host->struct_size < sizeof(nf_training_host))
            throw std::invalid_argument("the training module was called with missing arguments");
        const TrainingConfig config = TrainingConfig::fromJson(configJson);
        const TrainerOptions trainerOptions = abi::fromC(*options);
        const TokenizedCorpus data = abi::fromC(*corpus);
        HostObserver observer(*host);
        HostControl control(*host);
        const TrainingResult result = engine::train(config, trainerOptions, data, &observer, &control);
        if (host->on_result) {
            const abi::ResultView view(result);
            host->on_result(host->user, &view.c);
        }
    });
}

std::int32_t benchmarkC(const nf_benchmark_options* options, const nf_benchmark_host* host) noexcept {
    return guarded(host, [&] {
        if (!options) throw std::invalid_argument("the training module was called without benchmark options");
        const TrainBenchmarkResult result = engine::benchmarkTraining(abi::fromC(*options));
        if (host && host->on_result) {
            const abi::BenchmarkResultView view(result);
            host->on_result(host->user, &view.c);
        }
    });
}

std::int32_t sgemmC(std::int32_t n, std::int32_t repeats, const char* device, double* gflops,
                    const nf_benchmark_host* host) noexcept {
    return guarded(host, [&] {
        const double g = engine::measureSgemmGflops(n, repeats, device ? device : "cpu");
        if (gflops) *gflops = g;
    });
}

std::string buildInfo() {
    std::string info = "compiler " __VERSION__;
#if defined(_GLIBCXX_USE_CXX11_ABI)
    info += _GLIBCXX_USE_CXX11_ABI ? ", libstdc++ C++11 ABI" : ", libstdc++ pre-C++11 ABI";
#endif
    return info;
}

}  // namespace

}  // namespace nf::engine

extern "C" __attribute__((visibility("default"))) const nf_training_module* nf_training_module_get(void) {
    using namespace nf::engine;
    static const std::string torch = nf::engine::torchVersion();
    static const std::string info = buildInfo();
    static const nf_training_module table{NF_TRAINING_ABI_VERSION, sizeof(nf_training_module), NF_ENGINE_VERSION,
                                          torch.c_str(), info.c_str(), cudaAvailableC, trainC, benchmarkC, sgemmC};
    return &table;
}
