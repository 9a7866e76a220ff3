// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "audio/SynthOptions.h"

namespace nf {

// The reference renderer: FluidSynth's own command-line program, run with the same synth settings as ours, for the
// render comparison test and the render benchmark.
struct FluidsynthCliRun {
    int exitCode = -1;
    double wallSeconds = 0;
    double cpuSeconds = 0;          // user + system time of the child: meaningful on a busy machine too
    std::vector<std::string> argv;  // what was run, for messages
};

// Path of the `fluidsynth` executable, or "" when it is not installed.
std::string findFluidsynthCli();
// Runs `fluidsynth -niq -F OUT -r RATE -g GAIN -R 0|1 -C 0|1 -o ... SF2 MIDI` (16-bit WAV), output discarded.
FluidsynthCliRun runFluidsynthCli(const std::string& midiPath, const std::string& soundfont,
                                  const std::string& outWav, const SynthOptions& options);

}  // namespace nf
