// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/DatasetLoader.h"

#include <QtConcurrent/QtConcurrentRun>

#include <chrono>

namespace nf {

DatasetLoader::DatasetLoader(QObject* parent) : QObject(parent) {
    qRegisterMetaType<std::shared_ptr<const nf::Dataset>>();
    connect(&watcher_, &QFutureWatcherBase::finished, this, &DatasetLoader::onFinished);
}

DatasetLoader::~DatasetLoader() {
    // The worker calls back into this object: stop it before going away.
    if (cancel_) cancel_->store(true);
    watcher_.waitForFinished();
}

void DatasetLoader::load(const QString& path) {
    if (watcher_.isRunning()) {
        pending_ = path;
        cancel();
        return;
    }
    startNow(path);
}

void DatasetLoader::cancel() {
    if (cancel_) cancel_->store(true);
}

void DatasetLoader::startNow(const QString& path) {
    path_ = path;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    emit started(path);
    // The destructor waits for the worker, so `self` outlives every use below; a queued call still pending
    // when the loader is deleted is dropped by Qt because `self` is its context object.
    DatasetLoader* self = this;
    auto cancelFlag = cancel_;
    const std::string file = path.toStdString();
    watcher_.setFuture(QtConcurrent::run([self, cancelFlag, file]() -> Outcome {
        using Clock = std::chrono::steady_clock;
        auto lastReport = Clock::now() - std::chrono::seconds(1);
        // Throttled: a folder of thousands of tiny files must not flood the GUI's event queue.
        auto onProgress = [&](const LoadProgress& p) {
            const auto now = Clock::now();
            if (p.done != p.total && now - lastReport < std::chrono::milliseconds(40)) return;
            lastReport = now;
            const int done = static_cast<int>(p.done), total = static_cast<int>(p.total);
            const QString current = QString::fromStdString(p.currentFile);
            QMetaObject::invokeMethod(
                self, [self, done, total, current] { emit self->progress(done, total, current); },
                Qt::QueuedConnection);
        };
        try {
            auto ds = std::make_shared<Dataset>(loadDataset(file, onProgress, cancelFlag.get()));
            if (cancelFlag->load()) ds->cancelled = true;
            return {std::move(ds), {}};
        } catch (const std::exception& e) {
            return {nullptr, QString::fromStdString(e.what())};
        }
    }));
}

void DatasetLoader::onFinished() {
    const Outcome out = watcher_.result();
    if (!pending_.isEmpty()) {
        // Superseded by a newer request: drop this result and start that one.
        const QString next = pending_;
        pending_.clear();
        startNow(next);
        return;
    }
    if (out.dataset)
        emit loaded(out.dataset);
    else
        emit failed(path_, out.error);
}

}  // namespace nf
