// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "audio/EventSchedule.h"
#include "audio/MidiOutput.h"
#include "audio/Transport.h"

namespace nf {

// Plays a score to an external MIDI port instead of the internal synthesizer. A timing thread sleeps until each
// event is due (this is not an audio callback, so it may wait on a condition variable); stop, pause, seek and
// destruction send all-notes-off so nothing hangs on the receiving synth.
class MidiOutPlayer : public Transport {
public:
    explicit MidiOutPlayer(std::unique_ptr<MidiOutput> output);
    ~MidiOutPlayer() override;

    MidiOutput& output() { return *out_; }

    void setScore(const Score& score, const Mix& mix = {}) override;
    void setMix(const Mix& mix) override;
    void play() override;
    void pause() override;
    void stop() override;
    void seek(double seconds) override;
    void setLoop(double startSeconds, double endSeconds) override;
    void setTempoScale(double scale) override;

    double positionSeconds() const noexcept override { return position_.load(std::memory_order_acquire); }
    TransportState state() const noexcept override { return state_.load(std::memory_order_acquire); }
    bool finished() const noexcept override { return finished_.load(std::memory_order_acquire); }

private:
    void run();
    void jumpLocked(double seconds);  // all notes off, chase controllers, move

    std::unique_ptr<MidiOutput> out_;
    std::mutex mutex_;
    std::condition_variable wake_;
    Score score_;
    Mix mix_;
    EventSchedule schedule_;
    std::size_t next_ = 0;
    double pos_ = 0;          // score seconds at anchor_
    double tempo_ = 1;
    double loopStart_ = 0, loopEnd_ = 0;
    bool playing_ = false;
    bool quit_ = false;
    std::chrono::steady_clock::time_point anchor_;

    std::atomic<double> position_{0};
    std::atomic<TransportState> state_{TransportState::Stopped};
    std::atomic<bool> finished_{false};
    std::thread thread_;
};

}  // namespace nf
