// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli play IN [--soundfont SF] [--audio-driver D] [--midi-out PORT]: plays until the end or Ctrl+C.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "cli/CliCommands.h"

#include <unistd.h>

#include <chrono>
#include <memory>
#include <thread>

#include "audio/AudioDrivers.h"
#include "audio/InterruptFlag.h"
#include "audio/LivePlayer.h"
#include "audio/MidiOutPlayer.h"
#include "audio/ScoreFile.h"
#include "audio/SoundfontLocator.h"
#include "audio/SoundfontReader.h"

namespace nf::cli {

namespace {

struct PlayArgs {
    std::string in, soundfont, audioDriver, midiOut, midiBackend;
    int tune = -1;
    double tempo = 1.0;
    double start = 0;
    double gain = 0.2;
    bool quiet = false;
};

// Polls the transport until it finishes or Ctrl+C, showing the position (lock-free reads) on a terminal.
bool waitForEnd(const Transport& t, double length, bool show) {
    const auto& interrupted = installInterruptFlag();
    while (!interrupted.load() && !t.finished()) {
        if (show) std::fprintf(stderr, "\r%6.1f / %.1f s", t.positionSeconds(), length);
        std::this_thread::sleep_for(std::chrono::milliseconds(33));
    }
    if (show) std::fprintf(stderr, "\n");
    return !interrupted.load();
}

int playToMidiPort(const PlayArgs& a, const LoadedScore& loaded, bool show) {
    installInterruptFlag();  // before the MIDI client's threads exist (InterruptFlag.h)
    auto out = std::make_unique<MidiOutput>(a.midiBackend, "NoteForge");
    out->open(a.midiOut);
    MidiOutPlayer player(std::move(out));
    player.setScore(loaded.score);
    player.setTempoScale(a.tempo);
    if (a.start > 0) player.seek(a.start);
    player.play();
    if (!a.quiet) std::printf("playing %s to MIDI port '%s' (Ctrl+C stops)\n", a.in.c_str(), a.midiOut.c_str());
    std::fflush(stdout);
    const bool completed = waitForEnd(player, loaded.score.durationSeconds(), show);
    player.stop();  // all notes off on the receiving synth
    if (!completed && !a.quiet) std::printf("stopped\n");
    std::fflush(stdout);
    return Success;
}

int playThroughSynth(const PlayArgs& a, const LoadedScore& loaded, bool show) {
    const AudioDriverChoice driver = chooseAudioDriver(a.audioDriver);
    if (!driver.note.empty()) printError(driver.note);
    if (driver.driver.empty()) {
        printError("no audio device to play on; render to a file instead (noteforge-cli render)");
        return FailedWork;
    }
    if (!a.soundfont.empty()) readSoundfontInfo(a.soundfont);  // an explicit bad choice is an error, not a fallback
    const SoundfontChoice sf = SoundfontLocator().choose(a.soundfont);
    if (!sf.note.empty()) printError(sf.note);
    if (sf.path.empty()) {
        printError("no soundfont found (pass --soundfont FILE)");
        return FailedWork;
    }
    installInterruptFlag();  // before the synth driver's threads exist (InterruptFlag.h)
    SynthOptions o;
    o.audioDriver = driver.driver;
    o.gain = a.gain;
    LivePlayer player(o);
    player.synth().loadSoundfont(sf.path);
    player.start();
    player.setScore(loaded.score);
    player.setTempoScale(a.tempo);
    if (a.start > 0) player.seek(a.start);
    player.play();
    if (!a.quiet)
        std::printf("playing %s through %s with %s (Ctrl+C stops)\n", a.in.c_str(), player.driverName().c_str(),
                    sf.path.c_str());
    std::fflush(stdout);  // whoever watches the output (a pipe, a test) sees playback start now
    const bool completed = waitForEnd(player, loaded.score.durationSeconds(), show);
    player.stop();
    // Let release tails ring out (briefly) before the driver closes.
    for (int i = 0; completed && i < 40 && player.synth().activeVoices() > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!completed && !a.quiet) std::printf("stopped\n");
    std::fflush(stdout);
    return Success;
}

}  // namespace

void addPlayCommand(CLI::App& app, CliResult& result) {
    auto args = std::make_shared<PlayArgs>();
    auto* cmd = app.add_subcommand("play", "Play a MIDI or ABC file through FluidSynth or to a MIDI port (Ctrl+C stops)");
    cmd->add_option("input", args->in, "MIDI or ABC file")->required()->check(CLI::ExistingFile);
    cmd->add_option("--soundfont", args->soundfont, "SF2/SF3 file (default: installed GM soundfont, else bundled)");
    cmd->add_option("--audio-driver", args->audioDriver, "pulseaudio, pipewire, alsa or jack (default: first reachable)");
    cmd->add_option("--midi-out", args->midiOut, "Send to this MIDI output port (name, index or part of the name)");
    cmd->add_option("--midi-backend", args->midiBackend, "alsa or jack (default: ALSA, else JACK)")
        ->check(CLI::IsMember({"alsa", "jack"}));
    cmd->add_option("--tune", args->tune, "ABC tune number (X:); default the first");
    cmd->add_option("--tempo", args->tempo, "Tempo scale, 1 = as written")->check(CLI::Range(0.25, 4.0));
    cmd->add_option("--start", args->start, "Start at this many seconds");
    cmd->add_option("--gain", args->gain, "Synth master gain")->check(CLI::Range(0.0, 10.0));
    cmd->add_flag("--quiet,-q", args->quiet, "No position display");
    setGuardedCallback(cmd, result, [args] {
        const LoadedScore loaded = loadScoreFile(args->in, args->tune);
        const bool show = !args->quiet && isatty(2);
        return args->midiOut.empty() ? playThroughSynth(*args, loaded, show) : playToMidiPort(*args, loaded, show);
    });
}

}  // namespace nf::cli
