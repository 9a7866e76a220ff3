// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace nf {

enum class MidiBackend { Alsa, Jack };

const char* toString(MidiBackend backend);

struct MidiBackendChoice {
    MidiBackend backend = MidiBackend::Alsa;
    bool usable = false;
    std::string note;  // one line for the user, e.g. "ALSA sequencer not available (no /dev/snd/seq); using JACK"
};

// Picks the RtMidi API: the requested one ("alsa" / "jack") when it is usable, else the ALSA sequencer when
// /dev/snd/seq exists, else JACK when a server runs. Checks quietly first, so nothing is printed by the libraries.
MidiBackendChoice chooseMidiBackend(const std::string& requested = {});

struct MidiPortList {
    MidiBackendChoice backend;
    std::vector<std::string> inputs;   // ports we can record from
    std::vector<std::string> outputs;  // ports we can play to
};

// Lists ports of the chosen backend; an unusable backend gives empty lists and its note.
MidiPortList listMidiPorts(const std::string& requestedBackend = {});

// Index of the port matching `wanted`: an exact name, a decimal index, or else a unique case-insensitive substring.
// -1 when nothing (or more than one port) matches.
int findMidiPort(const std::vector<std::string>& ports, const std::string& wanted);

}  // namespace nf
