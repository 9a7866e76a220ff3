// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli inspect [PATH] [--json] [--warnings]: what a file or folder of MIDI/ABC music holds and what in it
// could not be read. Field names of the JSON report are a promise to scripts: see docs/cli.md before renaming one.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/CliCommands.h"
#include "dataset/Dataset.h"
#include "dataset/DatasetSummary.h"
#include "dataset/DemoData.h"
#include "dataset/MusicFormat.h"
#include "music/PitchNames.h"
#include "remi/RemiStatistics.h"

namespace nf::cli {

namespace {

struct InspectOptions {
    std::string path;
    bool json = false;
    bool warnings = false;
};

const char* statusName(const FileStatus& f) { return f.ok ? "ok" : (f.skipped ? "skipped" : "failed"); }

std::string formatDuration(double seconds) {
    const long total = std::lround(seconds);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld (%.1f s)", total / 3600, total / 60 % 60, total % 60, seconds);
    return buf;
}

nlohmann::ordered_json jsonReport(const Dataset& d, const DatasetSummary& s, bool withWarnings) {
    using json = nlohmann::ordered_json;
    json j;
    j["path"] = d.root;
    j["cancelled"] = d.cancelled;
    j["files_total"] = s.filesTotal;
    j["files_read"] = s.filesRead;
    j["files_failed"] = s.filesFailed;
    j["files_skipped"] = s.filesSkipped;
    j["midi_files"] = s.midiFiles;
    j["tunes"] = s.tunes;
    j["failed_tunes"] = s.failedTunes;
    j["pieces"] = s.pieces;
    j["tracks"] = s.tracks;
    j["notes"] = s.notes;
    j["chords"] = s.chords;
    j["warnings"] = s.warnings;
    j["duration_seconds"] = s.seconds;
    if (s.lowestPitch >= 0) {
        j["pitch_range"] = {{"lowest", s.lowestPitch},
                            {"highest", s.highestPitch},
                            {"lowest_name", pitchName(s.lowestPitch)},
                            {"highest_name", pitchName(s.highestPitch)}};
    } else {
        j["pitch_range"] = nullptr;
    }
    json failures = json::array();
    json files = json::array();
    for (const auto& f : d.files) {
        if (!f.ok && !f.skipped) failures.push_back({{"file", f.file}, {"error", f.error}});
        json entry = {{"file", f.file},           {"format", musicFormatName(f.format)},
                      {"status", statusName(f)},  {"error", f.error},
                      {"pieces", f.pieces},       {"failed_tunes", f.failedTunes},
                      {"tracks", f.tracks},       {"notes", f.notes},
                      {"seconds", f.seconds},     {"warnings", f.warnings.size()},
                      {"tune_errors", f.tuneErrors}};
        if (withWarnings) entry["warning_lines"] = f.warnings;
        files.push_back(std::move(entry));
    }
    // As a base model's card records them (training/LearnedInstruments.h): pieces with drums, with each program.
    json programs = json::object();
    std::size_t drums = 0;
    for (const auto& [program, pieces] : s.piecesWithProgram) {
        if (program < 0)
            drums = pieces;
        else
            programs[std::to_string(program)] = pieces;
    }
    j["instruments"] = {{"pieces", s.pieces}, {"drums", drums}, {"programs", std::move(programs)}};
    const auto remi = remi::remiStatistics(d);
    j["remi"] = {{"tokens", remi.tokens},
                 {"bars", remi.bars},
                 {"track_bars", remi.trackBars},
                 {"tokens_per_bar", remi.tokensPerBar()},
                 {"tokens_per_bar_per_track", remi.tokensPerBarPerTrack()},
                 {"failed_pieces", remi.failedPieces},
                 {"first_failure", remi.firstFailure}};
    j["failures"] = std::move(failures);
    j["files"] = std::move(files);
    return j;
}

void textReport(std::ostream& out, const Dataset& d, const DatasetSummary& s, bool withWarnings) {
    out << "dataset:     " << d.root << (d.cancelled ? " (cancelled)" : "") << '\n'
        << "files:       " << s.filesTotal << " (" << s.filesRead << " read, " << s.filesFailed << " failed, "
        << s.filesSkipped << " skipped)\n"
        << "pieces:      " << s.pieces << " (" << s.midiFiles << " MIDI files, " << s.tunes << " ABC tunes, "
        << s.failedTunes << " tunes failed)\n"
        << "tracks:      " << s.tracks << '\n'
        << "notes:       " << s.notes << '\n'
        << "chords:      " << s.chords << '\n'
        << "duration:    " << formatDuration(s.seconds) << '\n'
        << "pitch range: ";
    if (s.lowestPitch >= 0) {
        out << pitchName(s.lowestPitch) << " (" << s.lowestPitch << ") .. " << pitchName(s.highestPitch) << " ("
            << s.highestPitch << ")\n";
    } else {
        out << "none\n";
    }
    // The parts of the pieces, the most common first: what a model trained on them hears.
    std::vector<std::pair<std::size_t, int>> parts;
    for (const auto& [program, pieces] : s.piecesWithProgram) parts.emplace_back(pieces, program);
    std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    out << "parts:       ";
    if (parts.empty()) out << "none";
    for (std::size_t i = 0; i < parts.size() && i < 8; ++i)
        out << (i ? ", " : "") << (parts[i].second < 0 ? "drums" : gmProgramName(parts[i].second)) << " in "
            << parts[i].first;
    out << (parts.size() > 8 ? " and " + std::to_string(parts.size() - 8) + " more" : std::string()) << " (pieces)\n";
    out << "warnings:    " << s.warnings << (s.warnings && !withWarnings ? " (list them with --warnings)" : "")
        << '\n';
    bool header = false;
    for (const auto& f : d.files) {
        const bool failed = !f.ok && !f.skipped;
        if (!failed && !(f.ok && f.failedTunes > 0)) continue;
        if (!header) out << "failed:\n";
        header = true;
        if (failed) out << "  " << f.error << '\n';
        for (const auto& e : f.tuneErrors)
            if (e != f.error) out << "  " << e << '\n';
    }
    header = false;
    for (const auto& f : d.files) {
        if (!f.skipped) continue;
        if (!header) out << "skipped (not MIDI or ABC):\n";
        header = true;
        out << "  " << f.file << '\n';
    }
    if (!withWarnings) return;
    for (const auto& f : d.files)
        for (const auto& w : f.warnings) out << "  warning: " << w << '\n';
}

int inspect(InspectOptions& opt) {
    if (opt.path.empty()) {
        opt.path = demoDataPath();
        if (opt.path.empty()) {
            printError("no PATH given and the bundled demo dataset was not found (set NOTEFORGE_DEMO_DIR)");
            return UsageError;
        }
    }
    const Dataset dataset = loadDataset(opt.path);
    const DatasetSummary summary = summarizeDataset(dataset);
    if (opt.json) {
        std::cout << jsonReport(dataset, summary, opt.warnings).dump(2) << '\n';
    } else {
        textReport(std::cout, dataset, summary, opt.warnings);
    }
    // Every failure also goes to stderr as one line, so scripts and humans see it without parsing the report.
    for (const auto& f : dataset.files) {
        if (!f.ok && !f.skipped) printError(f.error);
        for (const auto& e : f.tuneErrors)
            if (e != f.error) printError(e);  // a file whose every tune failed carries its first tune's error
    }
    return (summary.filesFailed > 0 || summary.failedTunes > 0) ? FailedWork : Success;
}

}  // namespace

void addInspectCommand(CLI::App& app, CliResult& result) {
    auto opt = std::make_shared<InspectOptions>();
    auto* cmd = app.add_subcommand("inspect", "Summarise a MIDI/ABC file or folder (recursive) and list bad files");
    cmd->add_option("PATH", opt->path, "File or folder; default: the bundled demo dataset");
    cmd->add_flag("--json", opt->json, "Print the report as JSON (field names in docs/cli.md)");
    cmd->add_flag("--warnings", opt->warnings, "Also list the readers' warnings (recoverable problems)");
    setGuardedCallback(cmd, result, [opt] { return inspect(*opt); });
}

}  // namespace nf::cli
