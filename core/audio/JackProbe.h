// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nf {

// True when a JACK server (the one named by $JACK_DEFAULT_SERVER, else "default") accepts a client. Never starts a
// server and prints nothing, unlike letting RtMidi or FluidSynth try and fail on stderr.
bool jackServerRunning();
// The running server's sample rate, 0 when none runs. A JACK client must render at this rate.
double jackSampleRate();
// The server name clients will connect to.
std::string jackServerName();

}  // namespace nf
