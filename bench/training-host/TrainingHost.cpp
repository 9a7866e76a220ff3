// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-training-host: the smallest program that drives a training module through its C interface
// (training/TrainingModuleAbi.h), for machines that have a LibTorch but no Qt, no audio libraries and no package
// manager (a rented GPU server with PyTorch in it). It loads the module exactly as the studio and noteforge-cli do
// (same search order, same refusals), times training steps (tokens/s) and, given a folder of music, trains a model
// for a few epochs and reports the device, tokens/s and the epoch time. packaging/build-training-module.sh builds it
// beside the module to check an installation; bench/gpu_module.sh runs it on a GPU.
//
// Plain argv parsing on purpose: CLI11 would be one more library to find on such a machine.
//
//   noteforge-training-host [--module FILE] [--device auto|cpu|cuda[:N]] [--model lstm|transformer]
//                           [--preset small|base] [--repr events|remi] [--steps N] [--batch N] [--threads N]
//                           [--data DIR] [--epochs N] [--max-minutes M] [--lr X] [--seed N] [--amp] [--out DIR]
//                           [--json FILE] [--dist-backend auto|gloo|nccl] [--dist-timeout S]
//
// Started by torchrun or srun it is one rank of a data-parallel job, as `noteforge-cli train` is (docs/scaling.md);
// rank 0 alone writes --out and --json.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "tokenize/CorpusBuilder.h"
#include "training/DistributedEnv.h"
#include "training/ExchangeBackend.h"
#include "training/TrainBenchmark.h"
#include "training/Trainer.h"
#include "training/TrainingConfig.h"
#include "training/TrainingModule.h"

namespace {

namespace fs = std::filesystem;
using nf::ModelKind;

struct HostArgs {
    std::string module, device = "auto", model = "lstm", preset, repr, data, out, json;
    int steps = 20, batch = 32, threads = 0, epochs = 2, seed = -1;
    double maxMinutes = 0, lr = 0, distTimeout = 300;
    nf::ExchangeBackend distBackend = nf::ExchangeBackend::Auto;
    bool amp = false;
};

[[noreturn]] void usage(const std::string& problem) {
    std::fprintf(stderr,
                 "noteforge-training-host: %s\n"
                 "usage: noteforge-training-host [--module FILE] [--device auto|cpu|cuda[:N]] [--model lstm|transformer]\n"
                 "       [--preset small|base] [--repr events|remi] [--steps N] [--batch N] [--threads N] [--data DIR]\n"
                 "       [--epochs N] [--max-minutes M] [--lr X] [--seed N] [--amp] [--out DIR] [--json FILE]\n"
                 "       [--dist-backend auto|gloo|nccl] [--dist-timeout S]\n"
                 "With --out DIR the model trained on --data is kept as DIR/MODEL.nfm (a base model: bench/base-models).\n",
                 problem.c_str());
    std::exit(2);
}

int number(const std::string& flag, const std::string& text) {
    try {
        std::size_t used = 0;
        const int n = std::stoi(text, &used);
        if (used == text.size() && n >= 0) return n;
    } catch (const std::exception&) {
    }
    usage(flag + " needs a whole number, not '" + text + "'");
}

// A decimal number; 0 only where it means "none" (--max-minutes 0: no time limit).
double decimal(const std::string& flag, const std::string& text, bool zeroAllowed = false) {
    try {
        std::size_t used = 0;
        const double x = std::stod(text, &used);
        if (used == text.size() && (x > 0 || (zeroAllowed && x == 0))) return x;
    } catch (const std::exception&) {
    }
    usage(flag + " needs a positive number, not '" + text + "'");
}

HostArgs parse(int argc, char** argv) {
    HostArgs a;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--amp") {
            a.amp = true;
            continue;
        }
        if (flag == "--help" || flag == "-h") usage("drives a NoteForge training module");
        if (i + 1 >= argc) usage(flag == "" ? "empty argument" : "missing value after " + flag);
        const std::string value = argv[++i];
        if (flag == "--module") a.module = value;
        else if (flag == "--device") a.device = value;
        else if (flag == "--model") a.model = value;
        else if (flag == "--preset") a.preset = value;
        else if (flag == "--repr") a.repr = value;
        else if (flag == "--seed") a.seed = number(flag, value);
        else if (flag == "--lr") a.lr = decimal(flag, value);
        else if (flag == "--data") a.data = value;
        else if (flag == "--out") a.out = value;
        else if (flag == "--json") a.json = value;
        else if (flag == "--steps") a.steps = number(flag, value);
        else if (flag == "--batch") a.batch = number(flag, value);
        else if (flag == "--threads") a.threads = number(flag, value);
        else if (flag == "--epochs") a.epochs = number(flag, value);
        else if (flag == "--max-minutes") a.maxMinutes = decimal(flag, value, true);
        else if (flag == "--dist-timeout") a.distTimeout = decimal(flag, value);
        else if (flag == "--dist-backend") {
            const auto backend = nf::exchangeBackendFromName(value);
            if (!backend) usage("--dist-backend " + value + ": expected auto, gloo or nccl");
            a.distBackend = *backend;
        }
        else usage("unknown option " + flag);
    }
    return a;
}

