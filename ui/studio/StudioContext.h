// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "music/Score.h"

#include <QObject>
#include <QString>

#include <functional>

class QToolBar;

namespace nf {

class DatasetTableModel;
class LogHub;
class MessageBar;
class PianoRollView;
class ScoreDocument;
class StudioActions;
class StudioFiles;
class StudioShell;
class TaskProgress;
class TempoBox;
class TracksPanel;

// The narrow view of the studio that its parts (sound, training, generation, the Welcome guide, any new panel) are
// built with, instead of the main window: the piece in the editor and its piano roll, the dataset, the log and
// message bar, the actions, the files flows, and the window's few services (StudioShell).
//
// Its signals are the studio's events. Parts announce what happened and ask for things through them, so no part
// includes another: the Welcome guide ticks "Train" on trainingFinished() without knowing a Training panel exists,
// and a build without sound simply has nobody answering auditionRequested().
class StudioContext : public QObject {
    Q_OBJECT
public:
    struct Parts {
        StudioShell* shell = nullptr;
        ScoreDocument* document = nullptr;
        PianoRollView* pianoRoll = nullptr;
        DatasetTableModel* dataset = nullptr;
        TracksPanel* tracks = nullptr;
        LogHub* log = nullptr;
        MessageBar* messages = nullptr;
        StudioActions* actions = nullptr;
        StudioFiles* files = nullptr;
        TaskProgress* progress = nullptr;
        QToolBar* transportBar = nullptr;
        TempoBox* tempo = nullptr;
    };

    StudioContext(const Parts& parts, QObject* parent);
    // The files flows are built with the context, so the window hands them in once they exist.
    void setFiles(StudioFiles* files) { parts_.files = files; }

    StudioShell& shell() const { return *parts_.shell; }
    ScoreDocument* document() const { return parts_.document; }
    PianoRollView* pianoRoll() const { return parts_.pianoRoll; }
    DatasetTableModel* dataset() const { return parts_.dataset; }
    TracksPanel* tracks() const { return parts_.tracks; }
    LogHub* log() const { return parts_.log; }
    MessageBar* messages() const { return parts_.messages; }
    StudioActions* actions() const { return parts_.actions; }
    StudioFiles* files() const { return parts_.files; }
    TaskProgress* progress() const { return parts_.progress; }
    QToolBar* transportBar() const { return parts_.transportBar; }
    TempoBox* tempo() const { return parts_.tempo; }

    // The model the studio generates with (the Generation panel's choice); "" for none. Parts that steer the
    // model (regenerate bars, add a part) follow it through generationModelChanged().
    QString generationModel() const { return generationModel_; }
    void setGenerationModel(const QString& path);
    // Seconds of what plays now (the transport's position, as the audio thread last reported it), for parts that
    // keep time with the sound (call and response); 0 in a build without sound. Set by the sound side.
    double playbackSeconds() const { return playbackClock_ ? playbackClock_() : 0.0; }
    void setPlaybackClock(std::function<double()> clock) { playbackClock_ = std::move(clock); }

signals:
    // -- What happened --
    // A dataset load ended (finished, cancelled or failed) and the table shows its result.
    void datasetReady();
    // A training run finished; a model file is ready to generate from.
    void trainingFinished();
    void modelAvailable(const QString& path);
    // A generation run finished.
    void piecesGenerated();
    // Playback started (not on pause or stop).
    void playbackStarted();
    // Playback paused or stopped.
    void playbackStopped();
    void generationModelChanged(const QString& path);
    // A file was exported (MIDI, ABC or audio).
    void exported(const QString& path);
    // The soundfont that plays and renders, and why that one (empty path: none found).
    void soundfontFound(const QString& path, const QString& reason);

    // -- Asked for; whoever provides it answers, nobody in a build without it --
    // Hear the piece in the editor from its start (a double-clicked file, a training sample).
    void playRequested();
    // Sound a key (velocity 0 releases it), e.g. the keyboard being recorded.
    void auditionRequested(int pitch, int velocity);
    // Sound a note on a MIDI channel of what plays now (velocity 0 releases it): the keyboard in call and response,
    // heard over the click on the channel the jam gives it.
    void liveNoteRequested(int channel, int pitch, int velocity);
    // Hear `score` (a candidate of the model: the piece with its notes in place) looped over [loopStart, loopEnd)
    // instead of the piece in the editor, until previewEnded().
    void previewRequested(const nf::Score& score, nf::Tick loopStart, nf::Tick loopEnd);
    void previewEnded();
    // Record a phrase from a MIDI keyboard into the editor.
    void phraseRecordingRequested();
    // The Welcome guide's steps: show the panel and start.
    void trainingRequested();
    void generationRequested();

private:
    Parts parts_;
    QString generationModel_;
    std::function<double()> playbackClock_;
};

}  // namespace nf
