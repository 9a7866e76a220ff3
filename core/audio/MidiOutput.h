// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "audio/MidiBackend.h"
#include "audio/MidiEvent.h"

class RtMidiOut;

namespace nf {

// A MIDI output port (a DAW, a hardware synth) through RtMidi. Sends all-notes-off on every channel when closed,
// so nothing keeps sounding after NoteForge stops or quits.
class MidiOutput {
public:
    // Throws AudioError with the backend's note when no MIDI system is usable.
    explicit MidiOutput(const std::string& backend = {}, const std::string& clientName = "NoteForge");
    ~MidiOutput();
    MidiOutput(const MidiOutput&) = delete;
    MidiOutput& operator=(const MidiOutput&) = delete;

    std::vector<std::string> ports() const;
    // Connects to an existing port (name, index or unique substring; see findMidiPort). Throws AudioError.
    void open(const std::string& port);
    // Creates a port others connect to (ALSA and JACK support this).
    void openVirtual(const std::string& name);
    bool isOpen() const { return open_; }
    MidiBackend backend() const { return backend_; }

    void send(const MidiEvent& event);
    void sendBytes(const std::uint8_t* bytes, std::size_t count);
    // Sustain off, all notes off (CC 123) and all sound off (CC 120) on the 16 channels.
    void allNotesOff();

private:
    static void waitForJackToCarryWhatWasSent();
    bool jackConnectedTo(const std::string& target) const;

    static constexpr char kPortName[] = "NoteForge out";

    MidiBackend backend_;
    std::string clientName_;
    std::unique_ptr<RtMidiOut> out_;
    std::vector<unsigned char> message_;  // reused so sending does not allocate
    bool open_ = false;
};

}  // namespace nf