// Records what a training run reports through the module: the device it chose and one row per epoch.
class RunRecorder final : public nf::TrainingObserver {
public:
    void onStart(const nf::TrainingStart& s) override {
        start = s;
        std::printf("training %s (%lld parameters) on %s, %d threads, LibTorch %s; %zu training tokens\n", s.model.c_str(),
                    static_cast<long long>(s.parameters), s.device.c_str(), s.threads, s.torchVersion.c_str(),
                    s.trainTokens);
        std::fflush(stdout);
    }
    void onMetrics(const nf::MetricsRow& row) override {
        if (row.step) {  // a step row: the speed so far, for a run stopped by its time limit before an epoch ended
            lastStepTokensPerSecond = row.tokensPerSecond;
            return;
        }
        epochs.push_back(row);
        std::printf("epoch %d: %.2f s, %.0f tokens/s, train loss %.3f, validation loss %s\n", row.epoch, row.epochSeconds,
                    row.tokensPerSecond, row.trainLoss,
                    row.valLoss ? std::to_string(*row.valLoss).c_str() : "-");
        std::fflush(stdout);
    }
    nf::TrainingStart start;
    std::vector<nf::MetricsRow> epochs;
    double lastStepTokensPerSecond = 0;
};

int run(const HostArgs& a) {
    if (!a.module.empty()) setenv("NF_TRAINING_MODULE", a.module.c_str(), 1);
    // A data-parallel rank (one rank too, when a backend is named: a check of NCCL on one GPU).
    std::optional<nf::DistributedEnv> job = nf::distributedEnvFromProcess();
    if (!nf::joinsDataParallelJob(job, a.distBackend)) job.reset();
    if (job) std::printf("%s\n", job->describe().c_str());
    const bool leader = !job || job->rank == 0;
    nlohmann::json report;
    const nf::TrainingModule& module = nf::TrainingModule::load();
    for (const std::string& refused : nf::TrainingModule::refusals())
        std::fprintf(stderr, "warning: training module refused: %s\n", refused.c_str());
    std::printf("training module %s\n%s\n", module.describe().c_str(), module.buildInfo().c_str());
    report["module"] = {{"path", module.path()},
                        {"torch", module.torchVersion()},
                        {"noteforge", module.noteforgeVersion()},
                        {"build", module.buildInfo()},
                        {"cuda_available", module.cudaAvailable()},
                        {"refused", nf::TrainingModule::refusals()}};

    const ModelKind kind = nf::parseEnum<ModelKind>(a.model);
    std::optional<nf::ModelSize> preset;
    if (!a.preset.empty()) preset = nf::parseEnum<nf::ModelSize>(a.preset);
    nf::TrainingConfig config = nf::TrainingConfig::forModel(kind, preset);
    if (!a.repr.empty()) config.tokenizer.kind = nf::parseEnum<nf::TokenizerKind>(a.repr);
    if (a.seed >= 0) config.seed = static_cast<std::uint64_t>(a.seed);
    if (a.lr > 0) config.optimizer.learningRate = a.lr;
    config.validate();

    if (a.steps > 0) {
        nf::TrainBenchmarkOptions o;
        o.model = kind;
        o.preset = preset;
        o.device = a.device;
        o.steps = a.steps;
        o.batch = a.batch;
        o.seq = config.seqLength;
        o.threads = a.threads;
        const nf::TrainBenchmarkResult r = nf::benchmarkTraining(o);
        std::printf("benchmark %s%s on %s: median step %.4f s, %.0f tokens/s (batch %d, sequence %d)\n", a.model.c_str(),
                    a.preset.empty() ? "" : (" " + a.preset).c_str(), r.device.c_str(), r.medianStepSeconds,
                    r.tokensPerSecond, o.batch, o.seq);
        report["benchmark"] = {{"model", a.model}, {"preset", a.preset},  {"device", r.device},
                               {"threads", r.threads}, {"batch", o.batch}, {"seq", o.seq},
                               {"median_step_s", r.medianStepSeconds}, {"tokens_per_s", r.tokensPerSecond}};
    }

    if (!a.data.empty()) {
        config.device = a.device;
        config.threads = a.threads;
        config.epochs = a.epochs;
        config.maxMinutes = a.maxMinutes;
        config.mixedPrecision = a.amp;
        config.batchSize = a.batch;
        const nf::TokenizedCorpus corpus = nf::buildCorpus(a.data, config.tokenizer);
        const fs::path out = a.out.empty() ? fs::temp_directory_path() / ("nf-host-" + std::to_string(getpid())) : fs::path(a.out);
        fs::create_directories(out);
        RunRecorder recorder;
        nf::TrainerOptions options((out / (a.model + ".nfm")).string());
        options.distributed = job;
        options.distributedTimeoutSeconds = a.distTimeout;
        options.distributedBackend = a.distBackend;
        nf::Trainer trainer(config, options);
        const nf::TrainingResult result = trainer.run(corpus, &recorder);
        nlohmann::json epochs = nlohmann::json::array();
        for (const nf::MetricsRow& row : recorder.epochs)
            epochs.push_back({{"epoch", row.epoch}, {"seconds", row.epochSeconds}, {"tokens_per_s", row.tokensPerSecond},
                              {"train_loss", row.trainLoss}, {"val_loss", row.valLoss.value_or(-1)}});
        report["training"] = {{"data", a.data}, {"device", recorder.start.device}, {"model", a.model},
                              {"preset", a.preset}, {"batch", config.batchSize}, {"train_tokens", recorder.start.trainTokens},
                              {"epochs", epochs}, {"last_step_tokens_per_s", recorder.lastStepTokensPerSecond},
                              {"outcome", result.message}, {"model_file", result.modelPath},
                              {"best_val_loss", result.bestValLoss.value_or(-1)},
                              {"ranks", job ? job->worldSize : 1}};
        if (a.out.empty()) fs::remove_all(out);
    }
    if (!a.json.empty() && leader) std::ofstream(a.json) << report.dump(2) << '\n';
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const HostArgs args = parse(argc, argv);
    try {
        return run(args);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "noteforge-training-host: %s\n", e.what());
        return 1;
    }
}
