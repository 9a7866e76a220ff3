// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "audio/MidiBackend.h"

class RtMidiIn;
class RtMidiOut;

namespace nf {

// RtMidi plumbing shared by MidiOutput and MidiRecorder (internal to core/audio).

// Creates an RtMidi input/output on `backend`, with errors reported as AudioError instead of RtMidi printing them.
std::unique_ptr<RtMidiIn> makeMidiIn(MidiBackend backend, const std::string& clientName);
std::unique_ptr<RtMidiOut> makeMidiOut(MidiBackend backend, const std::string& clientName);
// The port names an input (inputs = true) or output client sees.
std::vector<std::string> midiPortNames(MidiBackend backend, bool inputs);
// Throws AudioError naming the ports when `wanted` matches none.
unsigned resolveMidiPort(const std::vector<std::string>& ports, const std::string& wanted, const char* what);

}  // namespace nf
