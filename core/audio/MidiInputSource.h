// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <vector>

#include "audio/RecordedMessage.h"
#include "audio/SpscRing.h"

namespace nf {

// Where MidiRecorder's messages come from: one MIDI input port of one backend. Each source stamps messages with
// its backend's own clock (see RtMidiInputSource and JackMidiInput) and hands them, on its MIDI thread, to the
// recorder's lock-free queue; the recorder drains it on its own thread.
class MidiInputSource {
public:
    MidiInputSource(SpscRing<RecordedMessage>& queue, std::atomic<std::size_t>& dropped)
        : queue_(queue), dropped_(dropped) {}
    virtual ~MidiInputSource() = default;
    MidiInputSource(const MidiInputSource&) = delete;
    MidiInputSource& operator=(const MidiInputSource&) = delete;

    virtual std::vector<std::string> ports() const = 0;
    // Connects to a source port (exact name, index or unique substring); throws AudioError when none matches.
    virtual void open(const std::string& port) = 0;
    // A port of ours that a DAW or keyboard connects to.
    virtual void openVirtual(const std::string& name) = 0;
    // True once the backend stopped delivering for good (a JACK server that quit or threw our client out): a take
    // that goes on would record silence without a word.
    virtual bool lost() const { return false; }
    // Called by the recorder's polling thread: a source whose backend stopped running it may start itself again
    // (JackMidiInput), keeping its port and connections. True when it did.
    virtual bool keepRunning() { return false; }
    // How often keepRunning() started the source again.
    virtual std::size_t restarts() const { return 0; }
    // Periods the backend's server skipped (JACK xruns) since the source opened: MIDI sent in them may be missing.
    virtual std::size_t xruns() const { return 0; }

protected:
    // Realtime-safe: queues one message for the recorder, or counts it as dropped when the queue is full.
    void deliver(const RecordedMessage& m) noexcept {
        if (!queue_.push(m)) dropped_.fetch_add(1, std::memory_order_relaxed);
    }
    // Realtime-safe: counts messages the backend lost before they reached us.
    void countDropped(std::size_t n) noexcept { dropped_.fetch_add(n, std::memory_order_relaxed); }

private:
    SpscRing<RecordedMessage>& queue_;
    std::atomic<std::size_t>& dropped_;
};

}  // namespace nf
