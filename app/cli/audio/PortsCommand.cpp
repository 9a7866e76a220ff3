// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli ports [--json] [--midi-backend alsa|jack]: MIDI inputs and outputs, and the audio drivers.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/CliCommands.h"

#include "audio/AudioDrivers.h"
#include "audio/MidiBackend.h"

namespace nf::cli {

namespace {

struct PortsArgs {
    bool json = false;
    std::string backend;
};

int runPorts(const PortsArgs& a) {
    const MidiPortList ports = listMidiPorts(a.backend);
    const AudioDriverChoice audio = chooseAudioDriver("");
    const std::vector<std::string> drivers = availableAudioDrivers();
    if (a.json) {
        nlohmann::json j;
        j["midi"] = {{"backend", toString(ports.backend.backend)},
                     {"usable", ports.backend.usable},
                     {"note", ports.backend.note},
                     {"inputs", ports.inputs},
                     {"outputs", ports.outputs}};
        j["audio"] = {{"drivers", drivers}, {"default_driver", audio.driver}, {"note", audio.note}};
        std::cout << j.dump(2) << '\n';
        return Success;
    }
    std::cout << "MIDI (" << toString(ports.backend.backend) << (ports.backend.usable ? "" : ", not usable") << ")";
    if (!ports.backend.note.empty()) std::cout << ": " << ports.backend.note;
    std::cout << '\n';
    auto list = [](const char* what, const std::vector<std::string>& names) {
        std::cout << "  " << what << ":" << (names.empty() ? " none" : "") << '\n';
        for (std::size_t i = 0; i < names.size(); ++i) std::cout << "    " << i << ": " << names[i] << '\n';
    };
    list("inputs", ports.inputs);
    list("outputs", ports.outputs);
    std::cout << "Audio drivers:";
    for (const auto& d : drivers) std::cout << ' ' << d;
    std::cout << "\n  default: " << (audio.driver.empty() ? "none reachable" : audio.driver);
    if (!audio.note.empty()) std::cout << " (" << audio.note << ")";
    std::cout << '\n';
    return Success;
}

}  // namespace

void addPortsCommand(CLI::App& app, CliResult& result) {
    auto args = std::make_shared<PortsArgs>();
    auto* cmd = app.add_subcommand("ports", "List MIDI input/output ports and audio drivers");
    cmd->add_flag("--json", args->json, "Machine-readable output");
    cmd->add_option("--midi-backend", args->backend, "alsa or jack (default: ALSA, else JACK)")
        ->check(CLI::IsMember({"alsa", "jack"}));
    setGuardedCallback(cmd, result, [args] { return runPorts(*args); });
}

}  // namespace nf::cli
