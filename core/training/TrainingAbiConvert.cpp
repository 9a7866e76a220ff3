// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/TrainingAbiConvert.h"

#include "tokenize/TokenShards.h"

#include <cmath>
#include <limits>

namespace nf::abi {

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

double orNaN(const std::optional<double>& v) { return v ? *v : kNone; }
std::optional<double> unlessNaN(double v) { return std::isnan(v) ? std::nullopt : std::optional<double>(v); }
std::string str(const char* s) { return s ? std::string(s) : std::string(); }

std::vector<MetricsRow> rowsFromC(const nf_metrics_row* rows, std::uint64_t count) {
    std::vector<MetricsRow> out;
    out.reserve(count);
    for (std::uint64_t i = 0; i < count; ++i) out.push_back(fromC(rows[i]));
    return out;
}

std::vector<nf_metrics_row> rowsToC(const std::vector<MetricsRow>& rows) {
    std::vector<nf_metrics_row> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(toC(r));
    return out;
}

}  // namespace

nf_metrics_row toC(const MetricsRow& r) {
    return {r.epoch,       r.step ? *r.step : -1,      r.wallSeconds,     r.trainLoss,
            r.trainAccuracy, orNaN(r.valLoss),         orNaN(r.valAccuracy), orNaN(r.valPerplexity),
            r.tokensPerSecond, r.learningRate,         r.epochSeconds,      orNaN(r.criticLoss)};
}

MetricsRow fromC(const nf_metrics_row& r) {
    MetricsRow row;
    row.epoch = r.epoch;
    if (r.step >= 0) row.step = r.step;
    row.wallSeconds = r.wall_seconds;
    row.trainLoss = r.train_loss;
    row.trainAccuracy = r.train_accuracy;
    row.valLoss = unlessNaN(r.val_loss);
    row.valAccuracy = unlessNaN(r.val_accuracy);
    row.valPerplexity = unlessNaN(r.val_perplexity);
    row.tokensPerSecond = r.tokens_per_second;
    row.learningRate = r.learning_rate;
    row.epochSeconds = r.epoch_seconds;
    row.criticLoss = unlessNaN(r.critic_loss);
    return row;
}

nf_training_progress toC(const TrainingProgress& p) {
    return {p.epoch,    p.epochs,          p.stepInEpoch,    p.stepsPerEpoch, p.globalStep, p.loss,
            p.accuracy, p.tokensPerSecond, p.elapsedSeconds, p.etaSeconds,    p.paused ? 1 : 0};
}

TrainingProgress fromC(const nf_training_progress& c) {
    TrainingProgress p;
    p.epoch = c.epoch;
    p.epochs = c.epochs;
    p.stepInEpoch = c.step_in_epoch;
    p.stepsPerEpoch = c.steps_per_epoch;
    p.globalStep = c.global_step;
    p.loss = c.loss;
    p.accuracy = c.accuracy;
    p.tokensPerSecond = c.tokens_per_second;
    p.elapsedSeconds = c.elapsed_seconds;
    p.etaSeconds = c.eta_seconds;
    p.paused = c.paused != 0;
    return p;
}

StartView::StartView(const TrainingStart& s) : rows(rowsToC(s.history)) {
    c.device = s.device.c_str();
    c.threads = s.threads;
    c.blas = s.blas.c_str();
    c.torch_version = s.torchVersion.c_str();
    c.model = s.model.c_str();
    c.representation = s.representation.c_str();
    c.vocab_size = s.vocabSize;
    c.parameters = s.parameters;
    c.train_pieces = s.trainPieces;
    c.validation_pieces = s.validationPieces;
    c.train_tokens = s.trainTokens;
    c.validation_tokens = s.validationTokens;
    c.steps_per_epoch = s.stepsPerEpoch;
    c.first_epoch = s.firstEpoch;
    c.epochs = s.epochs;
    c.history = rows.data();
    c.history_count = rows.size();
}

TrainingStart fromC(const nf_training_start& c) {
    TrainingStart s;
    s.device = str(c.device);
    s.threads = c.threads;
    s.blas = str(c.blas);
    s.torchVersion = str(c.torch_version);
    s.model = str(c.model);
    s.representation = str(c.representation);
    s.vocabSize = c.vocab_size;
    s.parameters = c.parameters;
    s.trainPieces = c.train_pieces;
    s.validationPieces = c.validation_pieces;
    s.trainTokens = c.train_tokens;
    s.validationTokens = c.validation_tokens;
    s.stepsPerEpoch = c.steps_per_epoch;
    s.firstEpoch = c.first_epoch;
    s.epochs = c.epochs;
    s.history = rowsFromC(c.history, c.history_count);
    return s;
}

