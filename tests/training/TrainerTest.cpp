// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "TrainingTestUtil.h"
#include "training/MetricsCsvWriter.h"
#include "training/ModelFile.h"
#include "training/engine/SequenceModel.h"
#include "training/Trainer.h"

using namespace nf;
using nf::test::TempDir;

namespace {

// Collects what the trainer reports and can stop it at a chosen global step.
class Recorder : public TrainingObserver {
public:
    TrainingControl* control = nullptr;
    std::int64_t stopAtStep = -1;
    TrainingStart start;
    std::vector<MetricsRow> rows;
    void onStart(const TrainingStart& s) override { start = s; }
    void onMetrics(const MetricsRow& r) override {
        rows.push_back(r);
        if (control && r.step && *r.step >= stopAtStep && stopAtStep >= 0) control->requestStop();
    }
};

std::vector<NamedTensor> weightsOf(const std::string& path) {
    std::vector<NamedTensor> out;
    for (auto& t : readModelFile(path).tensors)
        if (t.name.rfind("carry.", 0) != 0) out.push_back(t);
    return out;
}

double lastEpochAccuracy(const TrainingResult& r) {
    for (auto it = r.history.rbegin(); it != r.history.rend(); ++it)
        if (!it->step) return it->trainAccuracy;
    return 0;
}

}  // namespace

TEST(Trainer, LstmOverfitsATinyCorpus) {
    TempDir dir("overfit");
    auto config = test::tinyConfig(ModelKind::Lstm);
    config.epochs = 25;
    const auto result = Trainer(config, {dir.file("m.nfm")}).run(test::patternCorpus(2, 240));
    EXPECT_EQ(result.outcome, TrainingOutcome::Finished);
    EXPECT_GE(lastEpochAccuracy(result), 0.98);
}

TEST(Trainer, PaperMidiOverfitsATinyCorpus) {
    TempDir dir("overfit-midi");
    auto config = test::tinyConfig(ModelKind::PaperMidi);
    config.model.input = ModelInput::Embedding;  // the scaled single feature learns the same, only more slowly
    config.epochs = 20;
    // 2 x 121 tokens give 234 windows: the last batch of each epoch is a partial one.
    const auto result = Trainer(config, {dir.file("m.nfm")}).run(test::patternCorpus(2, 121));
    EXPECT_GE(lastEpochAccuracy(result), 0.98);
}

// Every model and representation trains and validates when neither the training windows nor the held-out ones
// fill whole batches, with the state carried between batches wherever the model allows it.
TEST(Trainer, EveryModelTakesPartialLastBatchesInTrainingAndValidation) {
    for (const ModelKind kind : {ModelKind::PaperMidi, ModelKind::PaperAbc, ModelKind::Lstm}) {
        TempDir dir("partial-" + toString(kind));
        auto config = test::tinyConfig(kind);
        config.carryState = true;
        config.valShare = 0.25;
        config.batchSize = 4;
        config.epochs = 2;
        // 4 pieces of 63 tokens: 3 x 63 - 8 = 181 training windows for paper-midi (181 = 45 x 4 + 1) and
        // 55 held-out ones; the streams of the many-to-many models do not divide evenly either.
        const auto result = Trainer(config, {dir.file("m.nfm")}).run(test::patternCorpus(4, 63));
        EXPECT_EQ(result.outcome, TrainingOutcome::Finished) << kind;
        EXPECT_EQ(result.epochsDone, 2) << kind;
        ASSERT_TRUE(result.bestValLoss.has_value()) << kind;
        EXPECT_TRUE(std::isfinite(*result.bestValLoss)) << kind;
    }
}

// A time budget that ends inside the first epoch still leaves a validated model (evaluate --model reports its loss).
TEST(Trainer, ATimeLimitInsideAnEpochStillValidatesTheModel) {
    TempDir dir("time-limit");
    auto config = test::tinyConfig(ModelKind::PaperMidi);
    config.valShare = 0.25;
    config.maxMinutes = 1e-9;  // over after the first step
    const auto result = Trainer(config, {dir.file("m.nfm")}).run(test::patternCorpus(4, 63));
    EXPECT_EQ(result.outcome, TrainingOutcome::TimeLimit);
    EXPECT_EQ(result.epochsDone, 0);
    ASSERT_TRUE(result.bestValLoss.has_value());
    const auto info = nlohmann::json::parse(readModelFile(dir.file("m.nfm")).infoJson);
    EXPECT_DOUBLE_EQ(info.at("bestValLoss").get<double>(), *result.bestValLoss);
}

