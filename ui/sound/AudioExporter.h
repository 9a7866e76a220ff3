// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

#include "audio/TrackMix.h"
#include "music/Score.h"

namespace nf {

// Renders a score to WAV/FLAC/OGG/MP3 on a worker thread (OfflineRenderer), with progress reported on the GUI
// thread and a cancel flag; a cancelled render leaves no file behind.
class AudioExporter : public QObject {
    Q_OBJECT
public:
    explicit AudioExporter(QObject* parent = nullptr);
    ~AudioExporter() override;

    bool isRunning() const { return watcher_.isRunning(); }
    // File-dialog filter of the formats this libsndfile can write.
    static QString fileFilter();

public slots:
    // soundfont empty = the automatic choice (installed GM soundfont, else the bundled one). The level is live
    // playback's (studioSynthOptions()); `normalize` raises the loudest sample to -1 dBFS instead.
    void start(const nf::Score& score, const QString& path, const QString& soundfont, const nf::Mix& mix,
               bool normalize = false);
    void cancel();

signals:
    void progress(int percent);
    // ok false with a one-line message on failure; cancelled renders report ok false and message "cancelled".
    void finished(const QString& path, bool ok, const QString& message);

private:
    struct Outcome {
        bool ok = false;
        QString message;
    };
    QFutureWatcher<Outcome> watcher_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    QString path_;
};

}  // namespace nf
