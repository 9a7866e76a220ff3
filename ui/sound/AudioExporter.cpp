// SPDX-License-Identifier: GPL-3.0-or-later
#include "sound/AudioExporter.h"

#include <QStringList>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>
#include <cmath>

#include "audio/AudioFileFormat.h"
#include "audio/OfflineRenderer.h"
#include "audio/SoundfontLocator.h"
#include "sound/StudioSynthOptions.h"

namespace nf {

namespace {
// Below this peak an export unasked to be normalised is called quiet.
constexpr double kQuietPeakDb = -12.0;
}  // namespace

AudioExporter::AudioExporter(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcherBase::finished, this, [this] {
        const Outcome out = watcher_.result();
        emit finished(path_, out.ok, out.message);
    });
}

AudioExporter::~AudioExporter() {
    if (cancel_) cancel_->store(true);
    watcher_.waitForFinished();
}

QString AudioExporter::fileFilter() {
    QStringList patterns;
    QStringList names;
    for (AudioFileFormat f : writableAudioFormats()) {
        switch (f) {
            case AudioFileFormat::Wav16: patterns << "*.wav"; names << tr("WAV (*.wav)"); break;
            case AudioFileFormat::Flac: patterns << "*.flac"; names << tr("FLAC (*.flac)"); break;
            case AudioFileFormat::Ogg: patterns << "*.ogg"; names << tr("Ogg Vorbis (*.ogg)"); break;
            case AudioFileFormat::Mp3: patterns << "*.mp3"; names << tr("MP3 (*.mp3)"); break;
            default: break;
        }
    }
    return tr("Audio files (%1);;%2").arg(patterns.join(' '), names.join(";;"));
}

void AudioExporter::start(const Score& score, const QString& path, const QString& soundfont, const Mix& mix,
                          bool normalize) {
    if (watcher_.isRunning()) {
        emit finished(path, false, tr("another export is still running"));
        return;
    }
    path_ = path;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    auto cancelFlag = cancel_;
    AudioExporter* self = this;  // outlived by the worker: the destructor waits for it
    const std::string file = path.toStdString();
    const std::string chosen = soundfont.toStdString();
    watcher_.setFuture(QtConcurrent::run([self, cancelFlag, file, chosen, score, mix, normalize]() -> Outcome {
        try {
            const auto format = audioFormatFromPath(file);
            if (!format)
                return {false, tr("%1: unknown audio format (use .wav, .flac, .ogg or .mp3)")
                                   .arg(QString::fromStdString(file))};
            const SoundfontChoice sf = SoundfontLocator().choose(chosen);
            if (sf.path.empty()) return {false, tr("no soundfont found to render with")};
            RenderOptions options;
            options.synth = studioSynthOptions();
            options.mix = mix;
            options.normalize = normalize;
            OfflineRenderer renderer(sf.path, options);
            int lastPercent = -1;
            auto onProgress = [&](const RenderProgress& p) {
                const int percent = p.musicSeconds > 0 ? static_cast<int>(100 * p.renderedSeconds / p.musicSeconds) : 0;
                if (percent == lastPercent) return;
                lastPercent = percent;
                QMetaObject::invokeMethod(self, [self, percent] { emit self->progress(std::min(percent, 100)); },
                                          Qt::QueuedConnection);
            };
            const RenderStats stats = renderer.renderToFile(score, file, *format, onProgress, cancelFlag.get());
            if (stats.cancelled) return {false, tr("cancelled")};
            const double peak = stats.peakBeforeGain * stats.gainApplied;
            const double peakDb = peak > 0 ? 20 * std::log10(peak) : -120.0;
            QString said = tr("%1 s of audio, peak %2 dBFS").arg(stats.seconds, 0, 'f', 1).arg(peakDb, 0, 'f', 1);
            // A quiet file is a surprise in a DAW: say how to have it louder.
            if (!normalize && peakDb < kQuietPeakDb) said += tr("; quiet: Normalise in the export dialog raises it to -1 dBFS");
            return {true, said};
        } catch (const std::exception& e) {
            return {false, QString::fromStdString(e.what())};
        }
    }));
}

void AudioExporter::cancel() {
    if (cancel_) cancel_->store(true);
}

}  // namespace nf
