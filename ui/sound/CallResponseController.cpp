// SPDX-License-Identifier: GPL-3.0-or-later
#include "sound/CallResponseController.h"

#include <QMetaObject>

#include <algorithm>
#include <random>

#include "generation/GenerationModel.h"
#include "generation/PhraseAnswer.h"
#include "generation/RemiSteering.h"
#include "sound/MidiRecordController.h"

namespace nf {

CallResponseController::CallResponseController(QObject* parent) : QObject(parent) {
    poll_.setInterval(5);
    connect(&poll_, &QTimer::timeout, this, &CallResponseController::poll);
}

CallResponseController::~CallResponseController() {
    cancel_ = true;
    joinWorker();
}

QString CallResponseController::start(const QString& modelPath, const JamOptions& options, const QString& port,
                                      const QString& backend, bool virtualPort) {
    stop();
    auto model = std::make_unique<GenerationModel>(GenerationModel::open(modelPath.toStdString()));
    auto steering = std::make_unique<RemiSteering>(*model);  // throws for a model that cannot continue bars
    auto* input = new MidiRecordController(this);
    QString opened;
    try {
        opened = virtualPort ? input->startVirtual(port, backend) : input->start(port, backend);
    } catch (...) {
        delete input;
        throw;
    }
    input->setMonitor([this](int pitch, int velocity, double seconds) { onNote(pitch, velocity, seconds); });
    model_ = std::move(model);
    steering_ = std::move(steering);
    input_ = input;
    session_ = std::make_unique<JamSession>(options);
    ++run_;
    offsetKnown_ = false;
    cancel_ = false;
    return opened;
}

void CallResponseController::begin() {
    if (!session_) return;
    clock_.start();
    poll_.start();
}

double CallResponseController::now() const { return clock_.isValid() ? static_cast<double>(clock_.nsecsElapsed()) * 1e-9 : 0.0; }

Score CallResponseController::playing() const { return session_ ? session_->playing() : Score{}; }

Score CallResponseController::stop() {
    if (!session_) return Score{};
    poll_.stop();
    cancel_ = true;
    joinWorker();
    answering_ = false;
    waiting_.clear();
    ++run_;  // an answer still on its way to the GUI thread belongs to this session: dropped
    const Score take = session_->take(now());
    delete input_;  // closes the keyboard's port
    input_ = nullptr;
    session_.reset();
    steering_.reset();
    model_.reset();
    clock_.invalidate();
    return take;
}

void CallResponseController::onNote(int pitch, int velocity, double inputSeconds) {
    emit notePlayed(kJamCallChannel, pitch, velocity);
    if (!session_ || !clock_.isValid()) return;
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
    const RemiSteering* steering = steering_.get();
    worker_ = std::thread([this, run = run_, steering, heard = std::move(heard), bars, request]() mutable {
        std::vector<Note> notes;
        QString error;
        try {
            notes = answerPhrase(*steering, heard.call, bars, request);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
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
