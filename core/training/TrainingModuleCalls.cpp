// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingModule's calls into the module: the C++ arguments become the C views of TrainingAbiConvert, the
// module's callbacks become the caller's observer and control again.
#include <exception>
#include <optional>

#include "training/TrainingAbiConvert.h"
#include "training/TrainingModule.h"
#include "training/TrainingModuleAbi.h"

namespace nf {

namespace {

// What one train() call shares with its callbacks. An observer that throws stops the run (the module must not
// see a C++ exception); its exception is rethrown once the module has returned.
struct TrainCall {
    TrainingObserver* observer = nullptr;
    TrainingControl* control = nullptr;
    std::optional<TrainingResult> result;
    std::string error;
    std::exception_ptr observerError;

    static TrainCall& of(void* user) { return *static_cast<TrainCall*>(user); }

    template <typename F>
    void notify(F&& f) noexcept {
        if (!observer || observerError) return;
        try {
            f(*observer);
        } catch (...) {
            observerError = std::current_exception();
        }
    }
};

nf_training_host hostFor(TrainCall& call) {
    nf_training_host h{};
    h.struct_size = sizeof(nf_training_host);
    h.user = &call;
    h.on_start = [](void* u, const nf_training_start* s) {
        TrainCall::of(u).notify([&](TrainingObserver& o) { o.onStart(abi::fromC(*s)); });
    };
    h.on_progress = [](void* u, const nf_training_progress* p) {
        TrainCall::of(u).notify([&](TrainingObserver& o) { o.onProgress(abi::fromC(*p)); });
    };
    h.on_metrics = [](void* u, const nf_metrics_row* r) {
        TrainCall::of(u).notify([&](TrainingObserver& o) { o.onMetrics(abi::fromC(*r)); });
    };
    h.on_message = [](void* u, const char* m) {
        TrainCall::of(u).notify([&](TrainingObserver& o) { o.onMessage(m ? m : ""); });
    };
    h.on_finish = [](void* u, const nf_training_result* r) {
        TrainCall::of(u).notify([&](TrainingObserver& o) { o.onFinish(abi::fromC(*r)); });
    };
    h.pause_requested = [](void* u) -> std::int32_t {
        const TrainCall& c = TrainCall::of(u);
        return c.control && c.control->pauseRequested() ? 1 : 0;
    };
    h.stop_requested = [](void* u) -> std::int32_t {
        const TrainCall& c = TrainCall::of(u);
        return c.observerError || (c.control && c.control->stopRequested()) ? 1 : 0;
    };
    h.on_result = [](void* u, const nf_training_result* r) { TrainCall::of(u).result = abi::fromC(*r); };
    h.on_error = [](void* u, const char* m) { TrainCall::of(u).error = m ? m : "training failed"; };
    return h;
}

struct BenchmarkCall {
    std::optional<TrainBenchmarkResult> result;
    std::string error;
};

nf_benchmark_host hostFor(BenchmarkCall& call) {
    nf_benchmark_host h{};
    h.user = &call;
    h.on_result = [](void* u, const nf_benchmark_result* r) {
        static_cast<BenchmarkCall*>(u)->result = abi::fromC(*r);
    };
    h.on_error = [](void* u, const char* m) { static_cast<BenchmarkCall*>(u)->error = m ? m : "benchmark failed"; };
    return h;
}

}  // namespace

TrainingResult TrainingModule::train(const TrainingConfig& config, const TrainerOptions& options,
                                     const TokenizedCorpus& corpus, TrainingObserver* observer,
                                     TrainingControl* control) const {
    TrainCall call;
    call.observer = observer;
    call.control = control;
    const nf_training_host host = hostFor(call);
    const std::string configJson = config.toJson();
    const abi::OptionsView optionsView(options);
    const abi::CorpusView corpusView(corpus);
    const std::int32_t status = table_->train(configJson.c_str(), &optionsView.c, &corpusView.c, &host);
    if (call.observerError) std::rethrow_exception(call.observerError);
    if (status != 0 || !call.result) throw std::runtime_error(call.error.empty() ? "training failed" : call.error);
    return std::move(*call.result);
}

TrainBenchmarkResult TrainingModule::benchmark(const TrainBenchmarkOptions& options) const {
    BenchmarkCall call;
    const nf_benchmark_host host = hostFor(call);
    const abi::BenchmarkOptionsView view(options);
    if (table_->benchmark(&view.c, &host) != 0 || !call.result)
        throw std::runtime_error(call.error.empty() ? "benchmark failed" : call.error);
    return std::move(*call.result);
}

double TrainingModule::sgemmGflops(int n, int repeats, const std::string& device) const {
    BenchmarkCall call;
    const nf_benchmark_host host = hostFor(call);
    double gflops = 0;
    if (table_->sgemm_gflops(n, repeats, device.c_str(), &gflops, &host) != 0)
        throw std::runtime_error(call.error.empty() ? "matrix benchmark failed" : call.error);
    return gflops;
}

}  // namespace nf
