// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli render IN.mid|IN.abc --out OUT.wav|.flac|.ogg|.mp3 [--soundfont SF] [--sample-rate R] [--normalize]
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/CliCommands.h"

#include <unistd.h>

#include "audio/InterruptFlag.h"
#include "audio/OfflineRenderer.h"
#include "audio/ScoreFile.h"
#include "audio/SoundfontLocator.h"
#include "audio/SoundfontReader.h"

namespace nf::cli {

namespace {

struct RenderArgs {
    std::string in, out, soundfont;
    int tune = -1;
    int sampleRate = 44100;
    int bits = 16;
    bool normalize = false;
    double gain = 0.2;
    bool noReverb = false, noChorus = false;
    double tailCap = 10;
    bool quiet = false;
};

int runRender(const RenderArgs& a) {
    const auto format = audioFormatFromPath(a.out, a.bits);
    if (!format) {
        printError(a.out + ": unknown audio format (use .wav, .flac, .ogg or .mp3)");
        return UsageError;
    }
    if (!a.soundfont.empty()) readSoundfontInfo(a.soundfont);  // an explicit bad choice is an error, not a fallback
    const SoundfontChoice sf = SoundfontLocator().choose(a.soundfont);
    if (!sf.note.empty()) printError(sf.note);
    if (sf.path.empty()) {
        printError("no soundfont found (install fluid-soundfont-gm or pass --soundfont FILE)");
        return FailedWork;
    }
    const LoadedScore loaded = loadScoreFile(a.in, a.tune);

    RenderOptions o;
    o.synth.sampleRate = a.sampleRate;
    o.synth.gain = a.gain;
    o.synth.reverb = !a.noReverb;
    o.synth.chorus = !a.noChorus;
    o.normalize = a.normalize;
    o.tailCapSeconds = a.tailCap;
    const bool showProgress = !a.quiet && isatty(2);
    const auto& interrupted = installInterruptFlag();
    const RenderStats stats = OfflineRenderer(sf.path, o).renderToFile(
        loaded.score, a.out, *format,
        [&](const RenderProgress& p) {
            if (!showProgress || p.musicSeconds <= 0) return;
            std::fprintf(stderr, "\rrendering %3.0f%%", std::min(100.0, 100 * p.renderedSeconds / p.musicSeconds));
        },
        &interrupted);
    if (showProgress) std::fprintf(stderr, "\r                \r");
    if (stats.cancelled) {
        printError("render cancelled; " + a.out + " not written");
        return FailedWork;
    }
    if (!a.quiet) {
        const double peak = stats.peakBeforeGain * stats.gainApplied;
        const double peakDb = peak > 0 ? 20 * std::log10(peak) : -INFINITY;
        // At FluidSynth's gain a melody peaks 20 dB or more below full scale: say how to have it louder.
        const char* level = a.normalize ? " (normalised)" : peakDb < -12 ? " (quiet: --normalize raises it to -1 dBFS)" : "";
        std::printf("%s: %s, %d Hz, %.2f s, peak %.1f dBFS%s, soundfont %s (%s)\n", a.out.c_str(), toString(*format),
                    a.sampleRate, stats.seconds, peakDb, level, sf.path.c_str(), toString(sf.reason));
    }
    return Success;
}

}  // namespace

void addRenderCommand(CLI::App& app, CliResult& result) {
    auto args = std::make_shared<RenderArgs>();
    auto* cmd = app.add_subcommand("render", "Render a MIDI or ABC file to WAV, FLAC, Ogg Vorbis or MP3 with FluidSynth");
    cmd->add_option("input", args->in, "MIDI or ABC file")->required()->check(CLI::ExistingFile);
    cmd->add_option("--out,-o", args->out, "Output file; the format comes from its extension")->required();
    cmd->add_option("--soundfont", args->soundfont, "SF2/SF3 file (default: installed GM soundfont, else bundled)");
    cmd->add_option("--sample-rate", args->sampleRate, "44100 or 48000")->check(CLI::IsMember({44100, 48000}));
    cmd->add_option("--bits", args->bits, "WAV sample format: 16, 24 or 32 (float); FLAC: 16 or 24")
        ->check(CLI::IsMember({16, 24, 32}));
    cmd->add_flag("--normalize", args->normalize, "Scale to a -1 dBFS peak");
    cmd->add_option("--tune", args->tune, "ABC tune number (X:) to render; default the first");
    cmd->add_option("--gain", args->gain, "Synth master gain (FluidSynth's, default 0.2)")->check(CLI::Range(0.0, 10.0));
    cmd->add_flag("--no-reverb", args->noReverb, "Turn reverb off");
    cmd->add_flag("--no-chorus", args->noChorus, "Turn chorus off");
    cmd->add_option("--tail-cap", args->tailCap, "Longest release/reverb tail kept after the last note, seconds")
        ->check(CLI::Range(0.0, 60.0));
    cmd->add_flag("--quiet,-q", args->quiet, "No progress or summary");
    setGuardedCallback(cmd, result, [args] { return runRender(*args); });
}

}  // namespace nf::cli
