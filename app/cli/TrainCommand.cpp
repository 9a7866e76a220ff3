// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli train --data DIR --out MODEL [options]: tokenizes a data set (cached), trains one of the three
// models with a terminal progress bar (plain lines when not on a terminal), writes the best-by-validation model,
// checkpoints and an optional metrics CSV. Ctrl-C (or SIGTERM) stops after the current step and saves a checkpoint (a
// second one ends at once);
// SIGUSR1 pauses between two steps and SIGUSR2 resumes (how the studio steers a run on another machine over SSH).
// --corpus trains on a token file instead of music files, --config takes the whole configuration from a JSON file
// and --events writes every event as JSON lines: what the studio sends and watches (docs/gpu.md).
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>

#include "cli/CliCommands.h"
#include "common/PassiveOpenMp.h"
#include "dataset/BaseModels.h"
#include "dataset/Dataset.h"
#include "dataset/DemoData.h"
#include "drums/DrumModelConfig.h"

#include "tokenize/CorpusBuilder.h"
#include "tokenize/CorpusFile.h"
#include "tokenize/TokenShards.h"
#include "training/DistributedEnv.h"
#include "training/ExchangeBackend.h"
#include "training/FanOutObserver.h"
#include "training/FineTuning.h"
#include "training/MetricsCsvWriter.h"
#include "training/ModelFile.h"
#include "training/Trainer.h"
#include "training/TrainingEventLog.h"
#include "training/TrainingModule.h"