TEST(Trainer, HoldsOutWholePiecesAndKeepsTheBestByValidation) {
    TempDir dir("split");
    auto config = test::tinyConfig(ModelKind::Lstm);
    config.valShare = 0.25;
    config.epochs = 3;
    Recorder rec;
    const auto result = Trainer(config, {dir.file("m.nfm")}).run(test::patternCorpus(8, 60), &rec);
    EXPECT_EQ(rec.start.trainPieces, 6u);
    EXPECT_EQ(rec.start.validationPieces, 2u);
    EXPECT_EQ(rec.start.trainTokens, 360u);
    ASSERT_TRUE(result.bestValLoss.has_value());
    double best = 1e9;
    int bestEpoch = 0;
    for (const auto& r : result.history)
        if (r.valLoss && *r.valLoss < best) {
            best = *r.valLoss;
            bestEpoch = r.epoch;
        }
    EXPECT_EQ(result.bestEpoch, bestEpoch);
    const auto info = nlohmann::json::parse(readModelFile(dir.file("m.nfm")).infoJson);
    EXPECT_EQ(info.at("epochsDone").get<int>(), bestEpoch);  // the model file holds the best epoch's weights
}

TEST(Trainer, ResumesExactlyFromAnEpochAndFromTheMiddleOfOne) {
    TempDir dir("resume");
    auto config = test::tinyConfig(ModelKind::Lstm);
    config.model.dropout = 0.2;  // exercises the random state
    config.valShare = 0.25;
    config.epochs = 4;
    config.checkpointEvery = 1;
    const auto corpus = test::patternCorpus(4, 80);

    Trainer(config, {dir.file("a.nfm")}).run(corpus);

    auto half = config;
    half.epochs = 2;
    Trainer(half, {dir.file("b.nfm")}).run(corpus);
    TrainerOptions resume{dir.file("b.nfm")};
    resume.resumeFrom = dir.file("b.nfm.ckpt");
    Recorder resumed;
    const auto rb = Trainer(config, resume).run(corpus, &resumed);
    EXPECT_EQ(resumed.start.firstEpoch, 3);
    EXPECT_EQ(rb.epochsDone, 4);
    EXPECT_EQ(weightsOf(dir.file("a.nfm.ckpt")), weightsOf(dir.file("b.nfm.ckpt")));

    // Stopped from another "thread" (the observer) in the middle of epoch 2, then resumed.
    auto stepped = config;
    stepped.metricsEverySteps = 1;
    TrainingControl control;
    Recorder stopper;
    stopper.control = &control;
    stopper.stopAtStep = 7;
    const auto rc = Trainer(stepped, {dir.file("c.nfm")}).run(corpus, &stopper, &control);
    EXPECT_EQ(rc.outcome, TrainingOutcome::Stopped);
    TrainerOptions resumeC{dir.file("c.nfm")};
    resumeC.resumeFrom = dir.file("c.nfm.ckpt");
    Trainer(stepped, resumeC).run(corpus);
    EXPECT_EQ(weightsOf(dir.file("a.nfm.ckpt")), weightsOf(dir.file("c.nfm.ckpt")));
}

TEST(Trainer, RefusesToResumeOnOtherDataUnlessForced) {
    TempDir dir("fingerprint");
    auto config = test::tinyConfig(ModelKind::Lstm);
    config.epochs = 1;
    Trainer(config, {dir.file("m.nfm")}).run(test::patternCorpus(2, 60));
    auto other = test::patternCorpus(3, 60);
    TrainerOptions options{dir.file("n.nfm")};
    options.resumeFrom = dir.file("m.nfm.ckpt");
    config.epochs = 2;
    try {
        Trainer(config, options).run(other);
        FAIL() << "resuming on other data must be refused";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("--force"), std::string::npos) << e.what();
    }
    options.force = true;
    EXPECT_EQ(Trainer(config, options).run(other).epochsDone, 2);
    options.resumeFrom = dir.file("m.nfm");  // a finished model is not a checkpoint
    EXPECT_THROW(Trainer(config, options).run(other), std::runtime_error);
}

