// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <thread>

#include "music/JamSession.h"

namespace nf {

class GenerationModel;
class MidiRecordController;
class RemiSteering;

// Call and response in the studio. The musician plays a MIDI keyboard against a click; when a phrase ends (a
// silence, JamSession), the remi model answers it on a worker thread (the torch-free decoder, answerPhrase) and the
// answer is placed from the next downbeat. What is to be heard -- the click and the answers -- goes out through
// playingChanged(), for whoever plays (the studio's synthesizer or its MIDI output port); nothing here opens a sound
// device.
//
// Times: the keyboard's notes carry the MIDI input's own time stamps, mapped onto the jam's clock (second 0 =
// begin()) by the smallest delay seen between a message's stamp and the 5 ms poll that collects it, so the notes keep
// the spacing they were played with; the answer's readiness is measured on the same clock.
class CallResponseController : public QObject {
    Q_OBJECT
public:
    explicit CallResponseController(QObject* parent = nullptr);
    ~CallResponseController() override;  // cancels an answer being written and waits for its thread

    bool isRunning() const { return static_cast<bool>(session_); }
    // Opens the model (throws std::invalid_argument when it is not a remi model, std::runtime_error when the file
    // does not open) and the keyboard: `port` as MidiRecordController::start, or a new port of that name when
    // `virtualPort`. Returns the port listened to. Nothing is heard or timed before begin().
    QString start(const QString& modelPath, const JamOptions& options, const QString& port = {},
                  const QString& backend = {}, bool virtualPort = false);
    // Second 0 of the jam: call when the click starts to play.
    void begin();
    // Stops listening and answering; returns the take (JamSession::take: the calls and answers as two tracks).
    Score stop();
    // The click and the answers so far (what begin() should start playing).
    Score playing() const;
    const JamSession* session() const { return session_.get(); }
    // Seconds on the jam's clock.
    double now() const;
    // Answers from this seed on (then seed + 1, ...) instead of fresh randomness: tests, reproducible sessions.
    void setSeed(std::uint64_t seed) { seed_ = seed; }

signals:
    // The click and the answers: play it on from where it is (from its start the first time).
    void playingChanged(const nf::Score& score);
    // A key of the keyboard, to be heard on `channel` (velocity 0 releases it).
    void notePlayed(int channel, int pitch, int velocity);
    void phraseHeard(int notes, int answerBar);
    void answered(const nf::JamAnswer& answer);
    void failed(const QString& message);

private:
    void onNote(int pitch, int velocity, double inputSeconds);
    void poll();
    void startAnswer();
    void finishAnswer(const HeardPhrase& heard, std::vector<Note> notes, const QString& error);
    void joinWorker();

    std::unique_ptr<GenerationModel> model_;
    std::unique_ptr<RemiSteering> steering_;
    std::unique_ptr<JamSession> session_;
    MidiRecordController* input_ = nullptr;
    QTimer poll_;
    QElapsedTimer clock_;
    double inputOffset_ = 0;
    bool offsetKnown_ = false;
    std::deque<HeardPhrase> waiting_;  // phrases heard while the model was still answering the one before
    std::thread worker_;
    bool answering_ = false;
    std::uint64_t run_ = 0;
    std::optional<std::uint64_t> seed_;  // one per session: a late answer of an earlier one is not placed in this one
    std::atomic<bool> cancel_{false};
};

}  // namespace nf
