// SPDX-License-Identifier: GPL-3.0-or-later
// The training event log is how the studio watches a run on another machine: every event written by the trainer
// comes back equal, whatever the chunks the connection delivers it in; damaged and foreign lines are reported and
// skipped, never thrown.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "training/TrainingEventLog.h"

namespace nf {
namespace {

struct Recorder final : TrainingObserver {
    std::vector<TrainingStart> starts;
    std::vector<TrainingProgress> progress;
    std::vector<MetricsRow> rows;
    std::vector<std::string> messages;
    std::vector<TrainingResult> results;
    void onStart(const TrainingStart& s) override { starts.push_back(s); }
    void onProgress(const TrainingProgress& p) override { progress.push_back(p); }
    void onMetrics(const MetricsRow& r) override { rows.push_back(r); }
    void onMessage(const std::string& m) override { messages.push_back(m); }
    void onFinish(const TrainingResult& r) override { results.push_back(r); }
};

MetricsRow row(int epoch, std::optional<std::int64_t> step, bool gan = false) {
    MetricsRow r;
    r.epoch = epoch;
    r.step = step;
    r.wallSeconds = 12.5 * epoch;
    r.trainLoss = 2.0 / epoch;
    r.trainAccuracy = 0.1 * epoch;
    if (!step) {
        r.valLoss = 2.5 / epoch;
        r.valAccuracy = 0.09 * epoch;
        r.valPerplexity = 3.3;
        r.epochSeconds = 12.5;
    }
    r.tokensPerSecond = 1234.5;
    r.learningRate = 1e-3;
    if (gan) r.criticLoss = -0.75;
    return r;
}

std::string events() {
    TrainingStart s;
    s.device = "cuda:0";
    s.threads = 16;
    s.blas = "OpenBLAS";
    s.torchVersion = "2.11.0";
    s.model = "transformer";
    s.representation = "remi";
    s.vocabSize = 412;
    s.parameters = 2'000'123;
    s.trainPieces = 90;
    s.validationPieces = 10;
    s.trainTokens = 123456;
    s.validationTokens = 12345;
    s.stepsPerEpoch = 77;
    s.firstEpoch = 3;
    s.epochs = 9;
    s.history = {row(1, std::nullopt), row(2, 150)};
    TrainingProgress p;
    p.epoch = 3;
    p.epochs = 9;
    p.stepInEpoch = 5;
    p.stepsPerEpoch = 77;
    p.globalStep = 159;
    p.loss = 1.5;
    p.accuracy = 0.4;
    p.tokensPerSecond = 9000;
    p.elapsedSeconds = 40;
    p.etaSeconds = 400;
    TrainingProgress paused = p;
    paused.paused = true;
    TrainingResult r;
    r.outcome = TrainingOutcome::Stopped;
    r.message = "stopped at epoch 3, step 5; checkpoint saved to \"model.nfm.ckpt\" \u00e9";
    r.epochsDone = 2;
    r.steps = 159;
    r.bestValLoss = 1.25;
    r.bestEpoch = 2;
    r.modelPath = "model.nfm";
    r.checkpointPath = "model.nfm.ckpt";
    r.history = {row(1, std::nullopt), row(2, std::nullopt), row(3, 159, true)};
    std::string text;
    for (const std::string& line : {startEventLine(s, 1.5), progressEventLine(p, 2.5), progressEventLine(paused, 3.0),
                                    metricsEventLine(row(3, std::nullopt, true), 4.25), messageEventLine("note: \"quoted\"\n", 5),
                                    finishEventLine(r, 6.75)})
        text += line + "\n";
    return text;
}

void expectAll(const Recorder& got) {
    ASSERT_EQ(got.starts.size(), 1u);
    EXPECT_EQ(got.starts[0].device, "cuda:0");
    EXPECT_EQ(got.starts[0].parameters, 2'000'123);
    EXPECT_EQ(got.starts[0].firstEpoch, 3);
    EXPECT_EQ(got.starts[0].stepsPerEpoch, 77);
    EXPECT_EQ(got.starts[0].history, (std::vector<MetricsRow>{row(1, std::nullopt), row(2, 150)}));
    ASSERT_EQ(got.progress.size(), 2u);
    EXPECT_EQ(got.progress[0].globalStep, 159);
    EXPECT_DOUBLE_EQ(got.progress[0].loss, 1.5);
    EXPECT_FALSE(got.progress[0].paused);
    EXPECT_TRUE(got.progress[1].paused);
    ASSERT_EQ(got.rows.size(), 1u);
    EXPECT_EQ(got.rows[0], row(3, std::nullopt, true));
    ASSERT_EQ(got.messages.size(), 1u);
    EXPECT_EQ(got.messages[0], "note: \"quoted\"\n");
    ASSERT_EQ(got.results.size(), 1u);
    EXPECT_EQ(got.results[0].outcome, TrainingOutcome::Stopped);
    EXPECT_EQ(got.results[0].checkpointPath, "model.nfm.ckpt");
    EXPECT_EQ(got.results[0].bestValLoss, 1.25);
    EXPECT_EQ(got.results[0].history.size(), 3u);
    EXPECT_NE(got.results[0].message.find("\u00e9"), std::string::npos);
}

TEST(TrainingEventLog, EveryEventComesBackWhateverTheChunks) {
    const std::string text = events();
    for (std::size_t chunk : {text.size(), std::size_t{1}, std::size_t{7}, std::size_t{64}}) {
        Recorder got;
        TrainingEventReader reader(got);
        for (std::size_t i = 0; i < text.size(); i += chunk) reader.feed(std::string_view(text).substr(i, chunk));
        expectAll(got);
        EXPECT_EQ(reader.eventLines(), 6);
        EXPECT_DOUBLE_EQ(reader.lastEventTime(), 6.75);
        EXPECT_TRUE(reader.finished());
    }
}

TEST(TrainingEventLog, OtherAndDamagedLinesAreReportedAndSkipped) {
    Recorder got;
    TrainingEventReader reader(got);
    std::vector<std::string> other, bad;
    reader.otherLine = [&](std::string_view l) { other.emplace_back(l); };
    reader.badLine = [&](std::string_view l, const std::string& why) { bad.push_back(std::string(l) + " | " + why); };
    std::string text = "#nf-exit 0\r\n{\"v\":1,\"t\":1,\"event\":\"metrics\",\"data\":{\"epoch\":\"x\"}}\n"
                       "{\"v\":2,\"t\":1,\"event\":\"message\",\"data\":{\"text\":\"from the future\"}}\n"
                       "{\"v\":1,\"t\":1,\"event\":\"dance\",\"data\":{}}\n{not json\n" +
                       messageEventLine("kept", 2) + "\n" + "{\"v\":1,\"t\":3,\"event\":\"message\",\"data\":{\"text\":\"cut";
    reader.feed(text);
    EXPECT_EQ(other, std::vector<std::string>{"#nf-exit 0"});
    ASSERT_EQ(bad.size(), 4u);
    EXPECT_NE(bad[1].find("event log version 2"), std::string::npos) << bad[1];
    EXPECT_NE(bad[2].find("unknown event \"dance\""), std::string::npos) << bad[2];
    EXPECT_EQ(got.messages, std::vector<std::string>{"kept"});
    EXPECT_EQ(reader.eventLines(), 5) << "damaged event lines still count: the position in the file";
    reader.feed("\"}}\n");  // the rest of the cut line
    EXPECT_EQ(got.messages, (std::vector<std::string>{"kept", "cut"}));
}

TEST(TrainingEventLog, TheWriterThinsProgressButKeepsPausesAndEpochEnds) {
    const auto path = std::filesystem::temp_directory_path() / ("nf-events-" + std::to_string(getpid()) + ".jsonl");
    {
        TrainingEventWriter writer(path.string());
        TrainingProgress p;
        p.stepsPerEpoch = 1000;
        for (int i = 1; i <= 1000; ++i) {
            p.stepInEpoch = i;
            writer.onProgress(p);  // a thousand steps in far less than 250 ms
        }
        p.paused = true;
        writer.onProgress(p);
        writer.onMetrics(row(1, std::nullopt));
    }
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::filesystem::remove(path);
    Recorder got;
    TrainingEventReader reader(got);
    reader.feed(ss.str());
    ASSERT_GE(got.progress.size(), 3u);
    EXPECT_LT(got.progress.size(), 10u) << "thinned";
    EXPECT_EQ(got.progress.front().stepInEpoch, 1);
    EXPECT_TRUE(std::any_of(got.progress.begin(), got.progress.end(), [](auto& q) { return q.stepInEpoch == 1000 && !q.paused; }))
        << "the epoch's last step is always written";
    EXPECT_TRUE(got.progress.back().paused);
    EXPECT_EQ(got.rows.size(), 1u);
    EXPECT_THROW(TrainingEventWriter("/nonexistent-dir/x.jsonl"), std::runtime_error);
}

}  // namespace
}  // namespace nf
