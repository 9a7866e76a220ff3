// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include "music/Score.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>

#include "audio/SoundfontLocator.h"
#include "audio/TrackMix.h"
#include "music/Note.h"

namespace nf {

class LivePlayer;
class MidiOutPlayer;
class ScoreDocument;
class Transport;

// Plays the open piece through the internal synthesizer (FluidSynth via LivePlayer), or to an external MIDI port
// (a hardware synth, a DAW; MidiOutPlayer), and reports the position for the playhead. The player is made on first
// use, so starting the studio never waits for, or fails on, a sound device; without one, every Play says why and
// everything else keeps working. Edits made while playing
// are heard at once (the player adopts the new score without stopping).
class PlaybackController : public QObject {
    Q_OBJECT
public:
    explicit PlaybackController(ScoreDocument* document, QObject* parent = nullptr);
    ~PlaybackController() override;

    bool isPlaying() const;
    bool isPreviewing() const { return preview_.has_value(); }
    // The soundfont in use (after the first use), or the user's choice.
    QString soundfont() const { return soundfont_; }
    QString soundfontNote() const { return soundfontNote_; }
    const Mix& mix() const { return mix_; }
    double positionSeconds() const;
    // The external MIDI port played to; empty = the internal synthesizer.
    QString outputPort() const { return outputPort_; }
    // True once the external port is open and playing goes there.
    bool usesExternalOutput() const { return static_cast<bool>(midiOut_); }
    // The audio driver the internal synthesizer plays through: "" automatic, "pulse" (PipeWire or PulseAudio),
    // "jack" or "alsa". Remembered.
    QString audioDriver() const { return audioDriver_; }
    struct DriverChoice {
        QString key;
        QString label;
    };
    static QList<DriverChoice> audioDriverChoices();
    // Why a soundfont plays ("installed General MIDI soundfont"), in the studio's language: the engine's toString()
    // is English, for logs and the command line.
    static QString describe(SoundfontChoice::Reason reason);
    // The output ports the MIDI system offers now (empty without one), and a note when there is no MIDI system.
    static QStringList outputPorts(QString* note = nullptr);

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
    // Volume (CC7) and pan (CC10) of a track, heard at once and used by audio export.
    void setTrackVolume(int track, int volume);
    void setTrackPan(int track, int pan);
    // A soundfont file chosen by the user (remembered); empty = back to the automatic choice.
    void setSoundfont(const QString& path);
    // Plays to an external MIDI port (name, index or unique part of a name) instead of the internal synth; empty =
    // back to the internal synth. Remembered. `backend` ("alsa"/"jack", empty = automatic) is for tests and rare
    // set-ups with both systems.
    void setOutputPort(const QString& port, const QString& backend = {});
    // One of audioDriverChoices()' keys; the next Play opens the synthesizer through it.
    void setAudioDriver(const QString& key);
    // Audition of a candidate: plays `score` (the piece with the model's notes in place) looped over
    // [loopStart, loopEnd) instead of the piece in the editor, until endPreview(). A new preview while one loops
    // (the next candidate) keeps the position, so the musician compares the same bars.
    void preview(const nf::Score& score, nf::Tick loopStart, nf::Tick loopEnd);
    void endPreview();
    void auditionOn(int pitch, int velocity = 100);
    void auditionOff(int pitch);
    // A note on `channel` of what plays now (velocity 0 releases it), heard at the next audio buffer: the keyboard
    // in call and response. Through the internal synthesizer only: while playing, an external port belongs to its
    // timing thread, and the keyboard there is heard from its own sound.
    void playNote(int channel, int pitch, int velocity);

signals:
    void positionChanged(nf::Tick tick);
    void playingChanged(bool playing);
    void soundfontChanged(const QString& path, const QString& why);
    void outputChanged(const QString& port);
    void error(const QString& message);
    void info(const QString& message);

private:
    // Makes the player on first use. After a failure, only a user's Play tries again (and says why again); a key
    // clicked on the keyboard stays silent instead of repeating the message.
    bool ensurePlayer(bool userAsked);
    std::string fluidDriverName() const;
    bool openExternal();
    // The player in use (internal or external); null before the first use.
    Transport* transport() const;
    void syncScore();
    void poll();
    int activeChannel() const;
    TrackMix& mixOf(int track);
    void mixChanged();

    ScoreDocument* document_;
    std::unique_ptr<LivePlayer> player_;
    std::unique_ptr<MidiOutPlayer> midiOut_;
    QString outputPort_;
    QString midiBackend_;
    QString audioDriver_;
    bool playerFailed_ = false;
    bool scoreDirty_ = true;
    Mix mix_;
    QString soundfont_;
    QString soundfontNote_;
    QTimer timer_;
    Tick startTick_ = 0;
    Tick loopStart_ = 0, loopEnd_ = 0;  // kept here too, so a loop set before the player exists still applies
    std::optional<Score> preview_;       // what plays instead of the document while a candidate is auditioned
    Tick savedLoopStart_ = 0, savedLoopEnd_ = 0;  // the musician's own loop, back after the preview
    // The score that plays: the preview while there is one, else the document's.
    const Score& playedScore() const;
    // What the user asked for. The player's own state follows a buffer later (commands reach the audio thread
    // through a queue), so asking it right after play() could still say "stopped".
    bool playing_ = false;
    QElapsedTimer sincePlay_;
};

}  // namespace nf
