// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/RenderBenchmark.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <unistd.h>

#include "audio/AudioFileReader.h"
#include "audio/FluidsynthCli.h"
#include "audio/OfflineRenderer.h"
#include "audio/ScoreFile.h"
#include "audio/SoundfontLocator.h"
#include "smf/MidiFileWriter.h"

namespace nf {

namespace fs = std::filesystem;

namespace {

double processCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

}  // namespace

RenderBenchmarkResult runRenderBenchmark(const std::string& input, const RenderBenchmarkOptions& options) {
    RenderBenchmarkResult r;
    r.input = input;
    r.soundfont = options.soundfont.empty() ? SoundfontLocator().choose().path : options.soundfont;
    if (r.soundfont.empty()) throw std::runtime_error("no soundfont found (not even the bundled one)");

    Score score = loadScoreFile(input).score;
    if (options.pianoOnly)
        for (Track& t : score.tracks) {
            if (t.isDrum) continue;
            t.program = 0;
            t.bank = 0;
            std::erase_if(t.controls, [](const ControlEvent& c) { return c.kind == ControlEvent::Kind::ProgramChange; });
        }

    const fs::path dir = options.workDir.empty() ? fs::temp_directory_path() : fs::path(options.workDir);
    const std::string tag = "nf-bench-" + std::to_string(getpid());
    const fs::path midi = dir / (tag + ".mid"), ours = dir / (tag + "-ours.wav"), theirs = dir / (tag + "-cli.wav");
    writeMidiFile(score, midi.string());

    RenderOptions ro;
    ro.synth = options.synth;
    const OfflineRenderer renderer(r.soundfont, ro);
    const int repeats = std::max(1, options.repeats);
    for (int i = 0; i < repeats; ++i) {
        // Read the file back like the CLI does, so both sides pay for parsing too.
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = processCpuSeconds();
        const Score again = loadScoreFile(midi.string()).score;
        const RenderStats stats = renderer.renderToFile(again, ours.string(), AudioFileFormat::Wav16);
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const double cpu = processCpuSeconds() - c0;
        r.ourAudioSeconds = stats.seconds;
        if (i == 0 || wall < r.ourWallSeconds) r.ourWallSeconds = wall;
        if (i == 0 || cpu < r.ourCpuSeconds) r.ourCpuSeconds = cpu;
    }
    r.pieceSeconds = score.durationSeconds();
    r.ourSpeed = r.ourWallSeconds > 0 ? r.pieceSeconds / r.ourWallSeconds : 0;
    r.ourCpuSpeed = r.ourCpuSeconds > 0 ? r.pieceSeconds / r.ourCpuSeconds : 0;

    if (options.compareWithCli) {
        if (findFluidsynthCli().empty()) {
            r.cliNote = "fluidsynth CLI not installed";
        } else {
            for (int i = 0; i < repeats; ++i) {
                const FluidsynthCliRun run = runFluidsynthCli(midi.string(), r.soundfont, theirs.string(), options.synth);
                if (run.exitCode != 0) {
                    r.cliNote = "fluidsynth exited with code " + std::to_string(run.exitCode);
                    break;
                }
                if (!r.cliRan || run.wallSeconds < r.cliWallSeconds) r.cliWallSeconds = run.wallSeconds;
                if (!r.cliRan || run.cpuSeconds < r.cliCpuSeconds) r.cliCpuSeconds = run.cpuSeconds;
                r.cliRan = true;
            }
            if (r.cliRan) {
                r.cliAudioSeconds = readAudioFile(theirs.string()).seconds();
                r.cliSpeed = r.cliWallSeconds > 0 ? r.pieceSeconds / r.cliWallSeconds : 0;
                r.cliCpuSpeed = r.cliCpuSeconds > 0 ? r.pieceSeconds / r.cliCpuSeconds : 0;
            }
        }
    }
    std::error_code ec;
    for (const auto& p : {midi, ours, theirs}) fs::remove(p, ec);
    return r;
}

}  // namespace nf