ResultView::ResultView(const TrainingResult& r) : rows(rowsToC(r.history)) {
    c.outcome = static_cast<std::int32_t>(r.outcome);
    c.message = r.message.c_str();
    c.epochs_done = r.epochsDone;
    c.steps = r.steps;
    c.best_val_loss = orNaN(r.bestValLoss);
    c.best_epoch = r.bestEpoch;
    c.model_path = r.modelPath.c_str();
    c.checkpoint_path = r.checkpointPath.c_str();
    c.history = rows.data();
    c.history_count = rows.size();
}

TrainingResult fromC(const nf_training_result& c) {
    TrainingResult r;
    r.outcome = c.outcome >= 0 && c.outcome <= static_cast<std::int32_t>(TrainingOutcome::NonFinite)
                    ? static_cast<TrainingOutcome>(c.outcome)
                    : TrainingOutcome::Stopped;
    r.message = str(c.message);
    r.epochsDone = c.epochs_done;
    r.steps = c.steps;
    r.bestValLoss = unlessNaN(c.best_val_loss);
    r.bestEpoch = c.best_epoch;
    r.modelPath = str(c.model_path);
    r.checkpointPath = str(c.checkpoint_path);
    r.history = rowsFromC(c.history, c.history_count);
    return r;
}

OptionsView::OptionsView(const TrainerOptions& o) {
    c.model_path = o.modelPath.c_str();
    c.checkpoint_path = o.checkpointPath.c_str();
    c.resume_from = o.resumeFrom.c_str();
    c.force = o.force ? 1 : 0;
    c.validate_every_steps = o.validateEverySteps;
    c.min_step_rows_per_epoch = o.minStepRowsPerEpoch;
    c.data_path = o.dataPath.c_str();
    c.inject_non_finite_at_step = o.injectNonFiniteAtStep;
    c.init_from = o.initFrom.c_str();
    c.timeout_seconds = o.distributedTimeoutSeconds;
    c.exchange_backend = static_cast<std::int32_t>(o.distributedBackend);
    if (const auto& d = o.distributed) {
        c.rank = d->rank;
        c.world_size = d->worldSize;
        c.local_rank = d->localRank;
        c.master_addr = d->masterAddr.c_str();
        c.master_port = d->masterPort;
        c.agent_store = d->agentStore ? 1 : 0;
        c.restart_count = d->restartCount;
    }
}

TrainerOptions fromC(const nf_trainer_options& c) {
    TrainerOptions o;
    o.modelPath = str(c.model_path);
    o.checkpointPath = str(c.checkpoint_path);
    o.resumeFrom = str(c.resume_from);
    o.force = c.force != 0;
    o.validateEverySteps = c.validate_every_steps;
    o.minStepRowsPerEpoch = c.min_step_rows_per_epoch;
    o.dataPath = str(c.data_path);
    o.injectNonFiniteAtStep = c.inject_non_finite_at_step;
    o.initFrom = str(c.init_from);
    o.distributedTimeoutSeconds = c.timeout_seconds;
    if (c.exchange_backend == static_cast<std::int32_t>(ExchangeBackend::Gloo)) o.distributedBackend = ExchangeBackend::Gloo;
    if (c.exchange_backend == static_cast<std::int32_t>(ExchangeBackend::Nccl)) o.distributedBackend = ExchangeBackend::Nccl;
    if (c.world_size > 0) {
        DistributedEnv d;
        d.rank = c.rank;
        d.worldSize = c.world_size;
        d.localRank = c.local_rank;
        d.masterAddr = str(c.master_addr);
        d.masterPort = c.master_port;
        d.agentStore = c.agent_store != 0;
        d.restartCount = c.restart_count;
        o.distributed = d;
    }
    return o;
}

