// SPDX-License-Identifier: GPL-3.0-or-later
#include "sound/PlaybackController.h"

#include <algorithm>

#include <QSettings>

#include "audio/AudioDrivers.h"
#include "audio/EventSchedule.h"
#include "audio/LivePlayer.h"
#include "audio/MidiBackend.h"
#include "audio/MidiEvent.h"
#include "audio/MidiOutPlayer.h"
#include "audio/MidiOutput.h"
#include "audio/SoundfontLocator.h"
#include "document/ScoreDocument.h"
#include "sound/StudioSynthOptions.h"

namespace nf {

namespace {
constexpr int kPollMs = 30;  // playhead refresh: smooth enough to follow, cheap enough to ignore
const char* kSoundfontKey = "sound/soundfont";
const char* kOutputKey = "sound/output";
const char* kDriverKey = "sound/audioDriver";
}  // namespace

PlaybackController::PlaybackController(ScoreDocument* document, QObject* parent)
    : QObject(parent), document_(document) {
    soundfont_ = QSettings().value(kSoundfontKey).toString();
    outputPort_ = QSettings().value(kOutputKey).toString();
    audioDriver_ = QSettings().value(kDriverKey).toString();
    timer_.setInterval(kPollMs);
    connect(&timer_, &QTimer::timeout, this, &PlaybackController::poll);
    connect(document_, &ScoreDocument::scoreReplaced, this, [this] {
        preview_.reset();
        stop();
        mix_ = {};
        loopStart_ = loopEnd_ = 0;
        scoreDirty_ = true;
    });
    connect(document_, &ScoreDocument::scoreChanged, this, [this] {
        scoreDirty_ = true;
        if (isPlaying()) syncScore();
    });
}

PlaybackController::~PlaybackController() = default;

Transport* PlaybackController::transport() const {
    if (midiOut_) return midiOut_.get();
    return player_.get();
}

QStringList PlaybackController::outputPorts(QString* note) {
    QStringList ports;
    try {
        const MidiPortList list = listMidiPorts();
        if (note) *note = QString::fromStdString(list.backend.note);
        for (const std::string& p : list.outputs) ports << QString::fromStdString(p);
    } catch (const std::exception& e) {
        if (note) *note = QString::fromStdString(e.what());
    }
    return ports;
}

bool PlaybackController::openExternal() {
    auto out = std::make_unique<MidiOutput>(midiBackend_.toStdString());
    out->open(outputPort_.toStdString());
    midiOut_ = std::make_unique<MidiOutPlayer>(std::move(out));
    emit info(tr("Sound: MIDI port %1 (%2)").arg(outputPort_, QString::fromLatin1(toString(midiOut_->output().backend()))));
    scoreDirty_ = true;
    setLoop(loopStart_, loopEnd_);
    return true;
}

QList<PlaybackController::DriverChoice> PlaybackController::audioDriverChoices() {
    return {{QString(), tr("Automatic")},
            {QStringLiteral("pulse"), tr("PipeWire / PulseAudio")},
            {QStringLiteral("jack"), tr("JACK")},
            {QStringLiteral("alsa"), tr("ALSA")}};
}

QString PlaybackController::describe(SoundfontChoice::Reason reason) {
    switch (reason) {
        case SoundfontChoice::Reason::UserChoice: return tr("chosen by the user");
        case SoundfontChoice::Reason::InstalledGeneralMidi: return tr("installed General MIDI soundfont");
        case SoundfontChoice::Reason::Bundled: return tr("NoteForge's bundled chip soundfont");
        case SoundfontChoice::Reason::None: return tr("no soundfont");
    }
    return QString::fromLatin1(toString(reason));
}

std::string PlaybackController::fluidDriverName() const {
    if (audioDriver_ != "pulse") return audioDriver_.toStdString();
    // PipeWire answers the PulseAudio protocol too: FluidSynth's own pipewire driver when the session runs one,
    // else its pulseaudio driver (which then says what is missing).
    try {
        const AudioDriverChoice automatic = chooseAudioDriver({});
        if (automatic.driver == "pipewire" || automatic.driver == "pulseaudio") return automatic.driver;
    } catch (const std::exception&) {
    }
    return "pulseaudio";
}

bool PlaybackController::ensurePlayer(bool userAsked) {
    if (transport()) return true;
    if (playerFailed_ && !userAsked) return false;
    try {
        if (!outputPort_.isEmpty()) {
            openExternal();
            playerFailed_ = false;
            return true;
        }
        const AudioDriverChoice driver = chooseAudioDriver(fluidDriverName());
        if (!driver.note.empty()) emit info(QString::fromStdString(driver.note));
        if (driver.driver.empty())
            throw std::runtime_error(tr("no audio device to play on (export to a file instead)").toStdString());
        const SoundfontChoice sf = SoundfontLocator().choose(soundfont_.toStdString());
        if (!sf.note.empty()) emit info(QString::fromStdString(sf.note));
        if (sf.path.empty())
            throw std::runtime_error(tr("no soundfont found (choose one in Transport > Soundfont)").toStdString());
        SynthOptions options = studioSynthOptions();
        options.audioDriver = driver.driver;
        auto player = std::make_unique<LivePlayer>(options);
        player->synth().loadSoundfont(sf.path);
        player->start();
        player_ = std::move(player);
        playerFailed_ = false;
        soundfont_ = QString::fromStdString(sf.path);
        soundfontNote_ = describe(sf.reason);
        emit soundfontChanged(soundfont_, soundfontNote_);
        emit info(tr("Sound: %1 through %2 (%3)")
                      .arg(soundfont_, QString::fromStdString(player_->driverName()), soundfontNote_));
        scoreDirty_ = true;
        setLoop(loopStart_, loopEnd_);
        return true;
    } catch (const std::exception& e) {
        playerFailed_ = true;
        emit error(tr("No playback: %1").arg(QString::fromStdString(e.what())));
        return false;
    }
}

void PlaybackController::syncScore() {
    Transport* t = transport();
    if (!t) return;
    t->setScore(playedScore(), mix_);
    scoreDirty_ = false;
}

const Score& PlaybackController::playedScore() const { return preview_ ? *preview_ : document_->score(); }

void PlaybackController::preview(const Score& score, Tick loopStart, Tick loopEnd) {
    if (!preview_) {
        savedLoopStart_ = loopStart_;
        savedLoopEnd_ = loopEnd_;
    }
    const bool switching = preview_.has_value() && isPlaying();
    preview_ = score;
    scoreDirty_ = true;
    if (!ensurePlayer(true)) return;
    syncScore();
    setLoop(loopStart, loopEnd);
    if (!switching) {
        startTick_ = loopStart;
        if (Transport* t = transport()) t->seek(score.tempoMap().secondsAt(loopStart));
    }
    if (!isPlaying()) play();
}

void PlaybackController::endPreview() {
    if (!preview_) return;
    preview_.reset();
    stop();
    scoreDirty_ = true;
    setLoop(savedLoopStart_, savedLoopEnd_);
}

bool PlaybackController::isPlaying() const { return playing_; }

double PlaybackController::positionSeconds() const { return transport() ? transport()->positionSeconds() : 0.0; }

void PlaybackController::togglePlay() { isPlaying() ? pause() : play(); }

void PlaybackController::play() {
    // A preview plays whatever is in the editor (call and response starts with none).
    if ((!preview_ && document_->isEmpty()) || !ensurePlayer(true)) return;
    if (scoreDirty_) syncScore();
    Transport* t = transport();
    if (t->state() == TransportState::Stopped || t->finished()) t->seek(playedScore().tempoMap().secondsAt(startTick_));
    t->play();
    playing_ = true;
    sincePlay_.start();
    timer_.start();
    emit playingChanged(true);
}

void PlaybackController::pause() {
    if (!transport()) return;
    transport()->pause();
    playing_ = false;
    timer_.stop();
    emit playingChanged(false);
}

void PlaybackController::stop() {
    if (!transport()) return;
    const bool was = playing_;
    transport()->stop();
    playing_ = false;
    timer_.stop();
    emit positionChanged(startTick_);
    if (was) emit playingChanged(false);
}

void PlaybackController::seekTick(Tick tick) {
    startTick_ = std::max<Tick>(0, tick);
    if (transport()) transport()->seek(playedScore().tempoMap().secondsAt(startTick_));
}

void PlaybackController::setLoop(Tick start, Tick end) {
    loopStart_ = start;
    loopEnd_ = std::max(start, end);
    if (!transport()) return;  // applied when the player is made: a loop alone must not open the sound device
    const TempoMap& tm = playedScore().tempoMap();
    transport()->setLoop(tm.secondsAt(loopStart_), loopEnd_ > loopStart_ ? tm.secondsAt(loopEnd_) : 0.0);
}

TrackMix& PlaybackController::mixOf(int track) {
    if (static_cast<int>(mix_.tracks.size()) <= track) mix_.tracks.resize(static_cast<std::size_t>(track) + 1);
    return mix_.tracks[static_cast<std::size_t>(track)];
}

void PlaybackController::mixChanged() {
    if (transport()) transport()->setMix(mix_);
}

void PlaybackController::setTrackMute(int track, bool mute) {
    if (track < 0) return;
    mixOf(track).mute = mute;
    mixChanged();
}

void PlaybackController::setTrackSolo(int track, bool solo) {
    if (track < 0) return;
    mixOf(track).solo = solo;
    mixChanged();
}

void PlaybackController::setTrackVolume(int track, int volume) {
    if (track < 0) return;
    mixOf(track).volume = std::clamp(volume, 0, 127);
    mixChanged();
}

void PlaybackController::setTrackPan(int track, int pan) {
    if (track < 0) return;
    mixOf(track).pan = std::clamp(pan, 0, 127);
    mixChanged();
}

void PlaybackController::setOutputPort(const QString& port, const QString& backend) {
    if (port == outputPort_ && backend == midiBackend_ && transport()) return;
    stop();
    midiOut_.reset();  // closing sends all-notes-off, so nothing keeps sounding on the old output
    player_.reset();
    playerFailed_ = false;
    outputPort_ = port;
    midiBackend_ = backend;
    scoreDirty_ = true;
    QSettings().setValue(kOutputKey, port);
    emit outputChanged(port);
}

void PlaybackController::setAudioDriver(const QString& key) {
    if (key == audioDriver_ && (player_ || midiOut_)) return;
    stop();
    player_.reset();  // the next Play opens the synthesizer through the new driver
    playerFailed_ = false;
    audioDriver_ = key;
    QSettings().setValue(kDriverKey, key);
}

void PlaybackController::setSoundfont(const QString& path) {
    QSettings().setValue(kSoundfontKey, path);
    soundfont_ = path;
    if (!player_) {
        playerFailed_ = false;  // a new choice deserves a new try
        emit soundfontChanged(path, path.isEmpty() ? tr("automatic choice") : tr("chosen by the user"));
        return;
    }
    try {
        const std::string chosen = SoundfontLocator().choose(path.toStdString()).path;
        player_->replaceSoundfont(chosen);  // loads beside the playing synth, then swaps: the sound never stops
        soundfont_ = QString::fromStdString(chosen);
        emit soundfontChanged(soundfont_, path.isEmpty() ? tr("automatic choice") : tr("chosen by the user"));
        emit info(tr("Soundfont: %1").arg(soundfont_));
    } catch (const std::exception& e) {
        emit error(QString::fromStdString(e.what()));
    }
}

int PlaybackController::activeChannel() const {
    const int t = document_->activeTrack();
    const auto& tracks = document_->score().tracks;
    if (t < 0 || t >= static_cast<int>(tracks.size())) return 0;
    return EventSchedule::channelOf(tracks[static_cast<std::size_t>(t)]);
}

void PlaybackController::auditionOn(int pitch, int velocity) {
    if (!ensurePlayer(false)) return;
    if (midiOut_) {
        // The timing thread owns the port while playing; a key click is heard only when it is idle.
        if (!isPlaying())
            midiOut_->output().send({MidiEvent::NoteOn, static_cast<std::uint8_t>(activeChannel()),
                                     static_cast<std::uint8_t>(pitch), static_cast<std::int16_t>(velocity), 0});
        return;
    }
    const int t = document_->activeTrack();
    const auto& tracks = document_->score().tracks;
    if (!isPlaying() && t >= 0 && t < static_cast<int>(tracks.size()) && !tracks[static_cast<std::size_t>(t)].isDrum) {
        // Heard with the track's instrument, not whatever the channel last played.
        MidiEvent program;
        program.type = MidiEvent::ProgramChange;
        program.channel = static_cast<std::uint8_t>(activeChannel());
        program.data1 = static_cast<std::uint8_t>(tracks[static_cast<std::size_t>(t)].program);
        player_->send(program);
    }
    player_->noteOn(activeChannel(), pitch, velocity);
}

void PlaybackController::auditionOff(int pitch) {
    if (midiOut_ && !isPlaying())
        midiOut_->output().send({MidiEvent::NoteOff, static_cast<std::uint8_t>(activeChannel()),
                                 static_cast<std::uint8_t>(pitch), 0, 0});
    if (player_) player_->noteOff(activeChannel(), pitch);
}

void PlaybackController::playNote(int channel, int pitch, int velocity) {
    if (!player_ || midiOut_ || channel < 0 || channel > 15) return;
    velocity > 0 ? player_->noteOn(channel, pitch, velocity) : player_->noteOff(channel, pitch);
}

void PlaybackController::poll() {
    Transport* t = transport();
    if (!t) return;
    emit positionChanged(playedScore().tempoMap().tickAt(t->positionSeconds()));
    // The end of the piece: the player stopped on its own (allowing its queue time to take the play command).
    if (playing_ && sincePlay_.elapsed() > 250 && t->state() != TransportState::Playing) {
        playing_ = false;
        timer_.stop();
        emit playingChanged(false);
    }
}

}  // namespace nf
