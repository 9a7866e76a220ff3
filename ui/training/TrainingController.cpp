// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/TrainingController.h"

#include <QtConcurrent/QtConcurrentRun>

#include "tokenize/CorpusBuilder.h"
#include "training/QueuedTrainingObserver.h"
#include "training/Trainer.h"

namespace nf {

TrainingController::TrainingController(QObject* parent) : QObject(parent) {
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
}

TrainingController::~TrainingController() {
    if (control_) {
        control_->resume();
        control_->requestStop();
    }
    watcher_.waitForFinished();
}

void TrainingController::start(const Request& request) {
    if (watcher_.isRunning()) {
        emit message(tr("A training is already running"));
        return;
    }
    if (!request.dataset || request.dataset->pieces.empty()) {
        emit failed(tr("No dataset loaded to train on"));
        return;
    }
    control_ = std::make_shared<TrainingControl>();
    modelPath_ = request.modelPath;
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
            QueuedTrainingObserver observer(self);
            return {Trainer(config, options).run(corpus, &observer, control.get()), {}};
        } catch (const std::exception& e) {
            return {std::nullopt, QString::fromStdString(e.what())};
        }
    }));
}

void TrainingController::pause() {
    if (control_) control_->requestPause();
}

void TrainingController::resume() {
    if (control_) control_->resume();
}

void TrainingController::stop() {
    if (!control_) return;
    control_->resume();  // a paused trainer must wake up to see the stop
    control_->requestStop();
}

}  // namespace nf
