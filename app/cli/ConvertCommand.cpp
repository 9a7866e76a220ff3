// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli convert IN OUT [--tune X] [--track N]: between MIDI and ABC, the output format taken from OUT's name.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <optional>

#include "abc/AbcReader.h"
#include "abc/AbcWriter.h"
#include "cli/CliCommands.h"
#include "dataset/MusicFormat.h"
#include "dataset/PieceReader.h"
#include "music/MusicError.h"
#include "smf/MidiFileWriter.h"
#include "util/AtomicFile.h"

namespace nf::cli {

namespace {

struct ConvertOptions {
    std::string in;
    std::string out;
    std::optional<int> tune;
    std::optional<int> track;
};


std::string tuneNumbers(const std::vector<AbcTune>& tunes) {
    std::string list;
    for (const auto& t : tunes) list += (list.empty() ? "" : " ") + std::to_string(t.number);
    return list;
}

// The tune of an ABC file that --tune names, or the only tune. Several tunes and no --tune is a usage error that
// lists the numbers: guessing "the first" would silently convert the wrong tune.
AbcTune pickTune(std::vector<AbcTune>& tunes, const ConvertOptions& opt) {
    if (tunes.empty()) throw MusicError::atLine(opt.in, 1, "no ABC tune found (no X: field)");
    AbcTune* chosen = nullptr;
    if (opt.tune) {
        for (auto& t : tunes)
            if (t.number == *opt.tune) {
                chosen = &t;
                break;
            }
        if (!chosen)
            throw std::invalid_argument(opt.in + ": no tune X:" + std::to_string(*opt.tune) + " (tunes: " + tuneNumbers(tunes) +
                               ")");
    } else if (tunes.size() == 1) {
        chosen = &tunes.front();
    } else {
        throw std::invalid_argument(opt.in + " holds " + std::to_string(tunes.size()) + " tunes: choose one with --tune X (" +
                           tuneNumbers(tunes) + ")");
    }
    if (!chosen->score) {
        if (chosen->error) throw *chosen->error;
        throw MusicError::atLine(opt.in, chosen->firstLine, "tune X:" + std::to_string(chosen->number) + " did not parse");
    }
    return std::move(*chosen);
}

void writeAbcOutput(const Score& score, const ConvertOptions& opt, int number, const std::string& title) {
    int trackIndex = -1;
    if (opt.track) {
        if (*opt.track < 0 || *opt.track >= static_cast<int>(score.tracks.size()))
            throw std::invalid_argument("--track " + std::to_string(*opt.track) + ": " + opt.in + " has " +
                               std::to_string(score.tracks.size()) + " tracks (0.." +
                               std::to_string(static_cast<int>(score.tracks.size()) - 1) + ")");
        trackIndex = *opt.track;
    } else {
        trackIndex = firstMonophonicTrack(score);
        if (trackIndex < 0)
            throw MusicError(opt.in, "no monophonic non-drum track to write as ABC (choose one with --track N)");
    }
    AbcWriteOptions w;
    w.number = number;
    w.title = title;
    const std::string text = writeAbc(score, static_cast<std::size_t>(trackIndex), w);
    writeFileAtomically(opt.out, text);
}

int convert(const ConvertOptions& opt) {
    const MusicFormat outFormat = detectFormatFromExtension(opt.out);
    if (outFormat == MusicFormat::Unknown)
        throw std::invalid_argument(opt.out + ": unknown output format (use .mid, .midi or .abc)");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(opt.in, ec))
        throw MusicError(opt.in, std::filesystem::exists(opt.in, ec) ? "not a regular file" : "no such file");
    const MusicFormat inFormat = detectMusicFormat(opt.in);
    if (inFormat == MusicFormat::Unknown) throw MusicError(opt.in, "not a MIDI or ABC file");
    if (opt.tune && inFormat != MusicFormat::Abc) throw std::invalid_argument("--tune applies to ABC input only");
    if (opt.track && outFormat != MusicFormat::Abc) throw std::invalid_argument("--track applies to ABC output only");

    Score score;
    int number = 1;
    std::string title;
    if (inFormat == MusicFormat::Midi) {
        MidiReadResult r = readMidiAnyFile(opt.in);
        for (const auto& w : r.warnings) std::cerr << "noteforge: warning: " << w.text << '\n';
        score = std::move(r.score);
        title = score.title.empty() ? std::filesystem::path(opt.in).stem().string() : score.title;
    } else {
        std::vector<AbcTune> tunes = readAbcFile(opt.in);
        AbcTune tune = pickTune(tunes, opt);
        for (const auto& w : tune.warnings) std::cerr << "noteforge: warning: " << w.text << '\n';
        score = std::move(*tune.score);
        number = tune.number;
        title = tune.title;
    }

    if (outFormat == MusicFormat::Midi) {
        if (score.title.empty()) score.title = title;
        writeMidiFile(score, opt.out);
    } else {
        writeAbcOutput(score, opt, number, title);
    }
    return Success;
}

}  // namespace

void addConvertCommand(CLI::App& app, CliResult& result) {
    auto opt = std::make_shared<ConvertOptions>();
    auto* cmd = app.add_subcommand("convert", "Convert between MIDI and ABC (format of OUT from its extension)");
    cmd->add_option("IN", opt->in, "Input MIDI or ABC file")->required();
    cmd->add_option("OUT", opt->out, "Output file: .mid/.midi (Standard MIDI File type 1) or .abc")->required();
    cmd->add_option("--tune", opt->tune, "ABC input: the X: number of the tune (needed when the file holds several)");
    cmd->add_option("--track", opt->track,
                    "ABC output: index (0-based) of the track to write; default: first monophonic non-drum track");
    // A failure of the user's command line (std::invalid_argument) is exit code 2, one of the music 1.
    setGuardedCallback(cmd, result, [opt] { return convert(*opt); });
}

}  // namespace nf::cli