TEST(Trainer, NonFiniteLossStopsAndKeepsTheLastGoodCheckpoint) {
    TempDir dir("nan");
    auto config = test::tinyConfig(ModelKind::Lstm);
    config.epochs = 5;
    config.checkpointEvery = 1;
    const auto corpus = test::patternCorpus(2, 120);
    Recorder rec;
    TrainerOptions options{dir.file("m.nfm")};
    Trainer(config, options).run(corpus, &rec);  // learn the epoch length
    const std::int64_t perEpoch = rec.start.stepsPerEpoch;
    options.modelPath = dir.file("nan.nfm");
    options.injectNonFiniteAtStep = 2 * perEpoch + 1;
    const auto result = Trainer(config, options).run(corpus);
    EXPECT_EQ(result.outcome, TrainingOutcome::NonFinite);
    EXPECT_NE(result.message.find("NaN"), std::string::npos);
    EXPECT_EQ(result.epochsDone, 2);
    EXPECT_EQ(result.checkpointPath, dir.file("nan.nfm.ckpt"));
    const auto info = nlohmann::json::parse(readModelFile(result.checkpointPath).infoJson);
    EXPECT_EQ(info.at("epochsDone").get<int>(), 2);
    EXPECT_NO_THROW(SequenceModel::load(dir.file("nan.nfm")));
}

TEST(Trainer, WritesTheMetricsCsvSchema) {
    TempDir dir("csv");
    auto config = test::tinyConfig(ModelKind::Lstm);
    config.valShare = 0.5;
    config.epochs = 2;
    config.metricsEverySteps = 2;
    {
        MetricsCsvWriter csv(dir.file("metrics.csv"));
        Trainer(config, {dir.file("m.nfm")}).run(test::patternCorpus(2, 120), &csv);
    }
    std::ifstream in(dir.file("metrics.csv"));
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "epoch,step,wall_s,train_loss,train_acc,val_loss,val_acc,val_ppl,tokens_per_s,lr,critic_loss");
    int epochRows = 0, stepRows = 0;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ss(line);
        for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
        if (!line.empty() && line.back() == ',') f.emplace_back();
        ASSERT_EQ(f.size(), 11u) << line;
        EXPECT_TRUE(f[10].empty()) << "critic_loss is the drum GAN's alone: " << line;
        const bool stepRow = !f[1].empty();
        stepRows += stepRow;
        epochRows += !stepRow;
        for (std::size_t i : {0u, 2u, 3u, 4u, 8u, 9u}) EXPECT_NO_THROW((void)std::stod(f[i])) << line;
        if (stepRow) {
            EXPECT_TRUE(f[5].empty() && f[6].empty() && f[7].empty()) << line;
        } else {
            EXPECT_NEAR(std::exp(std::stod(f[5])), std::stod(f[7]), 1e-3 * std::stod(f[7])) << line;
            EXPECT_GE(std::stod(f[6]), 0.0);
        }
    }
    EXPECT_EQ(epochRows, 2);
    EXPECT_GT(stepRows, 0);
}

