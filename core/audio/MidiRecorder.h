// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "audio/MidiBackend.h"
#include "audio/RecordedMessage.h"
#include "audio/SpscRing.h"
#include "music/Score.h"

namespace nf {

class MidiInputSource;

struct RecordOptions {
    int ppq = 480;
    double bpm = 120;   // tempo of the resulting score (seconds -> ticks)
    int quantize = 0;   // grid in ticks (e.g. ppq / 4 for sixteenths); 0 = keep the played timing
};

// Records from a MIDI input port (a keyboard) into a Score, to seed generation. The input (MidiInputSource: RtMidi
// for ALSA, JackMidiInput for JACK) hands messages over on its MIDI thread through a lock-free queue; poll() moves
// them into the take on the caller's thread.
class MidiRecorder {
public:
    explicit MidiRecorder(const std::string& backend = {}, const std::string& clientName = "NoteForge");
    ~MidiRecorder();
    MidiRecorder(const MidiRecorder&) = delete;
    MidiRecorder& operator=(const MidiRecorder&) = delete;

    std::vector<std::string> ports() const;
    void open(const std::string& port);        // throws AudioError when no port matches
    void openVirtual(const std::string& name); // a port a DAW or keyboard can connect to
    MidiBackend backend() const { return backend_; }

    // Moves received messages into the take; call every few tens of milliseconds while recording.
    void poll();
    const std::vector<RecordedMessage>& messages() const { return take_; }
    std::size_t dropped() const { return dropped_.load(std::memory_order_relaxed); }
    // True once the input can deliver nothing more (the JACK server stopped or dropped NoteForge's client).
    bool inputLost() const;
    // How often the input had to be started again because its backend stopped running it (JACK; see
    // JackMidiInput::keepRunning()): messages sent meanwhile are lost.
    std::size_t inputRestarts() const;
    // Periods the input's server skipped while recording (JACK xruns): MIDI sent in them may be missing.
    std::size_t inputXruns() const;
    void clear();

    // The take as a score: one track per channel that played notes (channel 10 as drums), notes paired from note-on/off (notes
    // still held end at the last message), controllers, program changes and pitch bend kept. The first message is
    // at tick 0.
    Score toScore(const RecordOptions& options = {}) const;
    static Score toScore(const std::vector<RecordedMessage>& messages, const RecordOptions& options);

private:
    MidiBackend backend_;
    // Declared before in_: the input, whose MIDI thread pushes into them, is destroyed first.
    SpscRing<RecordedMessage> queue_{1 << 16};
    std::atomic<std::size_t> dropped_{0};
    std::unique_ptr<MidiInputSource> in_;
    std::vector<RecordedMessage> take_;
};

}  // namespace nf
