// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

#include "music/JamSession.h"

namespace nf {

class GenerationModel;
class MidiRecorder;
class RemiSteering;

// Call and response in the studio. The musician plays a MIDI keyboard against a click; when a phrase ends (a
// silence, JamSession), the remi model answers it on a worker thread (the torch-free decoder, answerPhrase) and the
// answer is placed from the next downbeat. What is to be heard -- the click and the answers -- goes out through
// playingChanged(), for whoever plays (the studio's synthesizer or its MIDI output port); nothing here opens a sound
// device.
//
// Times: the jam's clock is the clock given to begin() -- the transport's position in the studio, so the click, the
// answers and the phrase's notes share one timeline -- or a timer of its own. The keyboard's notes carry the MIDI
// input's own time stamps, mapped onto that clock by the smallest delay seen between a message's stamp and the 5 ms
// poll that collects it, so the notes keep the spacing they were played with.
class CallResponseController : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<double()>;

    explicit CallResponseController(QObject* parent = nullptr);
    ~CallResponseController() override;  // cancels an answer being written and waits for its thread

    bool isRunning() const { return static_cast<bool>(session_); }
    bool isStarting() const { return opening_.isRunning(); }
    // Opens the model and the keyboard on a worker (a model file is read whole, and a JACK client may take seconds to
    // come up), then emits started(port) or startFailed(reason): a model that is not remi, a file that does not open,
    // no MIDI system. `port` as MidiRecordController::start (empty: the first input, else a new port "NoteForge In"),
    // or a new port of that name when `virtualPort`. Nothing is heard or timed before begin().
    void start(const QString& modelPath, const JamOptions& options, const QString& port = {},
               const QString& backend = {}, bool virtualPort = false);
    // Second 0 of the jam: call when the click starts to play. `clock` gives the jam's seconds from then on (the
    // transport's position); without one the controller times itself.
    void begin(Clock clock = {});
    // Stops listening and answering (or a start under way); returns the take (JamSession::take: the calls and
    // answers as two tracks).
    Score stop();
    // The click and the answers so far (what begin() should start playing).
    Score playing() const;
    const JamSession* session() const { return session_.get(); }
    // Seconds on the jam's clock.
    double now() const;
    // Answers from this seed on (then seed + 1, ...) instead of fresh randomness: tests, reproducible sessions.
    void setSeed(std::uint64_t seed) { seed_ = seed; }

signals:
    void started(const QString& port);
    void startFailed(const QString& reason);
    // The click and the answers: play it on from where it is (from its start the first time).
    void playingChanged(const nf::Score& score);
    // A key of the keyboard, to be heard on `channel` (velocity 0 releases it).
    void notePlayed(int channel, int pitch, int velocity);
    void phraseHeard(int notes, int answerBar);
    void answered(const nf::JamAnswer& answer);
    void failed(const QString& message);

private:
    struct Opened {
        std::shared_ptr<const GenerationModel> model;
        std::shared_ptr<const RemiSteering> steering;
        std::shared_ptr<MidiRecorder> input;
        QString port;
        QString error;
    };
    void opened();
    void onNote(int pitch, int velocity, double inputSeconds);
    void poll();
    void startAnswer();
    void finishAnswer(const HeardPhrase& heard, std::vector<Note> notes, const QString& error);
    void joinWorker();

    QFutureWatcher<Opened> opening_;
    JamOptions pendingOptions_;
    std::shared_ptr<const GenerationModel> model_;
    std::shared_ptr<const RemiSteering> steering_;  // refers to model_: released first
    std::shared_ptr<MidiRecorder> input_;
    std::size_t seen_ = 0;  // messages of input_ already handled
    bool inputLostReported_ = false;
    std::unique_ptr<JamSession> session_;
    QTimer poll_;
    QElapsedTimer timer_;
    Clock clock_;
    double inputOffset_ = 0;
    bool offsetKnown_ = false;
    std::deque<HeardPhrase> waiting_;  // phrases heard while the model was still answering the one before
    std::thread worker_;
    bool answering_ = false;
    std::uint64_t run_ = 0;  // one per session: a late answer or opening of an earlier one is dropped
    std::optional<std::uint64_t> seed_;
    std::atomic<bool> cancel_{false};
};

}  // namespace nf
