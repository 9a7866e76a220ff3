// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/TrainingEventLog.h"

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "training/MetricsRowJson.h"

namespace nf {

namespace {
using Json = nlohmann::json;

const char* outcomeWord(TrainingOutcome o) {
    switch (o) {
        case TrainingOutcome::Finished: return "finished";
        case TrainingOutcome::Stopped: return "stopped";
        case TrainingOutcome::TimeLimit: return "time-limit";
        case TrainingOutcome::NonFinite: return "non-finite";
    }
    return "finished";
}

TrainingOutcome outcomeFrom(const std::string& w) {
    if (w == "finished") return TrainingOutcome::Finished;
    if (w == "stopped") return TrainingOutcome::Stopped;
    if (w == "time-limit") return TrainingOutcome::TimeLimit;
    if (w == "non-finite") return TrainingOutcome::NonFinite;
    throw std::runtime_error("unknown outcome " + w);
}

Json rowsJson(const std::vector<MetricsRow>& rows) {
    Json a = Json::array();
    for (const MetricsRow& r : rows) a.push_back(metricsRowJson(r));
    return a;
}

std::vector<MetricsRow> rowsFrom(const Json& a) {
    std::vector<MetricsRow> rows;
    for (const Json& r : a) rows.push_back(metricsRowFrom(r));
    return rows;
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

TrainingStart startFrom(const Json& j) {
    TrainingStart s;
    s.device = j.at("device").get<std::string>();
    s.threads = j.at("threads").get<int>();
    s.blas = j.value("blas", "");
    s.torchVersion = j.value("torch", "");
    s.model = j.at("model").get<std::string>();
    s.representation = j.at("representation").get<std::string>();
    s.vocabSize = j.at("vocab").get<int>();
    s.parameters = j.at("parameters").get<std::int64_t>();
    s.trainPieces = j.at("train_pieces").get<std::size_t>();
    s.validationPieces = j.at("validation_pieces").get<std::size_t>();
    s.trainTokens = j.at("train_tokens").get<std::size_t>();
    s.validationTokens = j.at("validation_tokens").get<std::size_t>();
    s.stepsPerEpoch = j.at("steps_per_epoch").get<std::int64_t>();
    s.firstEpoch = j.at("first_epoch").get<int>();
    s.epochs = j.at("epochs").get<int>();
    s.history = rowsFrom(j.at("history"));
    return s;
}

TrainingProgress progressFrom(const Json& j) {
    TrainingProgress p;
    p.epoch = j.at("epoch").get<int>();
    p.epochs = j.at("epochs").get<int>();
    p.stepInEpoch = j.at("step_in_epoch").get<std::int64_t>();
    p.stepsPerEpoch = j.at("steps_per_epoch").get<std::int64_t>();
    p.globalStep = j.at("global_step").get<std::int64_t>();
    p.loss = j.at("loss").get<double>();
    p.accuracy = j.at("accuracy").get<double>();
    p.tokensPerSecond = j.at("tokens_per_s").get<double>();
    p.elapsedSeconds = j.at("elapsed_s").get<double>();
    p.etaSeconds = j.at("eta_s").get<double>();
    p.paused = j.at("paused").get<bool>();
    return p;
}

TrainingResult resultFrom(const Json& j) {
    TrainingResult r;
    r.outcome = outcomeFrom(j.at("outcome").get<std::string>());
    r.message = j.at("message").get<std::string>();
    r.epochsDone = j.at("epochs_done").get<int>();
    r.steps = j.at("steps").get<std::int64_t>();
    if (j.contains("best_val_loss") && !j.at("best_val_loss").is_null()) r.bestValLoss = j.at("best_val_loss").get<double>();
    r.bestEpoch = j.at("best_epoch").get<int>();
    r.modelPath = j.at("model").get<std::string>();
    r.checkpointPath = j.at("checkpoint").get<std::string>();
    r.history = rowsFrom(j.at("history"));
    return r;
}
}  // namespace

double unixNow() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string trainingEventLine(std::string_view event, const std::string& payloadJson, double t) {
    Json j{{"v", TrainingEventWriter::kVersion}, {"t", t}, {"event", std::string(event)}};
    j["data"] = Json::parse(payloadJson);
    return dump(j);
}

std::string startEventLine(const TrainingStart& s, double t) {
    const Json d{{"device", s.device},
                 {"threads", s.threads},
                 {"blas", s.blas},
                 {"torch", s.torchVersion},
                 {"model", s.model},
                 {"representation", s.representation},
                 {"vocab", s.vocabSize},
                 {"parameters", s.parameters},
                 {"train_pieces", s.trainPieces},
                 {"validation_pieces", s.validationPieces},
                 {"train_tokens", s.trainTokens},
                 {"validation_tokens", s.validationTokens},
                 {"steps_per_epoch", s.stepsPerEpoch},
                 {"first_epoch", s.firstEpoch},
                 {"epochs", s.epochs},
                 {"history", rowsJson(s.history)}};
    return trainingEventLine("start", dump(d), t);
}

std::string progressEventLine(const TrainingProgress& p, double t) {
    const Json d{{"epoch", p.epoch},
                 {"epochs", p.epochs},
                 {"step_in_epoch", p.stepInEpoch},
                 {"steps_per_epoch", p.stepsPerEpoch},
                 {"global_step", p.globalStep},
                 {"loss", p.loss},
                 {"accuracy", p.accuracy},
                 {"tokens_per_s", p.tokensPerSecond},
                 {"elapsed_s", p.elapsedSeconds},
                 {"eta_s", p.etaSeconds},
                 {"paused", p.paused}};
    return trainingEventLine("progress", dump(d), t);
}

std::string metricsEventLine(const MetricsRow& row, double t) { return trainingEventLine("metrics", dump(metricsRowJson(row)), t); }

std::string messageEventLine(const std::string& text, double t) {
    return trainingEventLine("message", dump(Json{{"text", text}}), t);
}

std::string finishEventLine(const TrainingResult& r, double t) {
    const Json d{{"outcome", outcomeWord(r.outcome)},
                 {"message", r.message},
                 {"epochs_done", r.epochsDone},
                 {"steps", r.steps},
                 {"best_val_loss", r.bestValLoss ? Json(*r.bestValLoss) : Json(nullptr)},
                 {"best_epoch", r.bestEpoch},
                 {"model", r.modelPath},
                 {"checkpoint", r.checkpointPath},
                 {"history", rowsJson(r.history)}};
    return trainingEventLine("finish", dump(d), t);
}

TrainingEventWriter::TrainingEventWriter(const std::string& path) : path_(path) {
    file_ = std::fopen(path.c_str(), "w");
    if (!file_) throw std::runtime_error(path + ": cannot write the event log (" + std::strerror(errno) + ")");
}

TrainingEventWriter::~TrainingEventWriter() {
    if (file_) std::fclose(file_);
}

void TrainingEventWriter::write(const std::string& line) {
    // A full disk must not stop training: the watcher then sees the stream end early, and the run goes on.
    if (!file_) return;
    if (std::fputs(line.c_str(), file_) < 0 || std::fputc('\n', file_) == EOF || std::fflush(file_) != 0) {
        std::fclose(file_);
        file_ = nullptr;
    }
}

void TrainingEventWriter::onStart(const TrainingStart& s) { write(startEventLine(s, unixNow())); }

void TrainingEventWriter::onProgress(const TrainingProgress& p) {
    const auto now = std::chrono::steady_clock::now();
    const bool edge = p.paused != lastPaused_ || (p.stepsPerEpoch > 0 && p.stepInEpoch == p.stepsPerEpoch);
    if (!edge && now - lastProgress_ < kProgressInterval) return;
    lastProgress_ = now;
    lastPaused_ = p.paused;
    write(progressEventLine(p, unixNow()));
}

void TrainingEventWriter::onMetrics(const MetricsRow& r) { write(metricsEventLine(r, unixNow())); }
void TrainingEventWriter::onMessage(const std::string& m) { write(messageEventLine(m, unixNow())); }
void TrainingEventWriter::onFinish(const TrainingResult& r) { write(finishEventLine(r, unixNow())); }

void TrainingEventReader::feed(std::string_view bytes) {
    pending_.append(bytes);
    std::size_t start = 0;
    for (std::size_t nl; (nl = pending_.find('\n', start)) != std::string::npos; start = nl + 1)
        line(std::string_view(pending_).substr(start, nl - start));
    pending_.erase(0, start);
}

void TrainingEventReader::line(std::string_view text) {
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) return;
    if (text.front() != '{') {
        if (otherLine) otherLine(text);
        return;
    }
    ++eventLines_;  // counted even when damaged: the watcher's position in the file
    try {
        const Json j = Json::parse(text);
        if (j.at("v").get<int>() != TrainingEventWriter::kVersion)
            throw std::runtime_error("event log version " + std::to_string(j.at("v").get<int>()) + ", this NoteForge reads " +
                                     std::to_string(TrainingEventWriter::kVersion));
        const std::string event = j.at("event").get<std::string>();
        const Json& d = j.at("data");
        lastTime_ = j.at("t").get<double>();
        if (event == "start") observer_.onStart(startFrom(d));
        else if (event == "progress") observer_.onProgress(progressFrom(d));
        else if (event == "metrics") observer_.onMetrics(metricsRowFrom(d));
        else if (event == "message") observer_.onMessage(d.at("text").get<std::string>());
        else if (event == "finish") {
            finished_ = true;
            observer_.onFinish(resultFrom(d));
        } else throw std::runtime_error("unknown event \"" + event + "\"");
    } catch (const std::exception& e) {
        if (badLine) badLine(text, e.what());
    }
}

}  // namespace nf