namespace {

// What the trainer reported while another thread paused, resumed and stopped it.
class PauseWatcher final : public TrainingObserver {
public:
    void onProgress(const TrainingProgress& p) override {
        if (p.paused) {
            pausedAtStep_.store(p.globalStep);
            paused_.store(true);
        } else {
            running_.fetch_add(1);
            lastRunningStep_.store(p.globalStep);
        }
    }
    bool paused() const { return paused_.load(); }
    std::int64_t pausedAtStep() const { return pausedAtStep_.load(); }
    int runningEvents() const { return running_.load(); }
    std::int64_t lastRunningStep() const { return lastRunningStep_.load(); }

private:
    std::atomic<bool> paused_{false};
    std::atomic<std::int64_t> pausedAtStep_{-1};
    std::atomic<int> running_{0};
    std::atomic<std::int64_t> lastRunningStep_{-1};
};

// Waits up to ten seconds for `done`.
template <typename Done>
bool eventually(Done done) {
    for (int i = 0; i < 1000 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return done();
}

}  // namespace

TEST(Trainer, PauseAndStopFromAnotherThread) {
    TempDir dir("control");
    auto config = test::tinyConfig(ModelKind::Lstm);
    config.epochs = 1000;
    TrainingControl control;
    PauseWatcher watcher;
    control.requestPause();
    TrainingResult result;
    std::thread worker([&] {
        result = Trainer(config, {dir.file("m.nfm")}).run(test::patternCorpus(2, 120), &watcher, &control);
    });
    // The pause takes effect (the trainer says so) and holds: no step is reported while paused.
    ASSERT_TRUE(eventually([&] { return watcher.paused(); })) << "the trainer never reported being paused";
    const int runningBefore = watcher.runningEvents();
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    EXPECT_EQ(watcher.runningEvents(), runningBefore) << "training went on while paused";
    // Resumed, it trains again past the step where it paused.
    control.resume();
    EXPECT_TRUE(eventually([&] { return watcher.lastRunningStep() > watcher.pausedAtStep(); }))
        << "training did not continue after resume";
    control.requestStop();
    worker.join();
    EXPECT_EQ(result.outcome, TrainingOutcome::Stopped);
    EXPECT_LT(result.epochsDone, 1000);
    EXPECT_TRUE(std::filesystem::exists(dir.file("m.nfm.ckpt")));
    EXPECT_TRUE(std::filesystem::exists(dir.file("m.nfm")));
}

// The CUDA path compiles everywhere (device-agnostic LibTorch API) and runs wherever a GPU is present.
TEST(Trainer, TrainsOnCudaWhenPresentAndTheModelOpensOnTheCpu) {
    if (!cudaAvailable()) GTEST_SKIP() << "LibTorch sees no CUDA GPU";
    TempDir dir("cuda");
    for (bool amp : {false, true}) {
        auto config = test::tinyConfig(ModelKind::Lstm);
        config.device = "cuda";
        config.mixedPrecision = amp;
        config.epochs = 15;
        const auto result = Trainer(config, {dir.file("m.nfm")}).run(test::patternCorpus(2, 240));
        EXPECT_EQ(result.outcome, TrainingOutcome::Finished);
        EXPECT_GE(lastEpochAccuracy(result), 0.9) << (amp ? "bfloat16" : "float32");
        auto model = SequenceModel::load(dir.file("m.nfm"), "cpu");
        auto state = model.initialState();
        EXPECT_EQ(model.step(0, state).size(), 6u);
    }
    auto config = test::tinyConfig(ModelKind::PaperMidi);
    config.device = "cuda:0";
    EXPECT_EQ(Trainer(config, {dir.file("p.nfm")}).run(test::patternCorpus(2, 121)).outcome, TrainingOutcome::Finished);
}

TEST(Trainer, RefusesAGpuThatIsNotThere) {
    if (cudaAvailable()) GTEST_SKIP() << "a GPU is present";
    TempDir dir("nocuda");
    auto config = test::tinyConfig(ModelKind::Lstm);
    config.device = "cuda";
    try {
        Trainer(config, {dir.file("m.nfm")}).run(test::patternCorpus(2, 60));
        FAIL() << "a missing GPU must be refused";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("--device cpu"), std::string::npos) << e.what();
    }
}

