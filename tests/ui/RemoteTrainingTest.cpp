// SPDX-License-Identifier: GPL-3.0-or-later
// Training on another machine over SSH, against a real sshd on the loopback address (tests/ui/sshd_fixture.sh, a
// ctest fixture: NF_SSH_CONFIG names its client configuration). Through TrainingController, as the Training panel
// drives it: the trainer is found there, the data copied, the run started detached; its metrics arrive as a local
// run's would; Pause, Resume and Stop reach it; a killed connection is reconnected without a row lost or repeated;
// a studio that goes away and comes back reattaches; the model and checkpoint are copied back. Unreachable hosts and
// a missing trainer fail in one line. Without the fixture (a plain test_ui run) these skip.
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <numeric>

#include "UiTestUtil.h"
#include "dataset/Dataset.h"
#include "training/ModelFile.h"
#include "training/RemoteTrainingRun.h"
#include "training/BaseModelChoice.h"
#include "training/HyperparameterForm.h"
#include "training/TrainingCharts.h"
#include "generation/GenerationController.h"
#include "training/TrainingController.h"
#include "training/TrainingListener.h"
#include "training/TrainingPanel.h"

namespace nf {
namespace {

using uitest::waitFor;

// What a run's signals delivered.
struct Seen {
    std::vector<TrainingStart> starts;
    std::vector<TrainingProgress> progress;
    std::vector<MetricsRow> rows;
    std::vector<QString> phases;
    std::optional<TrainingResult> result;
    QString failure;

    void follow(TrainingController& c) {
        QObject::connect(&c, &TrainingController::started, [this](const TrainingStart& s) { starts.push_back(s); });
        QObject::connect(&c, &TrainingController::progress, [this](const TrainingProgress& p) { progress.push_back(p); });
        QObject::connect(&c, &TrainingController::metrics, [this](const MetricsRow& r) { rows.push_back(r); });
        QObject::connect(&c, &TrainingController::phase, [this](const QString& t) { phases.push_back(t); });
        QObject::connect(&c, &TrainingController::finished, [this](const TrainingResult& r) { result = r; });
        QObject::connect(&c, &TrainingController::failed, [this](const QString& w) { failure = w; });
    }
    bool ended() const { return result || !failure.isEmpty(); }
    bool phaseContains(const QString& text) const {
        return std::any_of(phases.begin(), phases.end(), [&](const QString& p) { return p.contains(text); });
    }
};

class RemoteTraining : public ::testing::Test {
protected:
    void SetUp() override {
#if !defined(NF_CLI_PATH) || !defined(NF_TEST_HAVE_TRAINING)
        GTEST_SKIP() << "needs noteforge-cli and the training module";
#else
        const char* config = std::getenv("NF_SSH_CONFIG");
        if (!config || !*config) GTEST_SKIP() << "no loopback sshd (run through ctest: the ui_remote_training fixture)";
        const std::string abc = std::string(NF_SOURCE_DIR) + "/resources/demo/abc";
        dataset_ = std::make_shared<Dataset>(loadDataset(abc));
        ASSERT_FALSE(dataset_->pieces.empty());
        ASSERT_TRUE(remoteRoot_.isValid() && local_.isValid());
        QSettings().setValue(TrainingController::kRemoteRootKey, remoteRoot_.path());
        QSettings().setValue(TrainingController::kRemoteProgramKey, QString(NF_CLI_PATH));
        QSettings().remove(TrainingController::kRemoteRunKey);
#endif
    }
    void TearDown() override {
        QSettings().remove(TrainingController::kRemoteRootKey);
        QSettings().remove(TrainingController::kRemoteProgramKey);
        QSettings().remove(TrainingController::kRemoteRunKey);
    }

    TrainingController::Request request(int epochs, const QString& host = "nf-loopback") const {
        TrainingController::Request r;
        r.config = TrainingConfig::forModel(ModelKind::Lstm);
        r.config.tokenizer.kind = TokenizerKind::AbcChars;
        r.config.model.hiddenSize = 24;
        r.config.model.layers = 1;
        r.config.model.embedDim = 8;
        r.config.seqLength = 32;
        r.config.threads = 1;
        r.config.epochs = epochs;
        r.config.metricsEverySteps = 2;
        r.config.maxMinutes = 5;  // a long run a failed test leaves behind there ends by itself
        r.dataset = dataset_;
        r.modelPath = local_.filePath("remote.nfm");
        r.remoteHost = host;
        return r;
    }

