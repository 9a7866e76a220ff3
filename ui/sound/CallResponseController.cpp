// SPDX-License-Identifier: GPL-3.0-or-later
#include "sound/CallResponseController.h"

#include <QMetaObject>
#include <QVariant>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <random>

#include "audio/MidiRecorder.h"
#include "generation/GenerationModel.h"
#include "generation/PhraseAnswer.h"
#include "generation/RemiSteering.h"
#include "sound/MidiRecordController.h"

namespace nf {

CallResponseController::CallResponseController(QObject* parent) : QObject(parent) {
    poll_.setInterval(5);
    connect(&poll_, &QTimer::timeout, this, &CallResponseController::poll);
    connect(&opening_, &QFutureWatcherBase::finished, this, &CallResponseController::opened);
}

CallResponseController::~CallResponseController() {
    cancel_ = true;
    joinWorker();
    opening_.waitForFinished();
}

void CallResponseController::start(const QString& modelPath, const JamOptions& options, const QString& port,
                                   const QString& backend, bool virtualPort) {
    stop();
    opening_.waitForFinished();  // an opening that stop() abandoned: its result is dropped by run_
    pendingOptions_ = options;
    opening_.setProperty("run", QVariant::fromValue<qulonglong>(run_));
    opening_.setFuture(QtConcurrent::run([modelPath, port, backend, virtualPort]() -> Opened {
        Opened o;
        try {
            o.model = std::make_shared<const GenerationModel>(GenerationModel::open(modelPath.toStdString()));
            o.steering = std::make_shared<const RemiSteering>(*o.model);  // throws for a model that cannot continue bars
            MidiRecordController::OpenedInput input = MidiRecordController::openInput(port, backend, virtualPort);
            o.input = std::move(input.recorder);
            o.port = input.port;
        } catch (const std::exception& e) {
            o = Opened{};
            o.error = QString::fromStdString(e.what());
        }
        return o;
    }));
}

void CallResponseController::opened() {
    if (opening_.property("run").toULongLong() != run_) return;  // stopped while opening
    Opened o = opening_.result();
    if (!o.error.isEmpty()) {
        emit startFailed(o.error);
        return;
    }
    model_ = std::move(o.model);
    steering_ = std::move(o.steering);
    input_ = std::move(o.input);
    seen_ = 0;
    inputLostReported_ = false;
    session_ = std::make_unique<JamSession>(pendingOptions_);
    offsetKnown_ = false;
    cancel_ = false;
    emit started(o.port);
}

void CallResponseController::begin(Clock clock) {
    if (!session_) return;
    clock_ = std::move(clock);
    timer_.start();
    poll_.start();
}

double CallResponseController::now() const {
    if (clock_) return clock_();
    return timer_.isValid() ? static_cast<double>(timer_.nsecsElapsed()) * 1e-9 : 0.0;
}

Score CallResponseController::playing() const { return session_ ? session_->playing() : Score{}; }

Score CallResponseController::stop() {
    ++run_;  // an opening or an answer still on its way to the GUI thread belongs to the session before: dropped
    if (!session_) return Score{};
    poll_.stop();
    cancel_ = true;
    joinWorker();
    answering_ = false;
    waiting_.clear();
    if (input_) input_->poll();
    const Score take = session_->take(now());
    input_.reset();  // closes the keyboard's port
    session_.reset();
    steering_.reset();
    model_.reset();
    clock_ = nullptr;
    timer_.invalidate();
    return take;
}

void CallResponseController::onNote(int pitch, int velocity, double inputSeconds) {
    emit notePlayed(kJamCallChannel, pitch, velocity);
    // The input's clock, moved onto the jam's: a message is collected at most one poll after it arrived, so the
    // smallest (collected - stamped) seen so far is the best estimate of the offset between the two clocks.
    const double offset = now() - inputSeconds;
    if (!offsetKnown_ || offset < inputOffset_) inputOffset_ = offset;
    offsetKnown_ = true;
    const double t = inputSeconds + inputOffset_;
    velocity > 0 ? session_->noteOn(pitch, velocity, t) : session_->noteOff(pitch, t);
}

void CallResponseController::poll() {
    if (!session_) return;
    input_->poll();
    const auto& messages = input_->messages();
    for (; seen_ < messages.size(); ++seen_) {
        const RecordedMessage& m = messages[seen_];
        const int status = m.bytes[0] & 0xf0;
        if (m.size == 3 && (status == 0x90 || status == 0x80)) onNote(m.bytes[1], status == 0x90 ? m.bytes[2] : 0, m.seconds);
    }
    if (input_->inputLost() && !inputLostReported_) {
        inputLostReported_ = true;
        emit failed(tr("the MIDI input stopped delivering (did the JACK server quit?)"));
    }
    const double t = now();
    if (session_->extendClick(t)) emit playingChanged(session_->playing());
    if (auto heard = session_->poll(t)) {
        emit phraseHeard(static_cast<int>(heard->phrase.notes.size()), heard->answerBar);
        waiting_.push_back(std::move(*heard));
        if (!answering_) startAnswer();
    }
}

void CallResponseController::startAnswer() {
    if (waiting_.empty() || !session_) return;
    joinWorker();  // the thread of the answer before has finished (its result was delivered)
    answering_ = true;
    HeardPhrase heard = std::move(waiting_.front());
    waiting_.pop_front();
    SteeringRequest request;
    request.sampling.temperature = 0.9;
    request.sampling.topP = 0.95;
    request.sampling.seed = seed_ ? (*seed_)++ : std::random_device{}();
    request.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    request.cancel = &cancel_;
    const int bars = session_->options().answerBars;
    std::shared_ptr<const RemiSteering> steering = steering_;
    std::shared_ptr<const GenerationModel> model = model_;  // outlives the steering that refers to it
    worker_ = std::thread([this, run = run_, model, steering, heard = std::move(heard), bars, request]() mutable {
        std::vector<Note> notes;
        QString error;
        try {
            notes = answerPhrase(*steering, heard.call, bars, request);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        } catch (...) {
            error = tr("unknown error");
        }
        // Delivered on the GUI thread; dropped by Qt when the controller is gone by then.
        QMetaObject::invokeMethod(
            this, [this, run, heard = std::move(heard), notes = std::move(notes), error]() mutable {
                if (run == run_) finishAnswer(heard, std::move(notes), error);
            },
            Qt::QueuedConnection);
    });
}

void CallResponseController::finishAnswer(const HeardPhrase& heard, std::vector<Note> notes, const QString& error) {
    answering_ = false;
    if (!session_ || cancel_) return;
    if (!error.isEmpty()) {
        emit failed(error);
    } else {
        const JamAnswer answer = session_->placeAnswer(heard, std::move(notes), now());
        emit playingChanged(session_->playing());
        emit answered(answer);
    }
    startAnswer();
}

void CallResponseController::joinWorker() {
    if (worker_.joinable()) worker_.join();
}

}  // namespace nf
