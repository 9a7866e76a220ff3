// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/MidiBackend.h"

#include <rtmidi/RtMidi.h>

#include <algorithm>
#include <filesystem>

#include "audio/JackProbe.h"
#include "audio/MidiPortNames.h"

namespace nf {

const char* toString(MidiBackend backend) { return backend == MidiBackend::Jack ? "jack" : "alsa"; }

MidiBackendChoice chooseMidiBackend(const std::string& requested) {
    std::vector<RtMidi::Api> apis;
    RtMidi::getCompiledApi(apis);
    const bool haveAlsa = std::find(apis.begin(), apis.end(), RtMidi::LINUX_ALSA) != apis.end();
    const bool haveJack = std::find(apis.begin(), apis.end(), RtMidi::UNIX_JACK) != apis.end();
    std::error_code ec;
    const bool alsaUsable = haveAlsa && std::filesystem::exists("/dev/snd/seq", ec);

    MidiBackendChoice c;
    std::string alsaNote;
    if (!alsaUsable)
        alsaNote = haveAlsa ? "ALSA sequencer not available (no /dev/snd/seq)" : "RtMidi was built without ALSA";
    if (requested == "alsa" || (requested.empty() && alsaUsable)) {
        c.backend = MidiBackend::Alsa;
        c.usable = alsaUsable;
        c.note = alsaNote;
        if (alsaUsable || requested == "alsa") return c;
    }
    const bool jackUp = haveJack && jackServerRunning();
    c.backend = MidiBackend::Jack;
    c.usable = jackUp;
    const std::string jackNote = !haveJack ? "RtMidi was built without JACK"
                                 : jackUp  ? "using JACK (server '" + jackServerName() + "')"
                                           : "no JACK server running (server '" + jackServerName() + "')";
    c.note = requested == "jack" ? (jackUp ? "" : jackNote) : alsaNote + "; " + jackNote;
    return c;
}

MidiPortList listMidiPorts(const std::string& requestedBackend) {
    MidiPortList list;
    list.backend = chooseMidiBackend(requestedBackend);
    if (!list.backend.usable) return list;
    list.inputs = midiPortNames(list.backend.backend, true);
    list.outputs = midiPortNames(list.backend.backend, false);
    return list;
}

int findMidiPort(const std::vector<std::string>& ports, const std::string& wanted) {
    for (std::size_t i = 0; i < ports.size(); ++i)
        if (ports[i] == wanted) return static_cast<int>(i);
    if (!wanted.empty() && std::all_of(wanted.begin(), wanted.end(), ::isdigit)) {
        const int i = std::stoi(wanted);
        return i < static_cast<int>(ports.size()) ? i : -1;
    }
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
        return s;
    };
    int found = -1;
    for (std::size_t i = 0; i < ports.size(); ++i)
        if (lower(ports[i]).find(lower(wanted)) != std::string::npos) {
            if (found >= 0) return -1;
            found = static_cast<int>(i);
        }
    return found;
}

}  // namespace nf
