// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli benchmark render IN.mid [--soundfont SF] [--repeats N] [--json]: offline render speed in x real time,
// beside fluidsynth's own CLI rendering the same file with the same settings in the same run.
// `benchmark` is shared with other benchmarks (training): this file adds only its `render` subcommand and creates
// the `benchmark` parent when it is not there yet, so the order of the add*Command calls in main.cpp does not matter.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

#include "cli/CliCommands.h"

#include "audio/RenderBenchmark.h"

namespace nf::cli {

namespace {

struct BenchArgs {
    std::string in, soundfont;
    int repeats = 3;
    int sampleRate = 44100;
    bool keepPrograms = false;
    bool json = false;
};

int runBench(const BenchArgs& a) {
    RenderBenchmarkOptions o;
    o.soundfont = a.soundfont;
    o.repeats = a.repeats;
    o.pianoOnly = !a.keepPrograms;
    o.synth.sampleRate = a.sampleRate;
    const RenderBenchmarkResult r = runRenderBenchmark(a.in, o);
    if (a.json) {
        nlohmann::json j = {{"input", r.input},
                            {"soundfont", r.soundfont},
                            {"piano_only", o.pianoOnly},
                            {"sample_rate", a.sampleRate},
                            {"piece_seconds", r.pieceSeconds},
                            {"noteforge", {{"audio_seconds", r.ourAudioSeconds}, {"wall_seconds", r.ourWallSeconds},
                                           {"x_real_time", r.ourSpeed}, {"cpu_seconds", r.ourCpuSeconds},
                                           {"x_real_time_per_cpu", r.ourCpuSpeed}}}};
        if (r.cliRan)
            j["fluidsynth_cli"] = {{"audio_seconds", r.cliAudioSeconds}, {"wall_seconds", r.cliWallSeconds},
                                   {"x_real_time", r.cliSpeed}, {"cpu_seconds", r.cliCpuSeconds},
                                   {"x_real_time_per_cpu", r.cliCpuSpeed}};
        else
            j["fluidsynth_cli"] = {{"note", r.cliNote}};
        std::cout << j.dump(2) << '\n';
        return Success;
    }
    std::printf("render benchmark: %s (%.1f s of music%s), soundfont %s, %d Hz, best of %d\n", r.input.c_str(),
                r.pieceSeconds, o.pianoOnly ? ", every melodic track on GM program 0" : "", r.soundfont.c_str(),
                a.sampleRate, a.repeats);
    // CPU time is printed too: on a loaded machine wall time measures the machine, CPU time the renderer.
    std::printf("  noteforge       %7.3f s wall %7.1fx real time | %7.3f s CPU %7.1fx per CPU second\n",
                r.ourWallSeconds, r.ourSpeed, r.ourCpuSeconds, r.ourCpuSpeed);
    if (r.cliRan)
        std::printf("  fluidsynth CLI  %7.3f s wall %7.1fx real time | %7.3f s CPU %7.1fx per CPU second\n"
                    "  noteforge / CLI: %.2f (wall), %.2f (CPU)\n",
                    r.cliWallSeconds, r.cliSpeed, r.cliCpuSeconds, r.cliCpuSpeed,
                    r.cliSpeed > 0 ? r.ourSpeed / r.cliSpeed : 0.0, r.cliCpuSpeed > 0 ? r.ourCpuSpeed / r.cliCpuSpeed : 0.0);
    else
        std::printf("  fluidsynth CLI  not compared: %s\n", r.cliNote.c_str());
    return Success;
}

}  // namespace

void addRenderBenchmarkCommand(CLI::App& app, CliResult& result) {
    auto args = std::make_shared<BenchArgs>();
    auto* cmd = benchmarkParent(app)->add_subcommand(
        "render", "Offline render speed (x real time) beside fluidsynth's CLI on the same file and settings");
    cmd->add_option("input", args->in, "MIDI or ABC file")->required()->check(CLI::ExistingFile);
    cmd->add_option("--soundfont", args->soundfont, "SF2/SF3 file (default: installed GM soundfont, else bundled)");
    cmd->add_option("--repeats", args->repeats, "Runs per renderer; the best counts")->check(CLI::Range(1, 50));
    cmd->add_option("--sample-rate", args->sampleRate, "44100 or 48000")->check(CLI::IsMember({44100, 48000}));
    cmd->add_flag("--keep-programs", args->keepPrograms, "Keep the file's instruments instead of GM piano (program 0)");
    cmd->add_flag("--json", args->json, "Machine-readable output");
    setGuardedCallback(cmd, result, [args] { return runBench(*args); });
}

}  // namespace nf::cli
