// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/MidiOutPlayer.h"

#include <algorithm>
#include <chrono>

namespace nf {

using Clock = std::chrono::steady_clock;

MidiOutPlayer::MidiOutPlayer(std::unique_ptr<MidiOutput> output) : out_(std::move(output)) {
    thread_ = std::thread([this] { run(); });
}

MidiOutPlayer::~MidiOutPlayer() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    thread_.join();
    // out_ sends all notes off as it closes (MidiOutput's destructor): once is enough.
}

void MidiOutPlayer::setScore(const Score& score, const Mix& mix) {
    std::lock_guard lock(mutex_);
    score_ = score;
    mix_ = mix;
    schedule_ = EventSchedule(score_, mix_, /*dropInaudible=*/true);
    if (playing_) out_->allNotesOff();
    next_ = schedule_.indexAt(pos_);
    wake_.notify_all();
}

void MidiOutPlayer::setMix(const Mix& mix) { setScore(Score(score_), mix); }

void MidiOutPlayer::jumpLocked(double seconds) {
    out_->allNotesOff();
    pos_ = seconds;
    anchor_ = Clock::now();
    next_ = schedule_.indexAt(seconds);
    for (std::size_t i : schedule_.stateEvents()) {
        if (i >= next_) break;
        out_->send(schedule_.events()[i].event);
    }
    position_.store(pos_, std::memory_order_release);
}

void MidiOutPlayer::play() {
    std::lock_guard lock(mutex_);
    if (finished_.load()) jumpLocked(loopEnd_ > loopStart_ ? loopStart_ : 0);
    playing_ = true;
    anchor_ = Clock::now();
    finished_.store(false);
    state_.store(TransportState::Playing);
    wake_.notify_all();
}

void MidiOutPlayer::pause() {
    std::lock_guard lock(mutex_);
    if (playing_) pos_ += std::chrono::duration<double>(Clock::now() - anchor_).count() * tempo_;
    playing_ = false;
    out_->allNotesOff();
    position_.store(pos_);
    state_.store(TransportState::Paused);
    wake_.notify_all();
}

void MidiOutPlayer::stop() {
    std::lock_guard lock(mutex_);
    playing_ = false;
    jumpLocked(loopEnd_ > loopStart_ ? loopStart_ : 0);
    finished_.store(false);
    state_.store(TransportState::Stopped);
    wake_.notify_all();
}

void MidiOutPlayer::seek(double seconds) {
    std::lock_guard lock(mutex_);
    jumpLocked(std::max(0.0, seconds));
    finished_.store(false);
    wake_.notify_all();
}

void MidiOutPlayer::setLoop(double startSeconds, double endSeconds) {
    std::lock_guard lock(mutex_);
    loopStart_ = std::max(0.0, startSeconds);
    loopEnd_ = endSeconds > loopStart_ ? endSeconds : 0;
    wake_.notify_all();
}

void MidiOutPlayer::setTempoScale(double scale) {
    std::lock_guard lock(mutex_);
    if (playing_) {
        pos_ += std::chrono::duration<double>(Clock::now() - anchor_).count() * tempo_;
        anchor_ = Clock::now();
    }
    tempo_ = std::clamp(scale, 0.25, 4.0);
    wake_.notify_all();
}

void MidiOutPlayer::run() {
    std::unique_lock lock(mutex_);
    while (!quit_) {
        if (!playing_) {
            wake_.wait(lock);
            continue;
        }
        const double now = pos_ + std::chrono::duration<double>(Clock::now() - anchor_).count() * tempo_;
        position_.store(now, std::memory_order_release);
        const bool looping = loopEnd_ > loopStart_;
        if (looping && now >= loopEnd_) {
            jumpLocked(loopStart_);
            continue;
        }
        const auto& events = schedule_.events();
        while (next_ < events.size() && events[next_].seconds <= now) out_->send(events[next_++].event);
        if (next_ >= events.size() && !looping) {
            playing_ = false;
            pos_ = now;
            finished_.store(true);
            state_.store(TransportState::Stopped);
            continue;
        }
        double due = next_ < events.size() ? events[next_].seconds : loopEnd_;
        if (looping) due = std::min(due, loopEnd_);
        // Wake for the next event, or at least every 20 ms so the position keeps moving for the UI.
        const double wait = std::min((due - now) / tempo_, 0.02);
        wake_.wait_for(lock, std::chrono::duration<double>(std::max(0.0, wait)));
    }
}

}  // namespace nf
