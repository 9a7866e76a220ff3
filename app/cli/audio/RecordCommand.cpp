// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli record --midi-in PORT --seconds N --out FILE.mid [--quantize 16] [--bpm 120]
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/CliCommands.h"

#include <chrono>
#include <thread>

#include "audio/InterruptFlag.h"
#include "audio/MidiRecorder.h"
#include "smf/MidiFileWriter.h"

namespace nf::cli {

namespace {

struct RecordArgs {
    std::string port, virtualName, out, backend;
    double seconds = 10;
    int quantize = 0;  // note value: 4 = quarters, 16 = sixteenths; 0 = off
    double bpm = 120;
    bool quiet = false;
};

int runRecord(const RecordArgs& a) {
    if (a.port.empty() == a.virtualName.empty()) {
        printError("give either --midi-in PORT or --virtual NAME");
        return UsageError;
    }
    const auto& interrupted = installInterruptFlag();  // before the MIDI client's threads exist (InterruptFlag.h)
    MidiRecorder rec(a.backend);
    if (a.port.empty()) rec.openVirtual(a.virtualName);
    else rec.open(a.port);
    if (!a.quiet)
        std::cerr << "recording " << a.seconds << " s from " << (a.port.empty() ? a.virtualName : a.port) << " ("
                  << toString(rec.backend()) << "; Ctrl+C stops early)\n";
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(a.seconds);
    bool heard = false, lost = false;
    std::size_t restarts = 0;
    while (!interrupted.load() && std::chrono::steady_clock::now() < end) {
        rec.poll();
        if ((lost = rec.inputLost())) break;
        if (rec.inputRestarts() != restarts) {
            restarts = rec.inputRestarts();
            if (!a.quiet) std::cerr << "the MIDI input stopped running; started it again" << std::endl;
        }
        // Say once that the keyboard is heard: a musician sees the connection works (and a script can wait for it).
        if (!heard && !rec.messages().empty()) {
            heard = true;
            if (!a.quiet) std::cerr << "receiving MIDI" << std::endl;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    rec.poll();
    RecordOptions o;
    o.bpm = a.bpm;
    o.quantize = a.quantize > 0 ? o.ppq * 4 / a.quantize : 0;
    const Score score = rec.toScore(o);
    writeMidiFile(score, a.out);
    if (!a.quiet)
        std::cout << a.out << ": " << rec.messages().size() << " messages, " << score.noteCount() << " notes, "
                  << score.tracks.size() << " tracks" << (rec.dropped() ? " (some messages dropped)" : "");
    if (!a.quiet && rec.inputXruns() > 0)
        std::cout << " (" << rec.inputXruns() << " JACK xruns: what was played during them may be missing)";
    if (!a.quiet) std::cout << '\n';
    if (lost) {
        // What was played before is kept (written above); the take could not go on.
        printError("record: the MIDI input stopped (the JACK server quit or dropped NoteForge's client); " + a.out +
                   " holds what came before");
        return FailedWork;
    }
    return Success;
}

}  // namespace

void addRecordCommand(CLI::App& app, CliResult& result) {
    auto args = std::make_shared<RecordArgs>();
    auto* cmd = app.add_subcommand("record", "Record from a MIDI input port into a MIDI file");
    cmd->add_option("--midi-in", args->port, "Input port (name, index or part of the name; see 'ports')");
    cmd->add_option("--virtual", args->virtualName, "Instead, open a virtual input port with this name");
    cmd->add_option("--seconds", args->seconds, "How long to record")->check(CLI::Range(0.1, 86400.0));
    cmd->add_option("--out,-o", args->out, "MIDI file to write")->required();
    cmd->add_option("--quantize", args->quantize, "Snap to a grid of 1/N notes (4, 8, 16, 32); 0 = off")
        ->check(CLI::IsMember({0, 4, 8, 16, 32}));
    cmd->add_option("--bpm", args->bpm, "Tempo written to the file")->check(CLI::Range(20.0, 400.0));
    cmd->add_option("--midi-backend", args->backend, "alsa or jack (default: ALSA, else JACK)")
        ->check(CLI::IsMember({"alsa", "jack"}));
    cmd->add_flag("--quiet,-q", args->quiet, "No messages");
    setGuardedCallback(cmd, result, [args] { return runRecord(*args); });
}

}  // namespace nf::cli
