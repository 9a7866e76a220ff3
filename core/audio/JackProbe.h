// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace nf {

// True when a JACK server (the one named by $JACK_DEFAULT_SERVER, else "default") accepts a client. Never starts a
// server and prints nothing, unlike letting RtMidi or FluidSynth try and fail on stderr.
bool jackServerRunning();
// The running server's sample rate, 0 when none runs. A JACK client must render at this rate.
double jackSampleRate();
// The server name clients will connect to.
std::string jackServerName();
// The output ports of the JACK clients whose name starts with `clientPrefix` (JACK appends -01, -02 to a name in
// use), each with a port it is connected to: (from, to) pairs; empty when no server runs. For checking wiring.
std::vector<std::pair<std::string, std::string>> jackOutputConnections(const std::string& clientPrefix);
// The ports connected to `port` (a full "client:port" name); empty when no server runs or no such port exists.
std::vector<std::string> jackPortConnections(const std::string& port);

}  // namespace nf
