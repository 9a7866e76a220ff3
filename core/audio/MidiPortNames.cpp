// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/MidiPortNames.h"

#include <rtmidi/RtMidi.h>

#include "audio/AudioError.h"

namespace nf {

namespace {

RtMidi::Api apiOf(MidiBackend b) { return b == MidiBackend::Jack ? RtMidi::UNIX_JACK : RtMidi::LINUX_ALSA; }

// Warnings (a port that vanished, a full queue) are not worth a crash or a stderr line; errors become exceptions
// at the call that caused them, which is where RtMidi reports them.
void onRtMidiError(RtMidiError::Type type, const std::string& text, void*) {
    if (type == RtMidiError::WARNING || type == RtMidiError::DEBUG_WARNING) return;
    throw AudioError("MIDI: " + text);
}

template <typename T>
std::unique_ptr<T> make(MidiBackend backend, const std::string& clientName) {
    try {
        auto m = std::make_unique<T>(apiOf(backend), clientName);
        m->setErrorCallback(onRtMidiError, nullptr);
        return m;
    } catch (const RtMidiError& e) {
        throw AudioError(std::string("MIDI (") + toString(backend) + "): " + e.getMessage());
    }
}

template <typename T>
std::vector<std::string> names(T& m) {
    std::vector<std::string> out;
    const unsigned n = m.getPortCount();
    for (unsigned i = 0; i < n; ++i) out.push_back(m.getPortName(i));
    return out;
}

}  // namespace

std::unique_ptr<RtMidiIn> makeMidiIn(MidiBackend backend, const std::string& clientName) {
    return make<RtMidiIn>(backend, clientName);
}

std::unique_ptr<RtMidiOut> makeMidiOut(MidiBackend backend, const std::string& clientName) {
    return make<RtMidiOut>(backend, clientName);
}

std::vector<std::string> midiPortNames(MidiBackend backend, bool inputs) {
    if (inputs) {
        auto in = makeMidiIn(backend, "NoteForge list");
        return names(*in);
    }
    auto out = makeMidiOut(backend, "NoteForge list");
    return names(*out);
}

unsigned resolveMidiPort(const std::vector<std::string>& ports, const std::string& wanted, const char* what) {
    const int i = findMidiPort(ports, wanted);
    if (i >= 0) return static_cast<unsigned>(i);
    std::string list;
    for (const auto& p : ports) list += (list.empty() ? "" : ", ") + ("'" + p + "'");
    throw AudioError(std::string("no MIDI ") + what + " port matches '" + wanted + "' (ports: " +
                     (list.empty() ? "none" : list) + ")");
}

}  // namespace nf
