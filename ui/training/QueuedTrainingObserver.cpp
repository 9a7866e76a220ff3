// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/QueuedTrainingObserver.h"

#include <QMetaObject>

#include "training/TrainingController.h"

namespace nf {

void QueuedTrainingObserver::onStart(const TrainingStart& start) {
    TrainingController* t = target_;
    QMetaObject::invokeMethod(t, [t, start] { emit t->started(start); }, Qt::QueuedConnection);
}

void QueuedTrainingObserver::onProgress(const TrainingProgress& progress) {
    const auto now = std::chrono::steady_clock::now();
    const bool epochEnd = progress.stepInEpoch == progress.stepsPerEpoch;
    if (!epochEnd && !progress.paused && now - lastProgress_ < std::chrono::milliseconds(50)) return;
    lastProgress_ = now;
    TrainingController* t = target_;
    QMetaObject::invokeMethod(t, [t, progress] { emit t->progress(progress); }, Qt::QueuedConnection);
}

void QueuedTrainingObserver::onMetrics(const MetricsRow& row) {
    TrainingController* t = target_;
    QMetaObject::invokeMethod(t, [t, row] { emit t->metrics(row); }, Qt::QueuedConnection);
}

void QueuedTrainingObserver::onMessage(const std::string& text) {
    TrainingController* t = target_;
    const QString q = QString::fromStdString(text);
    QMetaObject::invokeMethod(t, [t, q] { emit t->message(q); }, Qt::QueuedConnection);
}

}  // namespace nf