namespace nf::cli {


namespace {

struct TrainArgs {
    std::string data, out, format = "auto", repr, model = "lstm", preset, optimizer, device = "auto", metrics, resume;
    std::string init;  // --init: a base model (name or file) to fine-tune
    int adapterRank = 0;  // --adapter-rank: low-rank adapters on the frozen --init model
    std::string ganGenerator;  // --gan-generator: paper-drums-gan only
    bool followBand = false;   // --follow-band: drums, and paper-drums-gan with the lstm generator
    bool ganPrimer = false;    // --gan-primer: paper-drums-gan with the lstm generator
    std::string corpus, configFile, events, dataLabel;  // --corpus, --config, --events, --data-label
    int epochs = 0, batch = 0, seq = 0, threads = 0, checkpointEvery = -1, hidden = 0, layers = 0, embed = 0, heads = 0;
    int metricsEvery = -1;
    long long validateEvery = 0;
    long long stepRowsPerEpoch = 0;  // --step-rows-per-epoch
    double lr = 0, valShare = -1, maxMinutes = 0, dropout = -1, clip = -1;
    double distTimeout = 300;  // --dist-timeout
    std::string distBackend = "auto";  // --dist-backend
    long long chunkTokens = 0;  // --chunk-tokens
    unsigned long long seed = 0;
    bool seedSet = false, force = false, noCache = false, quiet = false, amp = false;
    bool modelSet = false;  // --model given explicitly (refused beside --config)
};

std::string clock(double seconds) {
    const long s = std::lround(std::max(0.0, seconds));
    char buf[32];
    if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

std::string rate(double perSecond) {
    char buf[32];
    if (perSecond >= 1e6) std::snprintf(buf, sizeof buf, "%.1fM", perSecond / 1e6);
    else if (perSecond >= 1e3) std::snprintf(buf, sizeof buf, "%.1fk", perSecond / 1e3);
    else std::snprintf(buf, sizeof buf, "%.0f", perSecond);
    return buf;
}

// The terminal view of a run: a progress bar redrawn in place on a terminal; on a pipe or a log file, a plain
// line every half minute instead, so logs stay readable. Epoch summaries are always whole lines on stdout.
class ProgressPrinter final : public TrainingObserver {
public:
    ProgressPrinter(bool terminal, bool quiet) : terminal_(terminal), quiet_(quiet) {}

    void onStart(const TrainingStart& s) override {
        gan_ = s.model == toString(ModelKind::DrumGan);
        std::printf("model %s on %s, %lld parameters; %zu training pieces (%zu tokens), %zu validation pieces (%zu tokens)\n",
                    s.model.c_str(), s.representation.c_str(), static_cast<long long>(s.parameters), s.trainPieces,
                    s.trainTokens, s.validationPieces, s.validationTokens);
        std::printf("device %s, %d threads, LibTorch %s, BLAS %s, OpenMP wait policy %s\n", s.device.c_str(), s.threads,
                    s.torchVersion.c_str(), s.blas.c_str(), openMpWaitPolicy());
        if (s.firstEpoch > 1) std::printf("resuming at epoch %d of %d\n", s.firstEpoch, s.epochs);
        std::fflush(stdout);
    }

    void onProgress(const TrainingProgress& p) override {
        if (quiet_) return;
        char line[256];
        if (p.paused) {
            std::snprintf(line, sizeof line, "epoch %d/%d paused", p.epoch, p.epochs);
        } else {
            const int width = 24;
            const int filled = p.stepsPerEpoch > 0 ? static_cast<int>(width * p.stepInEpoch / p.stepsPerEpoch) : 0;
            std::string bar(static_cast<std::size_t>(filled), '#');
            bar.resize(width, '.');
            if (gan_)
                std::snprintf(line, sizeof line, "epoch %d/%d [%s] %lld/%lld generator loss %.4f %s bars/s ETA %s", p.epoch,
                              p.epochs, bar.c_str(), static_cast<long long>(p.stepInEpoch),
                              static_cast<long long>(p.stepsPerEpoch), p.loss, rate(p.tokensPerSecond).c_str(),
                              clock(p.etaSeconds).c_str());
            else
                std::snprintf(line, sizeof line, "epoch %d/%d [%s] %lld/%lld loss %.4f acc %.3f %s tok/s ETA %s", p.epoch,
                              p.epochs, bar.c_str(), static_cast<long long>(p.stepInEpoch),
                              static_cast<long long>(p.stepsPerEpoch), p.loss, p.accuracy, rate(p.tokensPerSecond).c_str(),
                              clock(p.etaSeconds).c_str());
        }
        if (terminal_) {
            std::fprintf(stderr, "\r%-110s", line);
            std::fflush(stderr);
            open_ = true;
        } else if (p.elapsedSeconds - lastPlain_ >= 30.0 || p.paused) {
            lastPlain_ = p.elapsedSeconds;
            std::fprintf(stderr, "%s\n", line);
        }
    }

    void onMetrics(const MetricsRow& r) override {
        if (r.step && !r.valLoss) return;  // step rows go to the CSV; the bar shows them
        closeBar();
        if (r.criticLoss) {  // the drum GAN: two losses and the held-out figure distance, no accuracy
            std::printf("epoch %d%s: generator loss %.4f critic loss %.4f", r.epoch,
                        r.step ? (" step " + std::to_string(*r.step)).c_str() : "", r.trainLoss, *r.criticLoss);
            if (r.valLoss) std::printf(" | held-out drum figure distance %.3f", *r.valLoss);
            if (!r.step) std::printf(" | %.1f s, %s bars/s", r.epochSeconds, rate(r.tokensPerSecond).c_str());
            std::printf(" [%s]\n", clock(r.wallSeconds).c_str());
            std::fflush(stdout);
            return;
        }
        std::printf("epoch %d%s: train loss %.4f acc %.3f", r.epoch,
                    r.step ? (" step " + std::to_string(*r.step)).c_str() : "", r.trainLoss, r.trainAccuracy);
        if (r.valLoss) std::printf(" | val loss %.4f acc %.3f ppl %.2f", *r.valLoss, *r.valAccuracy, *r.valPerplexity);
        if (!r.step) std::printf(" | %.1f s, %s tok/s, lr %.3g", r.epochSeconds, rate(r.tokensPerSecond).c_str(), r.learningRate);
        std::printf(" [%s]\n", clock(r.wallSeconds).c_str());
        std::fflush(stdout);
    }

    void onMessage(const std::string& text) override {
        closeBar();
        std::printf("%s\n", text.c_str());
        std::fflush(stdout);
    }

    void onFinish(const TrainingResult&) override { closeBar(); }

private:
    void closeBar() {
        if (!open_) return;
        std::fprintf(stderr, "\r%-110s\r", "");
        std::fflush(stderr);
        open_ = false;
    }
    bool terminal_, quiet_;
    bool gan_ = false;  // the drum GAN: a generator loss and bars per second, no accuracy
    bool open_ = false;
    double lastPlain_ = -1e9;
};

std::atomic<TrainingControl*> gControl{nullptr};

// Lock-free atomics only: async-signal-safe.
extern "C" void onInterrupt(int) {
    if (auto* c = gControl.load()) {
        // A second Ctrl-C ends at once (while a large folder is read, say): the first asked for a clean stop.
        if (c->stopRequested()) _exit(130);
        c->resume();  // a paused trainer must wake up to see the stop
        c->requestStop();
    }
}
extern "C" void onPauseSignal(int) {
    if (auto* c = gControl.load()) c->requestPause();
}
extern "C" void onResumeSignal(int) {
    if (auto* c = gControl.load()) c->resume();
}

// The run's control, reachable from the signal handlers for as long as this guard lives: installed before the
// module and the data are loaded (a pause or stop sent meanwhile is kept, not fatal: SIGUSR1's default action
// ends the process), restored on every way out, and cleared before the control it points at goes.
class SignalGuard {
public:
    explicit SignalGuard(TrainingControl& control) {
        gControl.store(&control);
        int_ = std::signal(SIGINT, onInterrupt);
        term_ = std::signal(SIGTERM, onInterrupt);
        usr1_ = std::signal(SIGUSR1, onPauseSignal);
        usr2_ = std::signal(SIGUSR2, onResumeSignal);
    }
    ~SignalGuard() {
        std::signal(SIGINT, int_);
        std::signal(SIGTERM, term_);
        std::signal(SIGUSR1, usr1_);
        std::signal(SIGUSR2, usr2_);
        gControl.store(nullptr);
    }
    SignalGuard(const SignalGuard&) = delete;
    SignalGuard& operator=(const SignalGuard&) = delete;

private:
    void (*int_)(int) = SIG_DFL;
    void (*term_)(int) = SIG_DFL;
    void (*usr1_)(int) = SIG_DFL;
    void (*usr2_)(int) = SIG_DFL;
};

std::string readTextFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::invalid_argument("--config " + path + ": cannot read the file");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A new run starts from the model's defaults; a resumed one from the checkpoint's configuration, so that only what
// the command line names explicitly changes (the trainer keeps the network and optimizer from the checkpoint).
TrainingConfig buildConfig(const TrainArgs& a, const std::string& initPath) {
    if (!a.preset.empty() && !a.resume.empty())
        throw std::invalid_argument("--preset starts a new run; a resumed run keeps its checkpoint's network");
    if (!a.init.empty() && !a.resume.empty())
        throw std::invalid_argument("--init starts a new run from a model; --resume continues a checkpoint: not both");
    if (!a.init.empty() && (!a.preset.empty() || !a.repr.empty() || a.hidden > 0 || a.layers > 0 || a.embed > 0 || a.heads > 0))
        throw std::invalid_argument("--init keeps the base model's network and representation: drop --preset, --repr, "
                                    "--hidden, --layers, --embed and --heads");
    if (a.model == "drums" && (!a.preset.empty() || !a.init.empty() || (!a.repr.empty() && a.repr != "drums")))
        throw std::invalid_argument("--model drums is the lstm on the drums representation, trained from nothing: "
                                    "drop --preset, --init and --repr");
    if (a.model == "paper-drums-gan" && (!a.preset.empty() || !a.init.empty() || (!a.repr.empty() && a.repr != "drums")))
        throw std::invalid_argument("--model paper-drums-gan learns drum patterns from nothing: drop --preset, --init and --repr "
                                    "(--gan-generator chooses the paper's generator or NoteForge's)");
    if (a.adapterRank > 0 && a.init.empty())
        throw std::invalid_argument("--adapter-rank trains adapters on top of a model: give it with --init (a base model's "
                                    "name or a model file)");
    if (!a.ganGenerator.empty() && !a.resume.empty())
        throw std::invalid_argument("--gan-generator starts a new run; a resumed run keeps its checkpoint's generator");
    if (!a.ganGenerator.empty() && a.model != "paper-drums-gan")
        throw std::invalid_argument("--gan-generator is for --model paper-drums-gan");
    if (a.followBand && ((a.model != "drums" && a.model != "paper-drums-gan") || !a.resume.empty() || !a.configFile.empty()))
        throw std::invalid_argument("--follow-band starts a new --model drums or paper-drums-gan run (a resumed run keeps its "
                                    "checkpoint's representation; --config says bandOnsets itself)");
    if (a.ganPrimer && (a.model != "paper-drums-gan" || !a.resume.empty() || !a.configFile.empty()))
        throw std::invalid_argument("--gan-primer starts a new --model paper-drums-gan run (a resumed run keeps its "
                                    "checkpoint's generator; --config says it itself)");
    if ((a.ganPrimer || a.followBand) && a.model == "paper-drums-gan" && a.ganGenerator != "lstm")
        throw std::invalid_argument("--follow-band and --gan-primer condition NoteForge's generator: add --gan-generator lstm "
                                    "(the paper's generator hears nothing but its noise)");
    if (!a.configFile.empty() && (!a.resume.empty() || !a.preset.empty() || !a.repr.empty() || a.modelSet || !a.ganGenerator.empty()))
        throw std::invalid_argument("--config gives the whole configuration: drop --model, --preset, --repr and --gan-generator "
                                    "(a resumed run keeps its checkpoint's)");
    TrainingConfig c = !a.configFile.empty() ? TrainingConfig::fromJson(readTextFile(a.configFile))
                       : !initPath.empty() ? fineTuningConfig(initPath, 20, a.adapterRank)  // the base's network, a gentler schedule
                       : a.resume.empty() && a.model == "drums" ? drumModelConfig()
                       : a.resume.empty() ? TrainingConfig::forModel(parseEnum<ModelKind>(a.model),
                                                                     a.preset.empty() ? std::nullopt
                                                                                      : std::optional(parseEnum<ModelSize>(a.preset)))
                                          : TrainingConfig::fromJson(readModelFile(a.resume).configJson);
    if (!a.repr.empty() && a.resume.empty()) c.tokenizer.kind = parseEnum<TokenizerKind>(a.repr);
    if (a.adapterRank > 0 && !a.configFile.empty()) setAdapters(c, a.adapterRank, initPath);  // the file's schedule as it is
    if (a.epochs > 0) c.epochs = a.epochs;
    if (a.batch > 0) c.batchSize = a.batch;
    if (a.seq > 0) c.seqLength = a.seq;
    if (a.lr > 0) c.optimizer.learningRate = a.lr;
    if (!a.optimizer.empty()) c.optimizer.name = parseEnum<OptimizerKind>(a.optimizer);
    if (a.valShare >= 0) c.valShare = a.valShare;
    if (a.checkpointEvery >= 0) c.checkpointEvery = a.checkpointEvery;
    if (a.metricsEvery >= 0) c.metricsEverySteps = a.metricsEvery;
    if (a.hidden > 0) c.model.hiddenSize = a.hidden;
    if (a.layers > 0) c.model.layers = a.layers;
    if (a.embed > 0) c.model.embedDim = a.embed;
    if (a.heads > 0) c.model.heads = a.heads;
    if (a.dropout >= 0) c.model.dropout = a.dropout;
    if (a.clip >= 0) c.optimizer.clipNorm = a.clip;
    if (a.seedSet) c.seed = a.seed;
    if (!a.ganGenerator.empty() && a.resume.empty()) c.model.gan.generator = parseEnum<DrumGanGenerator>(a.ganGenerator);
    if (a.followBand) {
        c.tokenizer.bandOnsets = true;
        if (c.model.isDrumGan()) c.model.gan.band = true;
    }
    if (a.ganPrimer) c.model.gan.primer = true;
    if (a.configFile.empty() || a.device != "auto") c.device = a.device;
    if (a.configFile.empty() || a.threads > 0) c.threads = a.threads;
    if (a.configFile.empty() || a.maxMinutes > 0) c.maxMinutes = a.maxMinutes;
    if (a.configFile.empty() || a.amp) c.mixedPrecision = a.amp;
    if (a.chunkTokens > 0) c.chunkTokens = a.chunkTokens;
    return c;
}

MusicFormat formatFrom(const std::string& s) {
    if (s == "midi") return MusicFormat::Midi;
    if (s == "abc") return MusicFormat::Abc;
    return MusicFormat::Unknown;
}

int runTrain(const TrainArgs& a) {
    // Started by torchrun or srun with several ranks: one rank of a data-parallel job (docs/scaling.md).
    std::optional<DistributedEnv> job;
    const ExchangeBackend backend = exchangeBackendFromName(a.distBackend).value_or(ExchangeBackend::Auto);
    try {
        job = distributedEnvFromProcess();
        if (!joinsDataParallelJob(job, backend)) job.reset();
    } catch (const DistributedEnvError& e) {
        printError(std::string("the launcher's environment: ") + e.what());
        return FailedWork;
    } catch (const std::invalid_argument& e) {
        printError(e.what());
        return UsageError;
    }
    // Rank 0 speaks for the job and writes its files; the others say only what goes wrong with them.
    const bool leader = !job || job->rank == 0;
    if (job) std::printf("%s\n", job->describe().c_str());
    TrainingConfig config;
    std::string initPath;
    try {
        if (!a.init.empty()) {
            std::string init = a.init;
            if (init == "auto") {  // the base that fits the data, as the studio's "Start from" chooses it
                const Dataset pieces = loadDataset(a.data.empty() ? demoDataPath() : a.data);
                std::vector<const Score*> scores;
                for (const Piece& p : pieces.pieces) scores.push_back(&p.score);
                init = fittingBaseModel(scores);
                if (leader) std::printf("base model for this data: %s\n", init.c_str());
            }
            initPath = resolveBaseModel(init);
            if (initPath.empty()) {
                std::string names;
                for (const BaseModelFile& b : findBaseModels()) names += (names.empty() ? "" : ", ") + b.name;
                printError("--init " + init + ": no such model file or base model (base models here: " +
                           (names.empty() ? "none" : names) + ")");
                return UsageError;
            }
        }
        config = buildConfig(a, initPath);
        config.validate();
    } catch (const ModelFileError& e) {
        printError(e.what());
        return FailedWork;
    } catch (const std::exception& e) {
        printError(e.what());
        return UsageError;
    }
    if (!a.corpus.empty() && !a.data.empty()) {
        printError("--corpus is the data already tokenized: not together with --data");
        return UsageError;
    }
    const std::string data = !a.corpus.empty() ? a.corpus : a.data.empty() ? demoDataPath() : a.data;
    if (data.empty()) {
        printError("no --data given and no demo data set found");
        return UsageError;
    }
    TrainingControl control;
    const SignalGuard signals(control);
    try {
        // Before the data is read: a missing module is said at once, not after minutes of tokenizing.
        const TrainingModule& module = TrainingModule::load();
        for (const std::string& refused : TrainingModule::refusals())
            std::fprintf(stderr, "warning: training module refused: %s\n", refused.c_str());
        if (leader) std::printf("training module %s\n", module.describe().c_str());
    } catch (const TrainingModuleUnavailable& e) {
        printError(e.what());
        return FailedWork;
    }
    try {
        CorpusOptions co;
        co.format = formatFrom(a.format);
        co.useCache = !a.noCache;
        if (leader) std::printf("reading %s as %s ...\n", data.c_str(), toString(config.tokenizer.kind).c_str());
        std::fflush(stdout);
        // --corpus: a token file, or a folder of token shards (`tokenize`) that stays on disk and trains in bounded memory.
        const TokenizedCorpus corpus = a.corpus.empty()                ? buildCorpus(data, config.tokenizer, co)
                                       : isTokenShardFolder(a.corpus) ? openTokenShards(a.corpus)
                                                                      : readCorpusFile(a.corpus);
        if (!a.corpus.empty() && !(corpus.tokenizer == config.tokenizer))
            throw std::runtime_error("--corpus " + a.corpus + ": tokenized with other settings than the configuration's (" +
                                     toString(corpus.tokenizer.kind) + " vs " + toString(config.tokenizer.kind) + ")");
        if (leader) {
            std::printf("data: %zu pieces, %zu tokens, vocabulary %d%s\n", corpus.pieces.size(), corpus.tokenCount(),
                        corpus.vocab.size(), corpus.fromCache ? " (from cache)" : corpus.shards ? " (token shards)" : "");
            for (std::size_t i = 0; i < corpus.problems.size() && i < 5; ++i) std::fprintf(stderr, "skipped: %s\n", corpus.problems[i].c_str());
            if (corpus.problems.size() > 5) std::fprintf(stderr, "skipped: ... and %zu more\n", corpus.problems.size() - 5);
        }

        TrainerOptions options;
        options.modelPath = a.out;
        options.resumeFrom = a.resume;
        options.initFrom = initPath;
        if (!initPath.empty() && leader && a.adapterRank > 0)
            std::printf("training rank-%d adapters on %s (frozen)\n", a.adapterRank, initPath.c_str());
        else if (!initPath.empty() && leader)
            std::printf("fine-tuning %s\n", initPath.c_str());
        std::error_code ec;
        options.dataPath = !a.dataLabel.empty() ? a.dataLabel : std::filesystem::absolute(data, ec).string();
        options.force = a.force;
        options.validateEverySteps = a.validateEvery;
        options.minStepRowsPerEpoch = a.stepRowsPerEpoch;
        options.distributed = job;
        options.distributedTimeoutSeconds = a.distTimeout;
        options.distributedBackend = backend;
        ProgressPrinter printer(isatty(fileno(stderr)) != 0, a.quiet);
        std::unique_ptr<MetricsCsvWriter> csv;
        if (!a.metrics.empty() && leader) csv = std::make_unique<MetricsCsvWriter>(a.metrics);
        std::unique_ptr<TrainingEventWriter> events;
        if (!a.events.empty() && leader) events = std::make_unique<TrainingEventWriter>(a.events);
        FanOutObserver observers({leader ? &printer : nullptr, csv.get(), events.get()});
        // (A rank of a job goes on to meet the others, which learn of the stop at the first step: were it to leave
        // now, they would wait for it until the timeout.)
        if (control.stopRequested() && !job) {
            // Stopped while the module or the data were loading: nothing trained, nothing to save.
            TrainingResult stopped;
            stopped.outcome = TrainingOutcome::Stopped;
            stopped.message = "stopped before training began";
            observers.onFinish(stopped);
            std::printf("%s\n", stopped.message.c_str());
            return Success;
        }
        const TrainingResult result = Trainer(config, options).run(corpus, &observers, &control);
        if (leader) std::printf("%s\n", result.message.c_str());
        else std::printf("rank %d: done, step %lld (rank 0 wrote the files)\n", job->rank, static_cast<long long>(result.steps));
        return result.outcome == TrainingOutcome::NonFinite ? FailedWork : Success;
    } catch (const std::exception& e) {
        printError(e.what());
        return FailedWork;
    }
}

}  // namespace

void addTrainCommand(CLI::App& app, CliResult& result) {
    auto args = std::make_shared<TrainArgs>();
    auto* cmd = app.add_subcommand("train", "Train a model (paper-midi, paper-abc, lstm, transformer, drums or paper-drums-gan) on a folder of MIDI/ABC music");
    cmd->add_option("--data", args->data, "File or folder of MIDI/ABC music (default: the demo data set)");
    cmd->add_option("--out", args->out, "Model file to write (best by validation loss); checkpoints go to MODEL.ckpt")->required();
    cmd->add_option("--format", args->format, "Which files to use")->check(CLI::IsMember({"auto", "midi", "abc"}));
    cmd->add_option("--repr", args->repr, "Representation (default: the model's: paper-notes, abc-chars, events; "
                                          "remi for lstm and transformer: bars, tracks, controls, infill)")
        ->check(CLI::IsMember(enumWords<TokenizerKind>()));
    std::vector<std::string> models = enumWords<ModelKind>();
    models.emplace_back("drums");
    cmd->add_option("--model", args->model, "Model (default lstm; drums: the lstm on drum patterns, for drum parts; "
                                            "paper-drums-gan: the paper's drum GAN, made to train)")
        ->check(CLI::IsMember(models))
        ->each([args](const std::string&) { args->modelSet = true; });
    cmd->add_option("--gan-generator", args->ganGenerator, "paper-drums-gan: the paper's Dense/BatchNorm generator (paper, "
                                                           "default) or NoteForge's LSTM generator (lstm)")
        ->check(CLI::IsMember(enumWords<DrumGanGenerator>()));
    cmd->add_flag("--follow-band", args->followBand, "drums (and paper-drums-gan with --gan-generator lstm): the model "
                                                     "hears the band: each step's hits follow the other parts' onsets "
                                                     "(pieces that have them), and Add Part gives it the piece's");
    cmd->add_flag("--gan-primer", args->ganPrimer, "paper-drums-gan with --gan-generator lstm: each bar is written after "
                                                   "the bar before it, so a part continues its groove (and generate "
                                                   "--primer continues a file's last bar)");
    cmd->add_option("--preset", args->preset, "Transformer size: small (about 2M parameters, CPU; default) or base "
                                              "(about 20M, GPU)")
        ->check(CLI::IsMember(enumWords<ModelSize>()));
    cmd->add_option("--epochs", args->epochs, "Epochs to train (resuming: total epochs)")->check(CLI::PositiveNumber);
    cmd->add_option("--batch", args->batch, "Batch size")->check(CLI::PositiveNumber);
    cmd->add_option("--seq", args->seq, "Window length in tokens")->check(CLI::PositiveNumber);
    cmd->add_option("--lr", args->lr, "Learning rate")->check(CLI::PositiveNumber);
    cmd->add_option("--optimizer", args->optimizer, "Optimizer")->check(CLI::IsMember(enumWords<OptimizerKind>()));
    cmd->add_option("--val-share", args->valShare, "Share of pieces held out for validation (default 0.1)")->check(CLI::Range(0.0, 0.95));
    cmd->add_option("--device", args->device, "auto, cpu, cuda or cuda:N");
    cmd->add_option("--threads", args->threads, "CPU threads (default: all cores)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--metrics", args->metrics, "Write metrics to this CSV file");
    cmd->add_option("--checkpoint-every", args->checkpointEvery, "Checkpoint every N epochs (default 10)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--resume", args->resume, "Continue from this checkpoint (MODEL.ckpt)");
    cmd->add_option("--init", args->init, "Fine-tune: start from this model's weights, a file or a base model's name "
                                          "(folk, multitrack: `noteforge-cli models`), or auto: the base that fits the data; its network and representation are kept");
    cmd->add_option("--adapter-rank", args->adapterRank, "With --init: train rank-R low-rank adapters on the frozen model "
                                                       "instead of all its weights; --out is then a small adapter file "
                                                       "that opens on top of that model (transformers)")
        ->check(CLI::Range(1, 256));
    cmd->add_flag("--force", args->force, "Resume even if the data changed since the checkpoint");
    cmd->add_option("--max-minutes", args->maxMinutes, "Stop (and save) after this many minutes")->check(CLI::NonNegativeNumber);
    cmd->add_option("--seed", args->seed, "Random seed (default 42)")->each([args](const std::string&) { args->seedSet = true; });
    cmd->add_option("--hidden", args->hidden, "LSTM units per layer (transformer: MLP width)")->check(CLI::PositiveNumber);
    cmd->add_option("--layers", args->layers, "LSTM layers (transformer: blocks)")->check(CLI::Range(1, 16));
    cmd->add_option("--embed", args->embed, "Embedding size (transformer: its width)")->check(CLI::PositiveNumber);
    cmd->add_option("--heads", args->heads, "Transformer attention heads")->check(CLI::Range(1, 64));
    cmd->add_option("--dropout", args->dropout, "Dropout after each LSTM layer (transformer: residual and embedding)")
        ->check(CLI::Range(0.0, 0.95));
    cmd->add_option("--clip", args->clip, "Gradient clipping norm (0 = off)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--metrics-every", args->metricsEvery, "A metrics row every N steps (0 = per epoch only)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--validate-every", args->validateEvery, "Also validate every N steps")->check(CLI::NonNegativeNumber);
    cmd->add_option("--step-rows-per-epoch", args->stepRowsPerEpoch,
                    "About N per-step metrics rows an epoch, besides --metrics-every (live charts of short runs)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--amp", args->amp, "Mixed precision (bfloat16) on CUDA");
    cmd->add_flag("--no-cache", args->noCache, "Tokenize again instead of using the token cache");
    cmd->add_flag("--quiet", args->quiet, "Only the summary lines");
    cmd->add_option("--corpus", args->corpus, "Train on this token file (.nftok, as the studio sends to a remote machine) "
                                              "or folder of token shards (`tokenize`: read from disk in bounded memory) "
                                              "instead of --data");
    cmd->add_option("--chunk-tokens", args->chunkTokens, "Many-to-many models read an epoch this many tokens of pieces at a "
                                                         "time (default 8388608); memory holds one such group")
        ->check(CLI::Range(1024LL, 1LL << 40));
    cmd->add_option("--config", args->configFile, "The whole configuration from this JSON file (a model file's or the "
                                                  "studio's); the options above still override it");
    cmd->add_option("--events", args->events, "Write every training event to this file as JSON lines, flushed as they "
                                              "happen (the studio follows a remote run through it)");
    cmd->add_option("--data-label", args->dataLabel, "Where the data came from, recorded in the model (default: the "
                                                     "--data or --corpus path)");
    cmd->add_option("--dist-timeout", args->distTimeout, "Launched by torchrun or srun with several ranks: seconds a rank "
                                                         "waits for the others before it gives up (default 300)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--dist-backend", args->distBackend, "Launched by torchrun or srun: what carries the gradients: "
                                                         "nccl (GPU to GPU; CUDA ranks of a module built with NCCL), "
                                                         "gloo (through the host), or auto (default: nccl where it "
                                                         "can, else gloo)")
        ->check(CLI::IsMember({"auto", "gloo", "nccl"}));
    setGuardedCallback(cmd, result, [args] { return runTrain(*args); });
}


}  // namespace nf::cli
