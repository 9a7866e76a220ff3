// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli benchmark train --model paper-midi --vocab 300 --batch 32 --seq 100 --steps N: the median time of a
// full training step on random tokens, the GFLOP/s it achieves, the 2048x2048 sgemm rate measured in the same run
// and the BLAS library actually loaded. bench/train_compare.sh runs it beside PyTorch's Python API.
// `benchmark` is shared with the render benchmark: this file adds only `train` and creates the parent if needed.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>

#include "cli/CliCommands.h"
#include "common/PassiveOpenMp.h"

#include "training/TrainBenchmark.h"
#include "training/TrainingModule.h"
#include "training/TrainingConfig.h"

namespace nf::cli {

namespace {

struct BenchArgs {
    TrainBenchmarkOptions options;
    std::string model = toString(TrainBenchmarkOptions{}.model), kernel = toString(TrainBenchmarkOptions{}.lstmKernel);
    std::string preset;
    bool json = false;
};

int runBench(BenchArgs& a) {
    a.options.model = parseEnum<ModelKind>(a.model);
    a.options.lstmKernel = parseEnum<LstmKernel>(a.kernel);
    if (!a.preset.empty()) a.options.preset = parseEnum<ModelSize>(a.preset);
    if (a.options.preset && TrainingConfig::presetsFor(a.options.model).empty())
        throw std::invalid_argument("--preset sizes a transformer; " + a.model + " has no presets");
    const std::string shown = a.preset.empty() ? a.model : a.model + " " + a.preset;
    const TrainBenchmarkResult r = benchmarkTraining(a.options);
    // Which module ran: a user's CUDA build or the packaged CPU one (TrainingModule.h's search order).
    for (const std::string& refused : TrainingModule::refusals())
        std::fprintf(stderr, "warning: training module refused: %s\n", refused.c_str());
    const std::string modulePath = TrainingModule::load().path();
    const auto& o = a.options;
    const std::string kernel = toString(r.lstmKernel);
    const auto [lo, hi] = std::minmax_element(r.stepSeconds.begin(), r.stepSeconds.end());
    if (a.json) {
        std::printf("{\"model\":\"%s\",\"preset\":\"%s\",\"vocab\":%d,\"batch\":%d,\"seq\":%d,\"steps\":%d,\"device\":\"%s\",\"threads\":%d,"
                    "\"kernel\":\"%s\",\"torch\":\"%s\",\"median_step_s\":%.6f,\"min_step_s\":%.6f,\"max_step_s\":%.6f,"
                    "\"gflop_per_step\":%.4f,\"gflops\":%.3f,\"sgemm_gflops\":%.3f,\"tokens_per_s\":%.1f,\"blas\":\"%s\","
                    "\"module\":\"%s\"}\n",
                    a.model.c_str(), a.preset.c_str(), o.vocab, o.batch, o.seq, o.steps, r.device.c_str(), r.threads, kernel.c_str(),
                    r.torchVersion.c_str(), r.medianStepSeconds, *lo, *hi, r.flopsPerStep / 1e9, r.gflops, r.sgemmGflops,
                    r.tokensPerSecond, r.blas.c_str(), modulePath.c_str());
        return Success;
    }
    std::printf("train benchmark: %s, vocab %d, batch %d, seq %d, %d timed steps after %d warm-up\n", shown.c_str(), o.vocab,
                o.batch, o.seq, o.steps, o.warmup);
    std::printf("device %s, %d threads, LibTorch %s", r.device.c_str(), r.threads, r.torchVersion.c_str());
    if (a.options.model == ModelKind::Transformer) std::printf("\n");
    else std::printf(", LSTM kernel %s\n", kernel.c_str());
    std::printf("BLAS loaded: %s; OpenMP wait policy %s\n", r.blas.c_str(), openMpWaitPolicy());
    std::printf("training module %s\n", modulePath.c_str());
    std::printf("median step  %.4f s (min %.4f, max %.4f), %.0f predicted tokens/s\n", r.medianStepSeconds, *lo, *hi, r.tokensPerSecond);
    std::printf("model FLOPs  %.2f GFLOP per step -> %.1f GFLOP/s\n", r.flopsPerStep / 1e9, r.gflops);
    std::printf("sgemm 2048^2 %.1f GFLOP/s -> the training step reaches %.0f%% of the matrix-multiply rate\n", r.sgemmGflops,
                100.0 * r.gflops / r.sgemmGflops);
    return Success;
}


}  // namespace

void addBenchmarkCommand(CLI::App& app, CliResult& result) {
    auto* cmd = benchmarkParent(app)->add_subcommand("train", "Time training steps of a model (median s/step, GFLOP/s, sgemm, BLAS)");
    auto args = std::make_shared<BenchArgs>();
    auto& o = args->options;
    cmd->add_option("--model", args->model, "paper-midi, paper-abc, lstm or transformer (their default sizes)")
        ->check(CLI::IsMember(enumWords<ModelKind>()));
    cmd->add_option("--preset", args->preset, "Transformer size: small (default) or base")
        ->check(CLI::IsMember(enumWords<ModelSize>()));
    cmd->add_option("--vocab", o.vocab, "Vocabulary size")->check(CLI::Range(2, 1000000));
    cmd->add_option("--batch", o.batch, "Batch size")->check(CLI::PositiveNumber);
    cmd->add_option("--seq", o.seq, "Window length")->check(CLI::PositiveNumber);
    cmd->add_option("--steps", o.steps, "Timed steps")->check(CLI::PositiveNumber);
    cmd->add_option("--warmup", o.warmup, "Untimed steps first")->check(CLI::NonNegativeNumber);
    cmd->add_option("--threads", o.threads, "CPU threads (default: all cores)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--device", o.device, "cpu, cuda or cuda:N");
    cmd->add_option("--kernel", args->kernel, "LSTM kernel: auto, fused (NoteForge's CPU kernel) or aten (LibTorch's)")
        ->check(CLI::IsMember(enumWords<LstmKernel>()));
    cmd->add_flag("--json", args->json, "One JSON object instead of text");
    setGuardedCallback(cmd, result, [args] { return runBench(*args); });
}

}  // namespace nf::cli
