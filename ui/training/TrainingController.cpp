// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/TrainingController.h"

#include <QDateTime>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

#include "tokenize/CorpusBuilder.h"
#include "tokenize/CorpusFile.h"
#include "training/QueuedTrainingObserver.h"
#include "training/Trainer.h"
#include "training/TrainingEventLog.h"
#include "util/AtomicFile.h"

namespace nf {

namespace {
// Per-step rows an epoch (about), for the Training panel's per-step curve (training/StepRowInterval.h). Twenty
// draw a readable curve and cost a line of the metrics file each. Local runs only: a remote machine's noteforge-cli
// of the same version number may have been built before --step-rows-per-epoch (its build is kept by version) and
// would refuse the option; remote runs keep the configured period.
constexpr std::int64_t kLiveChartStepRowsPerEpoch = 20;
}  // namespace

TrainingController::TrainingController(QObject* parent) : QObject(parent), remote_(new RemoteTrainingRun(this)) {
    qRegisterMetaType<nf::TrainingStart>();
    qRegisterMetaType<nf::TrainingProgress>();
    qRegisterMetaType<nf::MetricsRow>();
    qRegisterMetaType<nf::TrainingResult>();
    connect(&watcher_, &QFutureWatcherBase::finished, this, [this] {
        const Outcome out = watcher_.result();
        if (out.result)
            emit finished(*out.result);
        else
            emit failed(out.error);
    });
    connect(this, &TrainingController::metrics, this, [this](const MetricsRow& row) {
        if (!row.step && remoteHost_.isEmpty()) emit weightsUpdated(row.epoch);  // the trainer wrote them before the row
    });
    connect(remote_, &RemoteTrainingRun::weightsFetched, this, &TrainingController::weightsUpdated);
    connect(remote_, &RemoteTrainingRun::phase, this, &TrainingController::phase);
    connect(remote_, &RemoteTrainingRun::phase, this, &TrainingController::message);
    connect(remote_, &RemoteTrainingRun::started, this, &TrainingController::started);
    connect(remote_, &RemoteTrainingRun::progress, this, &TrainingController::progress);
    connect(remote_, &RemoteTrainingRun::metrics, this, &TrainingController::metrics);
    connect(remote_, &RemoteTrainingRun::message, this, &TrainingController::message);
    connect(remote_, &RemoteTrainingRun::finished, this, [this](const TrainingResult& r) {
        uploadDir_.reset();
        emit finished(r);
    });
    connect(remote_, &RemoteTrainingRun::failed, this, [this](const QString& why) {
        uploadDir_.reset();
        emit failed(why);
    });
    connect(remote_, &RemoteTrainingRun::recordChanged, this, [](const QString& json) {
        if (json.isEmpty()) QSettings().remove(kRemoteRunKey);
        else QSettings().setValue(kRemoteRunKey, json);
    });
}

void TrainingController::setWeightsEvery(int epochs) { remote_->setWeightsEvery(epochs); }

bool TrainingController::isRunning() const { return watcher_.isRunning() || preparing_.isRunning() || remote_->isActive(); }

bool TrainingController::isPaused() const {
    if (!remoteHost_.isEmpty()) return remote_->isPaused();
    return control_ && control_->pauseRequested();
}

bool TrainingController::reattachSavedRun() {
    const QString saved = QSettings().value(kRemoteRunKey).toString();
    if (saved.isEmpty() || isRunning()) return false;
    try {
        const RemoteRunRecord record = RemoteRunRecord::fromJson(saved.toStdString());
        remoteHost_ = QString::fromStdString(record.target.host);
        modelPath_ = QString::fromStdString(record.localModel);
        emit attached(remoteHost_);
        remote_->reattach(record);
        return true;
    } catch (const std::exception& e) {
        QSettings().remove(kRemoteRunKey);
        emit message(tr("The remote training of the last session cannot be followed: %1").arg(e.what()));
        return false;
    }
}

TrainingController::~TrainingController() {
    preparing_.waitForFinished();
    // A remote run goes on without the studio; the saved record brings it back at the next start.
    if (control_) {
        control_->resume();
        control_->requestStop();
    }
    watcher_.waitForFinished();
}

void TrainingController::start(const Request& request) {
    if (isRunning()) {
        emit message(tr("A training is already running"));
        return;
    }
    if (!request.dataset || request.dataset->pieces.empty()) {
        emit failed(tr("No dataset loaded to train on"));
        return;
    }
    modelPath_ = request.modelPath;
    remoteHost_ = request.remoteHost;
    if (!request.remoteHost.isEmpty()) return startRemote(request);
    control_ = std::make_shared<TrainingControl>();
    emit tokenizing();
    auto control = control_;
    TrainingController* self = this;  // the destructor waits for the worker
    watcher_.setFuture(QtConcurrent::run([self, control, request]() -> Outcome {
        try {
            TrainingConfig config = request.config;
            const TokenizedCorpus corpus = tokenizeDataset(*request.dataset, config.tokenizer);
            const QString summary = tr("Data: %1 pieces, %2 tokens, vocabulary %3")
                                        .arg(corpus.pieces.size())
                                        .arg(corpus.tokenCount())
                                        .arg(corpus.vocab.size());
            QMetaObject::invokeMethod(self, [self, summary] { emit self->message(summary); }, Qt::QueuedConnection);
            if (control->stopRequested()) return {std::nullopt, tr("Training stopped before it began")};
            TrainerOptions options;
            options.modelPath = request.modelPath.toStdString();
            options.resumeFrom = request.resumeFrom.toStdString();
            options.initFrom = request.initFrom.toStdString();
            options.dataPath = request.dataset->root;  // provenance: a fine-tuned model's card says on what
            // The charts' per-step curve: a fine-tune of a dozen steps an epoch would otherwise show nothing between
            // the epochs' dots (a base model's metricsEverySteps is 50).
            options.minStepRowsPerEpoch = kLiveChartStepRowsPerEpoch;
            QueuedTrainingObserver observer(self);
            return {Trainer(config, options).run(corpus, &observer, control.get()), {}};
        } catch (const std::exception& e) {
            return {std::nullopt, QString::fromStdString(e.what())};
        }
    }));
}

void TrainingController::startRemote(const Request& request) {
    remoteStopRequested_ = false;
    emit tokenizing();
    uploadDir_ = std::make_unique<QTemporaryDir>();
    if (!uploadDir_->isValid()) {
        emit failed(tr("No temporary folder for the data to send: %1").arg(uploadDir_->errorString()));
        return;
    }
    const QString dir = uploadDir_->path();
    preparing_.disconnect(this);
    connect(&preparing_, &QFutureWatcherBase::finished, this, [this, request] {
        const Prepared prepared = preparing_.result();
        if (remoteStopRequested_) {
            uploadDir_.reset();
            emit failed(tr("Training stopped before it began"));
            return;
        }
        if (!prepared.error.isEmpty()) {
            uploadDir_.reset();
            emit failed(prepared.error);
            return;
        }
        RemoteRunRecord record;
        record.target.host = request.remoteHost.toStdString();
        const QString root = QSettings().value(kRemoteRootKey, QString(kDefaultRemoteRunRoot)).toString();
        QString name = request.dataset && !request.dataset->root.empty()
                           ? QFileInfo(QString::fromStdString(request.dataset->root)).fileName()
                           : QStringLiteral("data");
        name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
        record.target.runDir = QStringLiteral("%1/%2-%3-%4")
                                   .arg(root, QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss"), name)
                                   .arg(QRandomGenerator::global()->generate() & 0xffff, 4, 16, QChar('0'))
                                   .toStdString();
        record.target.program = QSettings().value(kRemoteProgramKey).toString().toStdString();
        if (const QString root = QSettings().value(kRemoteTrainerRootKey).toString(); !root.isEmpty())
            record.target.trainerRoot = root.toStdString();
        if (const char* own = std::getenv("NF_SSH_CONFIG"); own && *own) record.target.sshConfig = own;
        record.localModel = request.modelPath.toStdString();
        record.startedAt = unixNow();
        RemoteTrainingRun::Upload upload{prepared.corpus, prepared.config, request.initFrom, request.resumeFrom, {}};
        // Resuming: the best model so far goes along, so that the run there improves on it (or keeps it) in place.
        if (!request.resumeFrom.isEmpty() && QFileInfo::exists(request.modelPath)) upload.model = request.modelPath;
        remote_->start(record, upload,
                       remoteTrainArguments(!request.initFrom.isEmpty() && request.resumeFrom.isEmpty(),
                                            !request.resumeFrom.isEmpty(), request.config,
                                            request.dataset ? request.dataset->root : std::string()));
    });
    preparing_.setFuture(QtConcurrent::run([request, dir]() -> Prepared {
        try {
            const TokenizedCorpus corpus = tokenizeDataset(*request.dataset, request.config.tokenizer);
            Prepared out{dir + "/corpus.nftok", dir + "/config.json", {}};
            writeCorpusFile(out.corpus.toStdString(), corpus);
            writeFileAtomically(out.config.toStdString(), request.config.toJson());
            return out;
        } catch (const std::exception& e) {
            return {{}, {}, QString::fromStdString(e.what())};
        }
    }));
}

void TrainingController::pause() {
    if (!remoteHost_.isEmpty()) return remote_->pause();
    if (control_) control_->requestPause();
}

void TrainingController::resume() {
    if (!remoteHost_.isEmpty()) return remote_->resume();
    if (control_) control_->resume();
}

void TrainingController::stop() {
    if (!remoteHost_.isEmpty()) {
        if (preparing_.isRunning()) remoteStopRequested_ = true;  // still tokenizing here: nothing is sent
        return remote_->stop();
    }
    if (!control_) return;
    control_->resume();  // a paused trainer must wake up to see the stop
    control_->requestStop();
}

}  // namespace nf
