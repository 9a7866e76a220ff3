// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>

#include "dataset/Dataset.h"
#include "training/RemoteTrainingRun.h"
#include "training/TrainingConfig.h"
#include "training/TrainingControl.h"
#include "training/TrainingMetaTypes.h"
#include "training/TrainingMetrics.h"

namespace nf {

// Runs a training on a worker thread (tokenize the loaded dataset, then Trainer::run) and brings its events to
// the GUI thread as signals. Pause, resume and stop go through TrainingControl (lock-free, honoured between
// steps); stopping saves a checkpoint first. The GUI thread never waits on the trainer.
// With a remote host in the request the same happens on another machine over SSH (RemoteTrainingRun): the data is
// tokenized here, the run is followed through the same signals, and a run that outlives the studio is reattached
// to at the next start (reattachSavedRun).
class TrainingController : public QObject {
    Q_OBJECT
public:
    struct Request {
        TrainingConfig config;
        std::shared_ptr<const Dataset> dataset;
        QString modelPath;
        QString resumeFrom;  // a checkpoint to continue, or empty
        QString initFrom;    // a model to fine-tune (a base model), or empty
        QString remoteHost;  // train there over SSH (a Host of ~/.ssh/config, or [user@]machine); empty: here
    };
    // Settings of remote runs (QSettings): the folder for runs there, and the program there when it is not found.
    static constexpr const char* kRemoteRunKey = "training/remoteRun";
    static constexpr const char* kRemoteRootKey = "remote/runRoot";
    static constexpr const char* kRemoteProgramKey = "remote/program";
    // Where the studio builds trainers there (default .local/share/noteforge/trainer under the remote home).
    static constexpr const char* kRemoteTrainerRootKey = "remote/trainerRoot";

    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;  // stops a running training and waits for its checkpoint

    bool isRunning() const;
    bool isPaused() const;
    const QString& modelPath() const { return modelPath_; }
    // The machine of the current (or last) run; empty for this computer.
    const QString& remoteHost() const { return remoteHost_; }
    RemoteTrainingRun* remoteRun() const { return remote_; }
    // Follows the remote run the last session left running, if there is one (emits attached). False if none.
    bool reattachSavedRun();
    // A remote run copies its model back every N epochs (0: only at the end) so that weightsUpdated comes for it too.
    void setWeightsEvery(int epochs);

public slots:
    void start(const nf::TrainingController::Request& request);
    void pause();
    void resume();
    void stop();

signals:
    void tokenizing();
    // A remote run's steps before its figures arrive (finding the trainer, copying, connection lost), for the panel.
    void phase(const QString& text);
    // Following a run on `host` that an earlier session started.
    void attached(const QString& host);
    void started(const nf::TrainingStart& start);
    void progress(const nf::TrainingProgress& progress);
    void metrics(const nf::MetricsRow& row);
    void message(const QString& text);
    // The weights of epoch `epoch` are in modelPath() (or its checkpoint) here: at every epoch of a local run; for a
    // remote run once copied back (setWeightsEvery).
    void weightsUpdated(int epoch);
    // Every start() ends with exactly one of these.
    void finished(const nf::TrainingResult& result);
    void failed(const QString& message);

private:
    void startRemote(const Request& request);
    struct Prepared {
        QString corpus, config, error;
    };
    QFutureWatcher<Prepared> preparing_;
    RemoteTrainingRun* remote_;
    std::unique_ptr<QTemporaryDir> uploadDir_;
    QString remoteHost_;
    bool remoteStopRequested_ = false;  // Stop pressed while the data was still being tokenized for a remote run
    struct Outcome {
        std::optional<TrainingResult> result;
        QString error;
    };
    QFutureWatcher<Outcome> watcher_;
    std::shared_ptr<TrainingControl> control_;
    QString modelPath_;
};

}  // namespace nf
