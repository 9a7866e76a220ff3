// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "audio/MidiEvent.h"

namespace nf {

// Preallocated record of the events a player handed to its synthesizer, written on the audio thread: what tests
// count ("every note-on and note-off arrived, in order") and benchmarks use to measure lateness. Single writer
// (the audio thread), any number of readers of entries below count().
class PlaybackLog {
public:
    struct Entry {
        MidiEvent event;
        int result = 0;                // FluidSynth's return code for the call
        double scheduledSeconds = 0;   // score time the event was due
        std::int64_t frame = 0;        // output frame at which it was sent (frames since the driver started)
    };

    explicit PlaybackLog(std::size_t capacity) : entries_(std::make_unique<Entry[]>(capacity)), capacity_(capacity) {}

    // Realtime-safe. Counts a drop instead of growing when full.
    void record(const Entry& e) noexcept {
        const std::size_t n = count_.load(std::memory_order_relaxed);
        if (n >= capacity_) {
            dropped_.fetch_add(1, std::memory_order_relaxed);
            return;
        }
        entries_[n] = e;
        count_.store(n + 1, std::memory_order_release);
    }

    std::size_t count() const noexcept { return count_.load(std::memory_order_acquire); }
    std::size_t dropped() const noexcept { return dropped_.load(std::memory_order_relaxed); }
    const Entry& operator[](std::size_t i) const { return entries_[i]; }

private:
    std::unique_ptr<Entry[]> entries_;
    std::size_t capacity_;
    std::atomic<std::size_t> count_{0};
    std::atomic<std::size_t> dropped_{0};
};

}  // namespace nf
