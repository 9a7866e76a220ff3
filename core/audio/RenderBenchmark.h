// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "audio/SynthOptions.h"

namespace nf {

struct RenderBenchmarkOptions {
    std::string soundfont;     // "" = the default soundfont (installed GM, else bundled)
    SynthOptions synth;
    bool pianoOnly = true;     // every melodic track on GM program 0, as the benchmark target names
    int repeats = 3;           // best of N for both renderers
    bool compareWithCli = true;
    std::string workDir;       // temporary files; "" = the system temp folder
};

// What `noteforge-cli benchmark render` prints.
struct RenderBenchmarkResult {
    std::string input;
    std::string soundfont;
    // Both speeds divide the same piece length (last note-off) by wall time, so their ratio is the ratio of
    // wall times; the two renderers' different tail rules do not flatter either.
    double pieceSeconds = 0;
    double ourAudioSeconds = 0;   // our rendered length (music + tail)
    double ourWallSeconds = 0;    // best of N: file read + soundfont load + render + WAV write
    double ourSpeed = 0;          // x real time
    double ourCpuSeconds = 0;     // best of N, CPU time of this process for the same work
    double ourCpuSpeed = 0;       // piece seconds per CPU second
    bool cliRan = false;
    double cliAudioSeconds = 0;
    double cliWallSeconds = 0;
    double cliSpeed = 0;
    double cliCpuSeconds = 0;
    double cliCpuSpeed = 0;
    std::string cliNote;          // why the CLI was not compared, when it was not
};

// Renders a MIDI or ABC file (first piece) with NoteForge's offline renderer and with fluidsynth's CLI, same
// settings, same input bytes (the score is written back to a temporary MIDI file for the CLI), both to 16-bit WAV.
// Throws MusicError/std::runtime_error for unreadable input.
RenderBenchmarkResult runRenderBenchmark(const std::string& input, const RenderBenchmarkOptions& options = {});

}  // namespace nf
