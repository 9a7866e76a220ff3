// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli evaluate-drums FILES... [--against DATA] [--json]: the drum figures (drums/DrumFigures.h) of the
// drum parts of some files -- generated ones, say -- beside those of a data folder, and the longest run of bars
// each file copies from the data; for pieces with other parts too, how the drums sit with them (DrumBandFit.h).
// docs/benchmarks/drums.md is made with it. Torch-free.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli/CliCommands.h"
#include "dataset/Dataset.h"
#include "drums/DrumBandFit.h"
#include "drums/DrumFigures.h"

namespace nf::cli {

namespace {

struct EvaluateDrumsArgs {
    std::vector<std::string> files;
    std::string against;
    bool json = false;
};

// The drum patterns of every piece of a file or folder that has drums.
// With `fits`, the band fit of each piece that has a band too.
std::vector<DrumPattern> drumPatterns(const std::string& path, std::vector<std::string>* names = nullptr,
                                      std::vector<DrumBandFit>* fits = nullptr) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw std::invalid_argument(path + ": no such file or folder");
    std::vector<DrumPattern> out;
    for (const Piece& p : loadDataset(path).pieces) {
        if (!hasDrumPart(p.score)) continue;
        out.push_back(drumPatternOf(p.score));
        if (names) names->push_back(p.file);
        if (fits)
            if (auto fit = measureBandFit(p.score)) fits->push_back(*fit);
    }
    return out;
}

nlohmann::ordered_json toJson(const DrumFigures& f) {
    return {{"bars", f.bars},
            {"hits", f.hits},
            {"hits_per_bar", f.hitsPerBar},
            {"empty_beat_rate", f.emptyBeatRate},
            {"backbone", f.backbone},
            {"pattern_consistency", f.patternConsistency},
            {"groove_consistency", f.grooveConsistency},
            {"distinct_patterns", f.distinctPatterns},
            {"distinct_share", f.distinctShare}};
}

nlohmann::ordered_json toJson(const DrumBandFit& f) {
    return {{"pieces", f.pieces},
            {"hit_steps", f.hitSteps},
            {"band_steps", f.bandSteps},
            {"hits_on_band", f.hitsOnBand()},
            {"band_onsets_drummed", f.bandDrummed()},
            {"kicks_on_bass", f.kicksOnBass()},
            {"bass_notes_kicked", f.bassKicked()}};
}

void printRow(const char* name, double files, std::optional<double> data, const char* format) {
    std::printf("%-32s", name);
    std::printf(format, files);
    if (data) std::printf(format, *data);
    std::printf("\n");
}

int evaluateDrums(const EvaluateDrumsArgs& a) {
    std::vector<DrumPattern> mine;
    std::vector<std::string> names;
    std::vector<DrumBandFit> fits;
    for (const std::string& f : a.files) {
        auto patterns = drumPatterns(f, &names, &fits);
        mine.insert(mine.end(), patterns.begin(), patterns.end());
    }
    if (mine.empty()) throw std::invalid_argument("no drum part (channel 10) in the files given");
    const DrumFigures figures = DrumFigures::of(mine);
    std::optional<DrumFigures> data;
    DrumCopyIndex index;
    std::vector<int> copies;
    if (!a.against.empty()) {
        const auto theirs = drumPatterns(a.against);
        if (theirs.empty()) throw std::invalid_argument(a.against + ": no drum part (channel 10) to compare with");
        data = DrumFigures::of(theirs);
        for (const DrumPattern& p : theirs) index.add(p);
        for (const DrumPattern& p : mine) copies.push_back(index.longestCopy(p));
    }
    const int longest = copies.empty() ? 0 : *std::max_element(copies.begin(), copies.end());
    if (a.json) {
        nlohmann::ordered_json j;
        j["files"] = toJson(figures);
        j["pieces"] = mine.size();
        if (!fits.empty()) j["band"] = toJson(DrumBandFit::of(fits));
        if (data) {
            j["data"] = toJson(*data);
            j["data_path"] = a.against;
            j["longest_copy_bars"] = longest;
            nlohmann::ordered_json each = nlohmann::ordered_json::array();
            for (std::size_t i = 0; i < names.size(); ++i) each.push_back({{"file", names[i]}, {"longest_copy_bars", copies[i]}});
            j["per_file"] = each;
        }
        std::printf("%s\n", j.dump(2).c_str());
        return Success;
    }
    std::printf("%-32s%12s%s\n", "drum figure", "files", data ? "        data" : "");
    const auto opt = [&](double DrumFigures::*m) { return data ? std::optional<double>((*data).*m) : std::nullopt; };
    printRow("pieces", static_cast<double>(mine.size()), std::nullopt, "%12.0f");
    printRow("bars", static_cast<double>(figures.bars), data ? std::optional<double>(data->bars) : std::nullopt, "%12.0f");
    printRow("hits per bar", figures.hitsPerBar, opt(&DrumFigures::hitsPerBar), "%12.2f");
    printRow("empty beats", figures.emptyBeatRate, opt(&DrumFigures::emptyBeatRate), "%12.3f");
    printRow("backbone (kick 1/3, snare 2/4)", figures.backbone, opt(&DrumFigures::backbone), "%12.3f");
    printRow("pattern consistency", figures.patternConsistency, opt(&DrumFigures::patternConsistency), "%12.3f");
    printRow("groove consistency", figures.grooveConsistency, opt(&DrumFigures::grooveConsistency), "%12.3f");
    printRow("distinct bars / bars with hits", figures.distinctShare, opt(&DrumFigures::distinctShare), "%12.3f");
    if (data) std::printf("longest copy from the data:  %d bars (%s)\n", longest, a.against.c_str());
    if (!fits.empty()) {
        const DrumBandFit band = DrumBandFit::of(fits);
        std::printf("with the band (%zu pieces that have one):\n", band.pieces);
        printRow("drum steps on a band onset", band.hitsOnBand(), std::nullopt, "%12.3f");
        printRow("band onsets drummed", band.bandDrummed(), std::nullopt, "%12.3f");
        printRow("kicks with a bass note", band.kicksOnBass(), std::nullopt, "%12.3f");
        printRow("bass notes kicked", band.bassKicked(), std::nullopt, "%12.3f");
    }
    return Success;
}

}  // namespace

void addEvaluateDrumsCommand(CLI::App& app, CliResult& result) {
    auto args = std::make_shared<EvaluateDrumsArgs>();
    auto* cmd = app.add_subcommand("evaluate-drums", "Drum figures of files' drum parts (channel 10), beside a data folder's");
    cmd->add_option("files", args->files, "MIDI files or folders with drum parts (generated ones, say)")->required();
    cmd->add_option("--against", args->against, "A folder of drum data to compare with and to look for copied bars in");
    cmd->add_flag("--json", args->json, "Print the figures as JSON");
    setGuardedCallback(cmd, result, [args] { return evaluateDrums(*args); });
}

}  // namespace nf::cli
