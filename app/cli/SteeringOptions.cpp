// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/SteeringOptions.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>

#include "cli/CliCommands.h"
#include "dataset/MusicFormat.h"
#include "dataset/PieceReader.h"
#include "evaluation/ContextFit.h"
#include "generation/GenerationSettings.h"
#include "music/ExportNames.h"
#include "music/MusicError.h"
#include "music/PitchNames.h"
#include "smf/MidiFileWriter.h"

namespace nf::cli {

namespace fs = std::filesystem;

void addSteeringOptions(CLI::App* cmd, SteeringOptions& o, bool sampling) {
    cmd->add_option("--density", o.density, "Notes per bar (per track) to aim for")->check(CLI::Range(0, 1000));
    cmd->add_option("--polyphony", o.polyphony, "Most notes at once (a hard cap; also the texture to aim for)")
        ->check(CLI::Range(1, 128));
    cmd->add_option("--range", o.range, "Pitch range LOW-HIGH, MIDI keys or names (60-79, C4-G5): a hard limit");
    cmd->add_option("--scale", o.scale, "Lock pitches to a scale, e.g. \"D dorian\", \"A minor\", \"E blues\"");
    cmd->add_option("--note-beats", o.noteBeats, "Mean note length in beats to aim for")->check(CLI::PositiveNumber);
    cmd->add_flag("--keep-rhythm", o.keepRhythm,
                  "Start notes only where the music around starts them (the same tracks, as many bars either side; "
                  "a new part: the other tracks; a continuation: the bars before)");
    if (!sampling) return;
    cmd->add_option("--temperature", o.temperature, "Sampling temperature (default 0.9)")->check(CLI::PositiveNumber);
    cmd->add_option("--top-k", o.topK, "Sample among the K most likely tokens (0 = all)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--top-p", o.topP, "Nucleus sampling: the most likely tokens up to P (default 0.95)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--seed", o.seed, "Random seed (default: a fresh one)");
    cmd->add_option("--threads", o.threads, "CPU threads (default: all cores)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--candidates", o.candidates, "Write K candidates OUT-1.mid .. OUT-K.mid")->check(CLI::Range(1, 64));
    cmd->add_flag("--json", o.json, "Print the summary as JSON");
}

namespace {

int parseKey(const std::string& text) {
    if (!text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        const int key = std::stoi(text.substr(0, std::min<std::size_t>(text.size(), 4)));
        if (key <= 127) return key;
    }
    if (auto key = parsePitchName(text)) return *key;
    throw std::invalid_argument("--range: '" + text + "' is neither a MIDI key 0..127 nor a pitch name such as C4");
}

}  // namespace

SteeringRequest steeringRequest(const SteeringOptions& o) {
    SamplingSettings s;
    s.temperature = o.temperature;
    s.topK = o.topK;
    s.topP = o.topP;
    s.seed = o.seed ? *o.seed : std::random_device{}() | (static_cast<std::uint64_t>(std::random_device{}()) << 32);
    SteeringRequest r = steeringRequest(o, s);
    r.candidates = o.candidates;
    r.threads = o.threads;
    return r;
}

SteeringRequest steeringRequest(const SteeringOptions& o, const SamplingSettings& sampling) {
    SteeringRequest r;
    auto& c = r.controls;
    c.density = o.density;
    c.polyphony = o.polyphony;
    c.noteBeats = o.noteBeats;
    c.keepRhythm = o.keepRhythm;
    if (!o.range.empty()) {
        const auto dash = o.range.find('-', 1);
        if (dash == std::string::npos) throw std::invalid_argument("--range wants LOW-HIGH, e.g. 60-79 or C4-G5");
        c.lowest = parseKey(o.range.substr(0, dash));
        c.highest = parseKey(o.range.substr(dash + 1));
    }
    if (!o.scale.empty()) {
        c.scale = parseScale(o.scale);
        if (!c.scale)
            throw std::invalid_argument("--scale: unknown scale '" + o.scale + "' (a note name and one of: " +
                                        scaleModeNames() + ")");
    }
    c.validate();
    r.sampling = sampling;
    r.sampling.maxNoteBeats = 0;  // the held-note guard is for events streams; remi notes carry their length
    r.sampling.maxPolyphony = 0;
    r.sampling.validate();
    return r;
}

Score readSteeredInput(const std::string& path, int tune) {
    if (!fs::exists(path)) throw MusicError(path, "no such file");
    MusicFormat format = detectFormatFromExtension(path);
    FileStatus status;
    std::vector<Piece> pieces = readPieces(path, format == MusicFormat::Unknown ? MusicFormat::Midi : format, status);
    if (pieces.empty()) throw MusicError(path, status.error.empty() ? "nothing to read" : status.error);
    if (tune >= 0) {
        for (auto& p : pieces)
            if (p.tuneNumber == tune) return std::move(p.score);
        throw std::invalid_argument(path + ": no tune X:" + std::to_string(tune));
    }
    if (pieces.size() > 1) {
        std::string list;
        for (const auto& p : pieces) list += (list.empty() ? "" : " ") + std::to_string(p.tuneNumber);
        throw std::invalid_argument(path + " holds several tunes (" + list + "): choose one with --tune X");
    }
    return std::move(pieces.front().score);
}

int writeSteeredPieces(const std::vector<SteeredPiece>& pieces, const std::string& out, const std::string& what,
                       const SteeringRequest& request, bool json, const std::vector<double>& contextFits) {
    const bool fits = contextFits.size() == pieces.size() && !pieces.empty();
    // The candidate marked as the best fit; pieces.size() (none) when none stands out.
    const std::size_t best = fits ? standoutFit(contextFits).value_or(pieces.size()) : pieces.size();
    nlohmann::ordered_json report;
    report["what"] = what;
    // The controls as applied (the rhythm lock resolved), the same for every candidate.
    const std::string controls = (pieces.empty() ? request.controls : pieces.front().controls).describe();
    report["controls"] = controls;
    report["sampling"] = request.sampling.describe();
    report["candidates"] = nlohmann::ordered_json::array();
    if (!json)
        std::printf("%s; %s; %s\n", what.c_str(), controls.c_str(), request.sampling.describe().c_str());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const fs::path p(out);
        const std::string path = pieces.size() == 1 ? out
                                                    : (p.parent_path() / (p.stem().string() + "-" + std::to_string(i + 1) +
                                                                          p.extension().string()))
                                                          .string();
        writeMidiFile(withTrackNamesAndMeter(pieces[i].score), path);
        double mean = 0;
        for (const auto& [id, probability] : pieces[i].confidence) mean += probability;
        if (!pieces[i].confidence.empty()) mean /= static_cast<double>(pieces[i].confidence.size());
        if (json) {
            nlohmann::ordered_json j;
            j["file"] = path;
            j["seed"] = variationSeed(request.sampling.seed, static_cast<int>(i));
            j["generated_notes"] = pieces[i].generated.size();
            j["notes"] = pieces[i].score.noteCount();
            j["mean_pitch_probability"] = mean;
            j["complete"] = !pieces[i].cancelled;
            if (fits) {
                j["context_fit"] = contextFits[i];
                j["best_fit"] = i == best;
            }
            report["candidates"].push_back(j);
        } else {
            std::string fit;
            if (fits) {
                char buf[96];
                std::snprintf(buf, sizeof buf, ", fits the bars around it %.2f%s", contextFits[i],
                              i == best ? " (best fit)" : "");
                fit = buf;
            }
            std::printf("wrote %s: %zu new notes (%zu in all), mean pitch probability %.3f%s%s\n", path.c_str(),
                        pieces[i].generated.size(), pieces[i].score.noteCount(), mean, fit.c_str(),
                        pieces[i].cancelled ? " (incomplete)" : "");
        }
    }
    if (json) std::cout << report.dump(2) << '\n';
    return Success;
}

}  // namespace nf::cli