    static void print(const RemoteTrainingRun& run) {
        const auto& l = run.metricLatencies();
        double worst = 0, sum = 0;
        for (double s : l) {
            worst = std::max(worst, s);
            sum += s;
        }
        std::printf("[ figures  ] %zu metric rows; latency from the remote line to the signal: mean %.3f s, worst %.3f s; "
                    "%lld bytes sent, %lld bytes received\n",
                    l.size(), l.empty() ? 0.0 : sum / static_cast<double>(l.size()), worst,
                    static_cast<long long>(run.bytesSent()), static_cast<long long>(run.bytesReceived()));
    }

    std::shared_ptr<Dataset> dataset_;
    QTemporaryDir remoteRoot_, local_;
};

TEST_F(RemoteTraining, TrainsThereWithLiveMetricsAndTheModelComesBack) {
    TrainingController controller;
    Seen seen;
    seen.follow(controller);
    // Listen's weights: copied back as the epochs end, the last one included.
    controller.setWeightsEvery(1);
    std::vector<int> weights;
    bool modelHereDuringTheRun = false;
    QObject::connect(&controller, &TrainingController::weightsUpdated, [&](int epoch) {
        weights.push_back(epoch);
        modelHereDuringTheRun = modelHereDuringTheRun || (QFileInfo::exists(local_.filePath("remote.nfm")) && !seen.ended());
    });
    controller.start(request(3));
    ASSERT_TRUE(waitFor([&] { return seen.ended(); }, 180000)) << "no end";
    ASSERT_TRUE(seen.failure.isEmpty()) << seen.failure.toStdString();
    ASSERT_EQ(seen.starts.size(), 1u);
    EXPECT_EQ(seen.starts[0].model, "lstm");
    EXPECT_EQ(seen.starts[0].threads, 1);
    std::vector<int> epochs;
    for (const MetricsRow& r : seen.rows)
        if (!r.step) epochs.push_back(r.epoch);
    EXPECT_EQ(epochs, (std::vector<int>{1, 2, 3}));
    EXPECT_GT(seen.rows.size(), epochs.size()) << "step rows too, for the smoothed chart";
    EXPECT_FALSE(seen.progress.empty());
    EXPECT_TRUE(seen.phaseContains("Copying the data to nf-loopback"));
    const TrainingResult& r = *seen.result;
    EXPECT_EQ(r.outcome, TrainingOutcome::Finished);
    EXPECT_EQ(QString::fromStdString(r.modelPath), local_.filePath("remote.nfm"));
    EXPECT_NE(r.message.find(r.modelPath), std::string::npos) << "the message names the copy here: " << r.message;
    const ModelFile model = readModelFile(r.modelPath);
    EXPECT_FALSE(model.configJson.empty());
    EXPECT_NE((model.infoJson + model.cardJson).find(dataset_->root), std::string::npos)
        << "the data's folder here, not the token file there";
    EXPECT_FALSE(controller.isRunning());
    EXPECT_FALSE(QSettings().contains(TrainingController::kRemoteRunKey)) << "nothing left to reattach to";
    EXPECT_GT(controller.remoteRun()->bytesSent(), 0);
    ASSERT_FALSE(weights.empty()) << "weights copied back while it trained";
    EXPECT_TRUE(std::is_sorted(weights.begin(), weights.end()));
    EXPECT_EQ(weights.back(), 3) << "the last epoch's too";
    EXPECT_TRUE(modelHereDuringTheRun);
    print(*controller.remoteRun());
}

TEST_F(RemoteTraining, PauseResumeReconnectReattachAndStop) {
    const auto stepRows = [](const Seen& s) {
        std::vector<std::int64_t> steps;
        for (const MetricsRow& r : s.rows)
            if (r.step) steps.push_back(*r.step);
        return steps;
    };
    auto first = std::make_unique<TrainingController>();
    Seen seen;
    seen.follow(*first);
    first->start(request(2000));
    ASSERT_TRUE(waitFor([&] { return seen.rows.size() >= 3 || seen.ended(); }, 120000));
    ASSERT_TRUE(seen.failure.isEmpty()) << seen.failure.toStdString();

    first->pause();
    ASSERT_TRUE(waitFor([&] { return !seen.progress.empty() && seen.progress.back().paused; }, 30000)) << "paused there";
    EXPECT_TRUE(first->isPaused());
    first->resume();
    ASSERT_TRUE(waitFor([&] { return !seen.progress.back().paused; }, 30000)) << "resumed there";

    // The connection breaks: the run goes on there, and the stream continues where it stopped.
    first->remoteRun()->setReconnectDelayMs(200);
    const std::size_t before = seen.rows.size();
    ASSERT_NE(first->remoteRun()->watcher(), nullptr);
    first->remoteRun()->watcher()->kill();
    ASSERT_TRUE(waitFor([&] { return seen.phaseContains("lost"); }, 10000));
    ASSERT_TRUE(waitFor([&] { return seen.rows.size() >= before + 3; }, 60000)) << "rows after the reconnection";
    const std::vector<std::int64_t> steps = stepRows(seen);
    EXPECT_TRUE(std::is_sorted(steps.begin(), steps.end()) && std::adjacent_find(steps.begin(), steps.end()) == steps.end())
        << "no step row repeated or out of order across the reconnection";
    for (std::size_t i = 1; i < steps.size(); ++i) EXPECT_EQ(steps[i] - steps[i - 1], 2) << "none lost (every 2 steps)";

    // The studio closes; the run goes on there. The next session reattaches and replays it from the start.
    ASSERT_TRUE(QSettings().contains(TrainingController::kRemoteRunKey));
    first.reset();
    TrainingController second;
    Seen again;
    again.follow(second);
    ASSERT_TRUE(second.reattachSavedRun());
    EXPECT_EQ(second.remoteHost(), "nf-loopback");
    ASSERT_TRUE(waitFor([&] { return again.rows.size() > seen.rows.size() + 2 || again.ended(); }, 60000));
    ASSERT_EQ(again.starts.size(), 1u);
    EXPECT_EQ(std::vector<MetricsRow>(again.rows.begin(), again.rows.begin() + static_cast<long>(seen.rows.size())), seen.rows)
        << "the replay begins with what the first session saw";

    second.stop();
    ASSERT_TRUE(waitFor([&] { return again.ended(); }, 60000));
    ASSERT_TRUE(again.failure.isEmpty()) << again.failure.toStdString();
    EXPECT_EQ(again.result->outcome, TrainingOutcome::Stopped);
    EXPECT_EQ(QString::fromStdString(again.result->checkpointPath), local_.filePath("remote.nfm.ckpt"));
    EXPECT_TRUE(std::filesystem::exists(again.result->checkpointPath)) << "the checkpoint is copied back";
    EXPECT_FALSE(QSettings().contains(TrainingController::kRemoteRunKey));
    print(*second.remoteRun());

    // Resume from that checkpoint, there: it goes up, continues its history, and finishes the epoch it stopped in.
    const int stoppedIn = again.result->epochsDone + 1;
    TrainingController third;
    Seen resumed;
    resumed.follow(third);
    TrainingController::Request more = request(stoppedIn);
    more.resumeFrom = QString::fromStdString(again.result->checkpointPath);  // the model beside it goes along
    const QByteArray bestSoFar = [&] {
        QFile f(local_.filePath("remote.nfm"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    ASSERT_FALSE(bestSoFar.isEmpty()) << "the stopped run's best model came back";
    third.start(more);
    ASSERT_TRUE(waitFor([&] { return resumed.ended(); }, 120000));
    ASSERT_TRUE(resumed.failure.isEmpty()) << resumed.failure.toStdString();
    ASSERT_EQ(resumed.starts.size(), 1u);
    EXPECT_EQ(resumed.starts[0].firstEpoch, stoppedIn) << "the checkpoint's epoch, not a new run";
    EXPECT_FALSE(resumed.starts[0].history.empty()) << "the history it continues";
    EXPECT_EQ(resumed.result->outcome, TrainingOutcome::Finished);
    EXPECT_EQ(resumed.result->epochsDone, stoppedIn);
    ASSERT_EQ(QString::fromStdString(resumed.result->modelPath), local_.filePath("remote.nfm"))
        << "the model it continues, improved there or kept";
    EXPECT_TRUE(std::filesystem::exists(resumed.result->modelPath));
}

// One studio session, several runs: nothing of a run leaks into the next (its stream, its result, its end), and a
// Stop before anything runs there ends the run here without starting one there.
TEST_F(RemoteTraining, RunAfterRunAndStopsBeforeTheStart) {
    const auto launched = [&] {
        int n = 0;
        for (const auto& e : std::filesystem::recursive_directory_iterator(remoteRoot_.path().toStdString()))
            n += e.path().filename() == "pid";
        return n;
    };
    TrainingController controller;
    for (int epochs : {1, 2}) {
        Seen seen;
        seen.follow(controller);
        controller.start(request(epochs));
        ASSERT_TRUE(waitFor([&] { return seen.ended(); }, 180000));
        ASSERT_TRUE(seen.failure.isEmpty()) << seen.failure.toStdString();
        ASSERT_EQ(seen.starts.size(), 1u) << "run of " << epochs << ": its own start, from its first line";
        EXPECT_EQ(seen.starts[0].epochs, epochs);
        EXPECT_EQ(seen.result->epochsDone, epochs);
        controller.disconnect();
    }
    EXPECT_EQ(launched(), 2);

    Seen early;
    early.follow(controller);
    controller.start(request(1));
    controller.stop();  // while the data is tokenized here
    ASSERT_TRUE(waitFor([&] { return early.ended(); }, 60000));
    EXPECT_EQ(early.failure, "Training stopped before it began");
    controller.disconnect();

    Seen looking;
    looking.follow(controller);
    controller.start(request(1));
    ASSERT_TRUE(waitFor([&] { return looking.phaseContains("Looking for noteforge-cli"); }, 60000));
    controller.stop();  // while it looks for the trainer there
    ASSERT_TRUE(waitFor([&] { return looking.ended(); }, 60000));
    EXPECT_EQ(looking.failure, "Stopped before the training started on nf-loopback");
    EXPECT_FALSE(controller.isRunning());
    QTest::qWait(1500);  // an answer still on its way must not start anything
    EXPECT_EQ(launched(), 2) << "nothing was started there";
    EXPECT_TRUE(looking.starts.empty());
    EXPECT_FALSE(QSettings().contains(TrainingController::kRemoteRunKey));
}

TEST_F(RemoteTraining, UnreachableHostsAndAMissingTrainerFailInOneLine) {
    {
        TrainingController controller;
        Seen seen;
        seen.follow(controller);
        controller.start(request(1, "nf-nowhere"));
        ASSERT_TRUE(waitFor([&] { return seen.ended(); }, 60000));
        EXPECT_TRUE(seen.failure.startsWith("Cannot reach nf-nowhere over ssh: ")) << seen.failure.toStdString();
        EXPECT_TRUE(seen.failure.contains("refused")) << seen.failure.toStdString();
        EXPECT_FALSE(seen.failure.contains('\n'));
    }
    QSettings().setValue(TrainingController::kRemoteProgramKey, "/nonexistent/noteforge-cli");
    TrainingController controller;
    Seen seen;
    seen.follow(controller);
    controller.start(request(1));
    ASSERT_TRUE(waitFor([&] { return seen.ended(); }, 60000));
    EXPECT_TRUE(seen.failure.startsWith("nf-loopback has no noteforge-cli")) << seen.failure.toStdString();
    EXPECT_TRUE(seen.failure.contains("docs/gpu.md")) << seen.failure.toStdString();
}

// A machine without noteforge-cli of this version gets one built there from the studio's own sources, then trains.
// Slow (a whole trainer-only build: about ten minutes on two cores), so it has a ctest entry of its own
// (ui_remote_trainer_build, NF_TEST_REMOTE_BUILD=1) and skips elsewhere.
TEST_F(RemoteTraining, BuildsTheTrainerThereWhenItIsMissing) {
    if (!std::getenv("NF_TEST_REMOTE_BUILD")) GTEST_SKIP() << "the slow build test runs as ui_remote_trainer_build";
    if (std::system("command -v noteforge-cli >/dev/null 2>&1") == 0)
        GTEST_SKIP() << "a noteforge-cli on PATH (an installed package) would be found instead of built";
    QTemporaryDir trainers;
    ASSERT_TRUE(trainers.isValid());
    QSettings().remove(TrainingController::kRemoteProgramKey);
    QSettings().setValue(TrainingController::kRemoteTrainerRootKey, trainers.path());
    TrainingController controller;
    Seen seen;
    seen.follow(controller);
    QStringList messages;
    QObject::connect(&controller, &TrainingController::message, [&](const QString& m) { messages << m; });
    controller.start(request(1));
    ASSERT_TRUE(waitFor([&] { return seen.ended(); }, 3'000'000)) << "no end within 50 minutes";
    QSettings().remove(TrainingController::kRemoteTrainerRootKey);
    ASSERT_TRUE(seen.failure.isEmpty()) << seen.failure.toStdString() << "\n" << messages.join('\n').toStdString();
    EXPECT_TRUE(seen.phaseContains("building it there")) << "it was built, not found";
    EXPECT_TRUE(seen.phaseContains("Building noteforge-cli " NF_STUDIO_VERSION " on nf-loopback: step"));
    const QString program = trainers.filePath(NF_STUDIO_VERSION "/bin/noteforge-cli");
    EXPECT_TRUE(QFileInfo(program).isExecutable()) << program.toStdString();
    EXPECT_EQ(seen.result->outcome, TrainingOutcome::Finished);
    EXPECT_TRUE(QFileInfo::exists(QString::fromStdString(seen.result->modelPath)));
    // A second run finds it: no second build.
    TrainingController again;
    Seen second;
    second.follow(again);
    QSettings().setValue(TrainingController::kRemoteTrainerRootKey, trainers.path());
    again.start(request(1));
    ASSERT_TRUE(waitFor([&] { return second.ended(); }, 600000));
    QSettings().remove(TrainingController::kRemoteTrainerRootKey);
    EXPECT_TRUE(second.failure.isEmpty()) << second.failure.toStdString();
    EXPECT_FALSE(second.phaseContains("building it there"));
}

// Listen while it trains: samples come from the weights of a run here, and of a run there once they are copied back.
TEST_F(RemoteTraining, ListenHearsARunThereAsARunHere) {
    for (const QString& host : {QString(), QString("nf-loopback")}) {
        TrainingController controller;
        auto dataset = dataset_;
        TrainingListener listener(&controller, [dataset] { return dataset; });
        listener.setEveryEpochs(1);
        listener.setSampleLength(60);
        std::vector<int> sampled;
        QStringList failures;
        QObject::connect(&listener, &TrainingListener::sampleReady,
                         [&](int epoch, const GenerationResult&, int) { sampled.push_back(epoch); });
        QObject::connect(&listener, &TrainingListener::sampleFailed, [&](int, const QString& why) { failures << why; });
        Seen seen;
        seen.follow(controller);
        TrainingController::Request r = request(3, host);
        r.modelPath = local_.filePath(host.isEmpty() ? "here.nfm" : "there.nfm");
        controller.start(r);
        ASSERT_TRUE(waitFor([&] { return seen.ended(); }, 180000));
        ASSERT_TRUE(seen.failure.isEmpty()) << seen.failure.toStdString();
        ASSERT_TRUE(waitFor([&] { return !sampled.empty() || !failures.isEmpty(); }, 60000));
        EXPECT_TRUE(failures.isEmpty()) << failures.join('\n').toStdString();
        EXPECT_FALSE(sampled.empty()) << (host.isEmpty() ? "here" : "there");
    }
}

// The Training panel shows a run there as it shows one here: the machine in the device line, live charts, the
// model copied back in its list.
TEST_F(RemoteTraining, ThePanelShowsTheRunThereAsItShowsOneHere) {
    TrainingController controller;
    auto dataset = dataset_;
    TrainingPanel panel(&controller, [dataset] { return dataset; });
    panel.startFrom()->chooseNothing();
    panel.form()->setConfig(request(2).config);
    const int host = panel.runOnBox()->findText("nf-loopback");
    ASSERT_GE(host, 0) << "the fixture's hosts are listed";
    panel.runOnBox()->setCurrentIndex(host);
    Seen seen;
    seen.follow(controller);
    panel.startButton()->click();
    ASSERT_TRUE(waitFor([&] { return seen.ended(); }, 180000));
    ASSERT_TRUE(seen.failure.isEmpty()) << seen.failure.toStdString();
    bool onHost = false;
    for (const QLabel* l : panel.findChildren<QLabel*>()) onHost = onHost || l->text().startsWith("On nf-loopback: Device: CPU");
    EXPECT_TRUE(onHost);
    const std::vector<int> points = panel.charts()->pointCounts();
    EXPECT_GT(std::accumulate(points.begin(), points.end(), 0), 4) << "the charts drew the remote rows";
    ASSERT_GE(panel.models()->count(), 1);
    const QString listed = panel.models()->item(0)->data(Qt::UserRole).toString();
    EXPECT_TRUE(listed.endsWith(".nfm.ckpt") || listed.endsWith(".nfm")) << listed.toStdString();
    EXPECT_TRUE(QFileInfo::exists(listed));
    QFile::remove(QString::fromStdString(seen.result->modelPath));
    QFile::remove(QString::fromStdString(seen.result->checkpointPath));
    QSettings().remove("training/runOn");
}

}  // namespace
}  // namespace nf
