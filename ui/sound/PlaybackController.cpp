// SPDX-License-Identifier: GPL-3.0-or-later
#include "sound/PlaybackController.h"

#include <QSettings>

#include "audio/AudioDrivers.h"
#include "audio/EventSchedule.h"
#include "audio/LivePlayer.h"
#include "audio/MidiEvent.h"
#include "audio/SoundfontLocator.h"
#include "controllers/ScoreDocument.h"

namespace nf {

namespace {
constexpr int kPollMs = 30;  // playhead refresh: smooth enough to follow, cheap enough to ignore
const char* kSoundfontKey = "sound/soundfont";
}  // namespace

PlaybackController::PlaybackController(ScoreDocument* document, QObject* parent)
    : QObject(parent), document_(document) {
    soundfont_ = QSettings().value(kSoundfontKey).toString();
    timer_.setInterval(kPollMs);
    connect(&timer_, &QTimer::timeout, this, &PlaybackController::poll);
    connect(document_, &ScoreDocument::scoreReplaced, this, [this] {
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

bool PlaybackController::ensurePlayer() {
    if (player_) return true;
    if (playerFailed_) return false;
    try {
        const AudioDriverChoice driver = chooseAudioDriver({});
        if (!driver.note.empty()) emit info(QString::fromStdString(driver.note));
        if (driver.driver.empty()) throw std::runtime_error("no audio device to play on (export to a file instead)");
        const SoundfontChoice sf = SoundfontLocator().choose(soundfont_.toStdString());
        if (!sf.note.empty()) emit info(QString::fromStdString(sf.note));
        if (sf.path.empty()) throw std::runtime_error("no soundfont found (choose one in the Sound menu)");
        SynthOptions options;
        options.audioDriver = driver.driver;
        auto player = std::make_unique<LivePlayer>(options);
        player->synth().loadSoundfont(sf.path);
        player->start();
        player_ = std::move(player);
        soundfont_ = QString::fromStdString(sf.path);
        soundfontNote_ = QString::fromLatin1(toString(sf.reason));
        emit soundfontChanged(soundfont_, soundfontNote_);
        emit info(tr("Sound: %1 through %2 (%3)")
                      .arg(soundfont_, QString::fromStdString(player_->driverName()), soundfontNote_));
        scoreDirty_ = true;
        setLoop(loopStart_, loopEnd_);
        return true;
    } catch (const std::exception& e) {
        // Once per session: a machine without sound stays usable and is not nagged on every key press.
        playerFailed_ = true;
        emit error(tr("No playback: %1").arg(QString::fromStdString(e.what())));
        return false;
    }
}

void PlaybackController::syncScore() {
    if (!player_) return;
    player_->setScore(document_->score(), mix_);
    scoreDirty_ = false;
}

bool PlaybackController::isPlaying() const { return playing_; }

double PlaybackController::positionSeconds() const { return player_ ? player_->positionSeconds() : 0.0; }

void PlaybackController::togglePlay() { isPlaying() ? pause() : play(); }

void PlaybackController::play() {
    if (document_->isEmpty() || !ensurePlayer()) return;
    if (scoreDirty_) syncScore();
    if (player_->state() == TransportState::Stopped || player_->finished())
        player_->seek(document_->score().tempoMap().secondsAt(startTick_));
    player_->play();
    playing_ = true;
    sincePlay_.start();
    timer_.start();
    emit playingChanged(true);
}

void PlaybackController::pause() {
    if (!player_) return;
    player_->pause();
    playing_ = false;
    timer_.stop();
    emit playingChanged(false);
}

void PlaybackController::stop() {
    if (!player_) return;
    const bool was = playing_;
    player_->stop();
    playing_ = false;
    timer_.stop();
    emit positionChanged(startTick_);
    if (was) emit playingChanged(false);
}

void PlaybackController::seekTick(Tick tick) {
    startTick_ = std::max<Tick>(0, tick);
    if (player_) player_->seek(document_->score().tempoMap().secondsAt(startTick_));
}

void PlaybackController::setLoop(Tick start, Tick end) {
    loopStart_ = start;
    loopEnd_ = std::max(start, end);
    if (!player_) return;  // applied when the player is made: a loop alone must not open the sound device
    const TempoMap& tm = document_->score().tempoMap();
    player_->setLoop(tm.secondsAt(loopStart_), loopEnd_ > loopStart_ ? tm.secondsAt(loopEnd_) : 0.0);
}

void PlaybackController::setTrackMute(int track, bool mute) {
    if (track < 0) return;
    if (static_cast<int>(mix_.tracks.size()) <= track) mix_.tracks.resize(static_cast<std::size_t>(track) + 1);
    mix_.tracks[static_cast<std::size_t>(track)].mute = mute;
    if (player_) player_->setMix(mix_);
}

void PlaybackController::setTrackSolo(int track, bool solo) {
    if (track < 0) return;
    if (static_cast<int>(mix_.tracks.size()) <= track) mix_.tracks.resize(static_cast<std::size_t>(track) + 1);
    mix_.tracks[static_cast<std::size_t>(track)].solo = solo;
    if (player_) player_->setMix(mix_);
}

void PlaybackController::setSoundfont(const QString& path) {
    QSettings().setValue(kSoundfontKey, path);
    soundfont_ = path;
    if (!player_) {
        playerFailed_ = false;  // a new choice deserves a new try
        return;
    }
    try {
        const std::string chosen = SoundfontLocator().choose(path.toStdString()).path;
        player_->synth().loadSoundfont(chosen);
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

void PlaybackController::auditionOn(int pitch) {
    if (!ensurePlayer()) return;
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
    player_->noteOn(activeChannel(), pitch, 100);
}

void PlaybackController::auditionOff(int pitch) {
    if (player_) player_->noteOff(activeChannel(), pitch);
}

void PlaybackController::poll() {
    if (!player_) return;
    emit positionChanged(document_->score().tempoMap().tickAt(player_->positionSeconds()));
    // The end of the piece: the player stopped on its own (allowing its queue time to take the play command).
    if (playing_ && sincePlay_.elapsed() > 250 && player_->state() != TransportState::Playing) {
        playing_ = false;
        timer_.stop();
        emit playingChanged(false);
    }
}

}  // namespace nf