CorpusView::CorpusView(const TokenizedCorpus& corpus) : tokenizerJson(corpus.tokenizer.toJson()) {
    if (corpus.shards) {  // the module maps the shards itself
        shardsPath = corpus.shards->path();
        c.shards_path = shardsPath.c_str();
        c.tokenizer_json = tokenizerJson.c_str();
        c.fingerprint = corpus.fingerprint.c_str();
        return;
    }
    vocabulary.reserve(static_cast<std::size_t>(corpus.vocab.size()));
    for (const auto& t : corpus.vocab.tokens()) vocabulary.push_back(t.c_str());
    pieces.reserve(corpus.pieces.size());
    for (const auto& p : corpus.pieces)
        pieces.push_back({p.file.c_str(), p.tuneNumber, p.title.c_str(), p.ids.data(), p.ids.size()});
    c.tokenizer_json = tokenizerJson.c_str();
    c.vocabulary = vocabulary.data();
    c.vocabulary_count = vocabulary.size();
    c.pieces = pieces.data();
    c.piece_count = pieces.size();
    c.fingerprint = corpus.fingerprint.c_str();
}

TokenizedCorpus fromC(const nf_training_corpus& c) {
    if (c.shards_path && *c.shards_path) return openTokenShards(c.shards_path);
    TokenizedCorpus corpus;
    corpus.tokenizer = TokenizerSettings::fromJson(str(c.tokenizer_json));
    std::vector<std::string> tokens;
    tokens.reserve(c.vocabulary_count);
    for (std::uint64_t i = 0; i < c.vocabulary_count; ++i) tokens.push_back(str(c.vocabulary[i]));
    corpus.vocab = Vocabulary(std::move(tokens));
    corpus.pieces.reserve(c.piece_count);
    for (std::uint64_t i = 0; i < c.piece_count; ++i) {
        const nf_training_piece& p = c.pieces[i];
        corpus.pieces.push_back({str(p.file), p.tune_number, str(p.title),
                                 std::vector<std::int32_t>(p.ids, p.ids + p.id_count)});
    }
    corpus.fingerprint = str(c.fingerprint);
    return corpus;
}

BenchmarkOptionsView::BenchmarkOptionsView(const TrainBenchmarkOptions& o)
    : model(toString(o.model)), lstmKernel(toString(o.lstmKernel)), preset(o.preset ? toString(*o.preset) : "") {
    c.model = model.c_str();
    c.vocab = o.vocab;
    c.batch = o.batch;
    c.seq = o.seq;
    c.steps = o.steps;
    c.warmup = o.warmup;
    c.threads = o.threads;
    c.device = o.device.c_str();
    c.lstm_kernel = lstmKernel.c_str();
    c.preset = preset.c_str();
}

TrainBenchmarkOptions fromC(const nf_benchmark_options& c) {
    TrainBenchmarkOptions o;
    o.model = parseEnum<ModelKind>(str(c.model));
    o.vocab = c.vocab;
    o.batch = c.batch;
    o.seq = c.seq;
    o.steps = c.steps;
    o.warmup = c.warmup;
    o.threads = c.threads;
    o.device = str(c.device);
    o.lstmKernel = parseEnum<LstmKernel>(str(c.lstm_kernel));
    if (const std::string size = str(c.preset); !size.empty()) o.preset = parseEnum<ModelSize>(size);
    return o;
}

BenchmarkResultView::BenchmarkResultView(const TrainBenchmarkResult& r) : lstmKernel(toString(r.lstmKernel)) {
    c.device = r.device.c_str();
    c.threads = r.threads;
    c.blas = r.blas.c_str();
    c.torch_version = r.torchVersion.c_str();
    c.lstm_kernel = lstmKernel.c_str();
    c.step_seconds = r.stepSeconds.data();
    c.step_count = r.stepSeconds.size();
    c.median_step_seconds = r.medianStepSeconds;
    c.flops_per_step = r.flopsPerStep;
    c.gflops = r.gflops;
    c.sgemm_gflops = r.sgemmGflops;
    c.tokens_per_second = r.tokensPerSecond;
}

TrainBenchmarkResult fromC(const nf_benchmark_result& c) {
    TrainBenchmarkResult r;
    r.device = str(c.device);
    r.threads = c.threads;
    r.blas = str(c.blas);
    r.torchVersion = str(c.torch_version);
    r.lstmKernel = parseEnum<LstmKernel>(str(c.lstm_kernel));
    r.stepSeconds.assign(c.step_seconds, c.step_seconds + c.step_count);
    r.medianStepSeconds = c.median_step_seconds;
    r.flopsPerStep = c.flops_per_step;
    r.gflops = c.gflops;
    r.sgemmGflops = c.sgemm_gflops;
    r.tokensPerSecond = c.tokens_per_second;
    return r;
}

}  // namespace nf::abi
