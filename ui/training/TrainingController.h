// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

#include "dataset/Dataset.h"
#include "training/TrainingConfig.h"
#include "training/TrainingControl.h"
#include "training/TrainingMetrics.h"

namespace nf {

// Runs a training on a worker thread (tokenize the loaded dataset, then Trainer::run) and brings its events to
// the GUI thread as signals. Pause, resume and stop go through TrainingControl (lock-free, honoured between
// steps); stopping saves a checkpoint first. The GUI thread never waits on the trainer.
class TrainingController : public QObject {
    Q_OBJECT
public:
    struct Request {
        TrainingConfig config;
        std::shared_ptr<const Dataset> dataset;
        QString modelPath;
        QString resumeFrom;  // a checkpoint to continue, or empty
        QString initFrom;    // a model to fine-tune (a base model), or empty
    };

    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;  // stops a running training and waits for its checkpoint

    bool isRunning() const { return watcher_.isRunning(); }
    bool isPaused() const { return control_ && control_->pauseRequested(); }
    const QString& modelPath() const { return modelPath_; }

public slots:
    void start(const nf::TrainingController::Request& request);
    void pause();
    void resume();
    void stop();

signals:
    void tokenizing();
    void started(const nf::TrainingStart& start);
    void progress(const nf::TrainingProgress& progress);
    void metrics(const nf::MetricsRow& row);
    void message(const QString& text);
    // Every start() ends with exactly one of these.
    void finished(const nf::TrainingResult& result);
    void failed(const QString& message);

private:
    struct Outcome {
        std::optional<TrainingResult> result;
        QString error;
    };
    QFutureWatcher<Outcome> watcher_;
    std::shared_ptr<TrainingControl> control_;
    QString modelPath_;
};

}  // namespace nf

Q_DECLARE_METATYPE(nf::TrainingStart)
Q_DECLARE_METATYPE(nf::TrainingProgress)
Q_DECLARE_METATYPE(nf::MetricsRow)
Q_DECLARE_METATYPE(nf::TrainingResult)
