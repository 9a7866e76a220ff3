// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

#include "dataset/Dataset.h"

namespace nf {

// Loads a dataset on a worker thread (nf::loadDataset) and reports back on the GUI thread: progress through
// queued calls, the result when done. Cancel is a std::atomic<bool> the loader polls between files. A new
// load while one is running cancels the old one and starts when it has stopped: never two at once, and the
// GUI thread never waits.
class DatasetLoader : public QObject {
    Q_OBJECT
public:
    struct Outcome {
        std::shared_ptr<const Dataset> dataset;  // null when loading threw
        QString error;
    };

    explicit DatasetLoader(QObject* parent = nullptr);
    ~DatasetLoader() override;

    bool isLoading() const { return watcher_.isRunning(); }
    const QString& currentPath() const { return path_; }

public slots:
    void load(const QString& path);
    void cancel();

signals:
    void started(const QString& path);
    void progress(int done, int total, const QString& file);
    // Every load ends with exactly one of these (a cancelled load gives a dataset with cancelled = true).
    void loaded(std::shared_ptr<const nf::Dataset> dataset);
    void failed(const QString& path, const QString& message);

private:
    void startNow(const QString& path);
    void onFinished();

    QFutureWatcher<Outcome> watcher_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    QString path_;
    QString pending_;
};

}  // namespace nf

Q_DECLARE_METATYPE(std::shared_ptr<const nf::Dataset>)
