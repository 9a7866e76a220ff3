// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

#include "audio/TrackMix.h"
#include "music/Note.h"

namespace nf {

class LivePlayer;
class ScoreDocument;

// Plays the open piece through the internal synthesizer (FluidSynth via LivePlayer) and reports the position for
// the playhead. The player is made on first use, so starting the studio never waits for, or fails on, a sound
// device; without one, the error goes to the log once and everything else keeps working. Edits made while playing
// are heard at once (the player adopts the new score without stopping).
class PlaybackController : public QObject {
    Q_OBJECT
public:
    explicit PlaybackController(ScoreDocument* document, QObject* parent = nullptr);
    ~PlaybackController() override;

    bool isPlaying() const;
    // The soundfont in use (after the first use), or the user's choice.
    QString soundfont() const { return soundfont_; }
    QString soundfontNote() const { return soundfontNote_; }
    const Mix& mix() const { return mix_; }
    double positionSeconds() const;

public slots:
    void togglePlay();
    void play();
    void pause();
    void stop();
    // Moves the playback position (seconds are computed through the score's tempo map).
    void seekTick(nf::Tick tick);
    // A loop between two ticks; end <= start clears it.
    void setLoop(nf::Tick start, nf::Tick end);
    void setTrackMute(int track, bool mute);
    void setTrackSolo(int track, bool solo);
    // A soundfont file chosen by the user (remembered); empty = back to the automatic choice.
    void setSoundfont(const QString& path);
    void auditionOn(int pitch);
    void auditionOff(int pitch);

signals:
    void positionChanged(nf::Tick tick);
    void playingChanged(bool playing);
    void soundfontChanged(const QString& path, const QString& why);
    void error(const QString& message);
    void info(const QString& message);

private:
    bool ensurePlayer();
    void syncScore();
    void poll();
    int activeChannel() const;

    ScoreDocument* document_;
    std::unique_ptr<LivePlayer> player_;
    bool playerFailed_ = false;
    bool scoreDirty_ = true;
    Mix mix_;
    QString soundfont_;
    QString soundfontNote_;
    QTimer timer_;
    Tick startTick_ = 0;
    Tick loopStart_ = 0, loopEnd_ = 0;  // kept here too, so a loop set before the player exists still applies
    // What the user asked for. The player's own state follows a buffer later (commands reach the audio thread
    // through a queue), so asking it right after play() could still say "stopped".
    bool playing_ = false;
    QElapsedTimer sincePlay_;
};

}  // namespace nf
