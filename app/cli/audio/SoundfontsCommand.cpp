// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli soundfonts [--json] [--presets] [--dir DIR]... : installed and bundled soundfonts, the default.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/CliCommands.h"

#include "audio/SoundfontLocator.h"
#include "music/PitchNames.h"

namespace nf::cli {

namespace {

struct SoundfontsArgs {
    bool json = false;
    bool presets = false;
    std::vector<std::string> dirs;
    std::string soundfont;
};

nlohmann::json toJson(const SoundfontInfo& info, bool bundled) {
    nlohmann::json presets = nlohmann::json::array();
    for (const auto& p : info.presets) presets.push_back({{"bank", p.bank}, {"program", p.program}, {"name", p.name}});
    return {{"path", info.path},       {"name", info.name},
            {"version", std::to_string(info.versionMajor) + "." + std::to_string(info.versionMinor)},
            {"general_midi", info.isGeneralMidi()}, {"bundled", bundled},
            {"preset_count", info.presets.size()}, {"presets", presets}};
}

int runSoundfonts(const SoundfontsArgs& a) {
    SoundfontSearch search = SoundfontSearch::systemDefault();
    if (!a.dirs.empty()) search.directories = a.dirs;
    const SoundfontLocator locator(search);
    const SoundfontScan scan = locator.scan();
    const SoundfontChoice choice = locator.choose(a.soundfont);
    if (a.json) {
        nlohmann::json j;
        j["search_directories"] = search.directories;
        j["soundfonts"] = nlohmann::json::array();
        for (const auto& info : scan.found) j["soundfonts"].push_back(toJson(info, info.path == search.bundled));
        j["errors"] = scan.errors;
        j["default"] = {{"path", choice.path}, {"reason", toString(choice.reason)}, {"note", choice.note}};
        std::cout << j.dump(2) << '\n';
        return Success;
    }
    for (const auto& info : scan.found) {
        std::cout << info.path << "\n  " << info.name << " (SF" << info.versionMajor << ", " << info.presets.size()
                  << " presets" << (info.isGeneralMidi() ? ", General MIDI" : "")
                  << (info.path == search.bundled ? ", bundled" : "") << ")\n";
        if (!a.presets) continue;
        for (const auto& p : info.presets)
            std::cout << "    " << p.bank << ":" << p.program << "  " << p.name
                      << (p.bank == 0 ? std::string("  [GM ") + gmProgramName(p.program) + "]" : "") << '\n';
    }
    for (const auto& e : scan.errors) std::cout << "unreadable: " << e << '\n';
    if (!choice.note.empty()) printError(choice.note);
    std::cout << "default: " << (choice.path.empty() ? "none" : choice.path) << " (" << toString(choice.reason)
              << ")\n";
    return Success;
}

}  // namespace

void addSoundfontsCommand(CLI::App& app, CliResult& result) {
    auto args = std::make_shared<SoundfontsArgs>();
    auto* cmd = app.add_subcommand("soundfonts", "List installed and bundled soundfonts, their presets and the default");
    cmd->add_flag("--json", args->json, "Machine-readable output, presets included");
    cmd->add_flag("--presets", args->presets, "List every preset (bank:program name)");
    cmd->add_option("--dir", args->dirs, "Search these folders instead of the standard ones (repeatable)");
    cmd->add_option("--soundfont", args->soundfont, "A user's choice to check: the default shows whether it is used");
    setGuardedCallback(cmd, result, [args] { return runSoundfonts(*args); });
}

}  // namespace nf::cli
