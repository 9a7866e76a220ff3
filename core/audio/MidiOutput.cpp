// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/MidiOutput.h"

#include <rtmidi/RtMidi.h>

#include <chrono>
#include <thread>

#include "audio/AudioError.h"
#include "audio/JackProbe.h"
#include "audio/MidiPortNames.h"
#include "music/ControlEvent.h"

namespace nf {

MidiOutput::MidiOutput(const std::string& backend, const std::string& clientName) {
    const MidiBackendChoice choice = chooseMidiBackend(backend);
    if (!choice.usable) throw AudioError("no MIDI system: " + choice.note);
    backend_ = choice.backend;
    out_ = makeMidiOut(backend_, clientName);
    clientName_ = clientName;
    message_.reserve(3);
}

MidiOutput::~MidiOutput() {
    try {
        if (open_) allNotesOff();
        if (open_ && backend_ == MidiBackend::Jack) waitForJackToCarryWhatWasSent();
        if (out_) out_->closePort();
    } catch (...) {
        // The port may have vanished already; nothing more to release.
    }
}

// RtMidi 5.0's JACK output queues messages in a ring that its process callback drains once per JACK period.
// closePort() asks that callback for a "drained" signal, but a callback already past its drain loop when the
// request comes answers it at once, and the port is unregistered with the last messages still queued: the
// all-notes-off of a closing port was lost in 5 of 12 closes on a loaded machine (tests/audio/MidiJackTest.cpp),
// leaving notes hanging on the receiving synth. RtMidi offers no flush, so the close waits long enough for several
// periods to pass first (a JACK period is 1-43 ms; a loaded machine delays it further). Closing a port is rare (a
// port change, quitting), so the wait costs nothing a musician notices.
void MidiOutput::waitForJackToCarryWhatWasSent() { std::this_thread::sleep_for(std::chrono::milliseconds(150)); }

std::vector<std::string> MidiOutput::ports() const {
    std::vector<std::string> names;
    for (unsigned i = 0, n = out_->getPortCount(); i < n; ++i) names.push_back(out_->getPortName(i));
    return names;
}

void MidiOutput::open(const std::string& port) {
    // RtMidi opens a port by its index in a list it reads again, and its JACK backend ignores what jack_connect
    // answers: a client coming or going between the two listings connects NoteForge elsewhere or nowhere, and every
    // note then goes nowhere without a word. With JACK the connection is checked, and the open tried again.
    constexpr int kAttempts = 3;
    for (int attempt = 1;; ++attempt) {
        const std::vector<std::string> names = ports();
        const unsigned index = resolveMidiPort(names, port, "output");
        out_->openPort(index, kPortName);
        open_ = true;
        if (backend_ != MidiBackend::Jack || jackConnectedTo(names[index])) return;
        out_->closePort();
        open_ = false;
        if (attempt == kAttempts)
            throw AudioError("MIDI (jack): cannot connect NoteForge's output to '" + names[index] + "'");
    }
}

bool MidiOutput::jackConnectedTo(const std::string& target) const {
    // Our port is "<client name, perhaps with -01...>:NoteForge out"; JACK lists connections by full name.
    for (const std::string& from : jackPortConnections(target))
        if (from.compare(0, clientName_.size(), clientName_) == 0 &&
            from.size() >= sizeof kPortName && from.compare(from.size() - (sizeof kPortName - 1), std::string::npos, kPortName) == 0)
            return true;
    return false;
}

void MidiOutput::openVirtual(const std::string& name) {
    out_->openVirtualPort(name);
    open_ = true;
}

void MidiOutput::send(const MidiEvent& event) {
    std::uint8_t bytes[3];
    const int n = event.toBytes(bytes);
    sendBytes(bytes, static_cast<std::size_t>(n));
}

void MidiOutput::sendBytes(const std::uint8_t* bytes, std::size_t count) {
    if (!open_) return;
    message_.assign(bytes, bytes + count);
    out_->sendMessage(&message_);
}

void MidiOutput::allNotesOff() {
    for (std::uint8_t ch = 0; ch < 16; ++ch) {
        const std::uint8_t status = 0xb0 | ch;
        const std::uint8_t sustainOff[3] = {status, cc::Sustain, 0};
        const std::uint8_t notesOff[3] = {status, 123, 0};
        const std::uint8_t soundOff[3] = {status, 120, 0};
        sendBytes(sustainOff, 3);
        sendBytes(notesOff, 3);
        sendBytes(soundOff, 3);
    }
}

}  // namespace nf