// Fine-tuning (TrainerOptions::initFrom): the run starts from the base's weights, not from a fresh initialisation,
// carries the base's data card, and refuses a base whose network or vocabulary does not fit.
TEST(Trainer, FineTuningStartsFromTheBaseWeightsAndKeepsItsCard) {
    TempDir dir("init");
    auto config = test::tinyConfig(ModelKind::Lstm);
    config.epochs = 20;
    config.valShare = 0.5;
    const auto corpus = test::patternCorpus(2, 240);
    Trainer(config, {dir.file("base.nfm")}).run(corpus);
    ModelFile base = readModelFile(dir.file("base.nfm"));
    base.cardJson = R"({"name": "tiny base", "held_out_loss": 0.5})";
    writeModelFile(base, dir.file("base.nfm"));

    // One epoch at a negligible learning rate: a fine-tuned run ends next to the base, where a fresh run from
    // another seed starts somewhere else entirely; its first validation loss is the base's, far below a fresh one's.
    auto tune = config;
    tune.epochs = 1;
    tune.optimizer.learningRate = 1e-12;
    tune.seed = 99;
    TrainerOptions fromBase{dir.file("tuned.nfm")};
    fromBase.initFrom = dir.file("base.nfm");
    const auto tuned = Trainer(tune, fromBase).run(corpus);
    const auto fresh = Trainer(tune, {dir.file("fresh.nfm")}).run(corpus);
    const auto a = weightsOf(dir.file("base.nfm")), b = weightsOf(dir.file("tuned.nfm")), c = weightsOf(dir.file("fresh.nfm"));
    ASSERT_EQ(a.size(), b.size());
    double fromBaseDiff = 0, freshDiff = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t k = 0; k < a[i].values.size(); ++k) {
            fromBaseDiff = std::max(fromBaseDiff, std::abs(double(a[i].values[k]) - b[i].values[k]));
            freshDiff = std::max(freshDiff, std::abs(double(a[i].values[k]) - c[i].values[k]));
        }
    EXPECT_LT(fromBaseDiff, 1e-6);
    EXPECT_GT(freshDiff, 1e-2);
    ASSERT_TRUE(tuned.history.back().valLoss && fresh.history.back().valLoss);
    EXPECT_LT(*tuned.history.back().valLoss, 0.5 * *fresh.history.back().valLoss);

    const ModelFile written = readModelFile(dir.file("tuned.nfm"));
    const auto card = nlohmann::json::parse(written.cardJson);
    EXPECT_EQ(card.at("fine_tuned_from").at("name"), "tiny base");
    EXPECT_EQ(nlohmann::json::parse(written.infoJson).at("initFrom"), "base.nfm");

    auto wider = tune;
    wider.model.hiddenSize *= 2;
    try {
        Trainer(wider, fromBase).run(corpus);
        FAIL() << "a base of another network must be refused";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("its network"), std::string::npos) << e.what();
    }
    try {
        Trainer(tune, fromBase).run(test::patternCorpus(2, 240, 9));
        FAIL() << "a base of another vocabulary must be refused";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("vocabulary"), std::string::npos) << e.what();
    }
    TrainerOptions both = fromBase;
    both.resumeFrom = dir.file("base.nfm.ckpt");
    try {
        Trainer(tune, both).run(corpus);
        FAIL() << "resuming and starting from a model at once must be refused";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("not both"), std::string::npos) << e.what();
    }
    // Dropout is no part of the weights' shape: a run with another dropout still starts from the base.
    auto moreDropout = tune;
    moreDropout.model.dropout = 0.05;
    EXPECT_NO_THROW(Trainer(moreDropout, fromBase).run(corpus));
}

// The studio asks for step rows an epoch (TrainerOptions::minStepRowsPerEpoch) so that a short fine-tune draws a
// per-step curve; a configured period longer than an epoch gave none at all before.
TEST(Trainer, AsksForStepRowsAnEpochGetsThemBesideALongerConfiguredPeriod) {
    TempDir dir("steprows");
    auto config = test::tinyConfig(ModelKind::Lstm);
    config.epochs = 2;
    config.metricsEverySteps = 1000;
    config.batchSize = 2;
    const auto corpus = test::patternCorpus(4, 80);
    const auto stepRowsOfEpoch = [](const std::vector<MetricsRow>& rows, int epoch) {
        return std::count_if(rows.begin(), rows.end(), [&](const MetricsRow& r) { return r.step && r.epoch == epoch; });
    };
    Recorder plain;
    Trainer(config, {dir.file("a.nfm")}).run(corpus, &plain);
    ASSERT_GE(plain.start.stepsPerEpoch, 8) << "the corpus must give an epoch enough steps for the test to mean something";
    EXPECT_EQ(stepRowsOfEpoch(plain.rows, 1), 0);

    TrainerOptions live{dir.file("b.nfm")};
    live.minStepRowsPerEpoch = 4;
    Recorder recorder;
    Trainer(config, live).run(corpus, &recorder);
    for (int epoch : {1, 2}) {
        EXPECT_GE(stepRowsOfEpoch(recorder.rows, epoch), 4) << "epoch " << epoch;
        EXPECT_LE(stepRowsOfEpoch(recorder.rows, epoch), 2 * 4 + 1) << "about as many as asked, not every step";
    }
}
