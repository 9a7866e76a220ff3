// SPDX-License-Identifier: GPL-3.0-or-later
// The audio subcommands of a build without audio (NF_WITH_AUDIO=OFF): listed in --help, and each says it is not
// in this build. app/CMakeLists.txt compiles this file or app/cli/audio/, never both.
#include <CLI/CLI.hpp>

#include "cli/CliCommands.h"

namespace nf::cli {

void addPlayCommand(CLI::App& app, CliResult& result) {
    addUnavailableCommand(app, "play", "Play a file", "NF_WITH_AUDIO=OFF", result);
}

void addPortsCommand(CLI::App& app, CliResult& result) {
    addUnavailableCommand(app, "ports", "List MIDI ports", "NF_WITH_AUDIO=OFF", result);
}

void addRecordCommand(CLI::App& app, CliResult& result) {
    addUnavailableCommand(app, "record", "Record MIDI", "NF_WITH_AUDIO=OFF", result);
}

void addRenderBenchmarkCommand(CLI::App& app, CliResult& result) {
    addUnavailableCommand(*benchmarkParent(app), "render", "Render speed", "NF_WITH_AUDIO=OFF", result);
}

void addRenderCommand(CLI::App& app, CliResult& result) {
    addUnavailableCommand(app, "render", "Render to audio", "NF_WITH_AUDIO=OFF", result);
}

void addSoundfontsCommand(CLI::App& app, CliResult& result) {
    addUnavailableCommand(app, "soundfonts", "List soundfonts", "NF_WITH_AUDIO=OFF", result);
}

}  // namespace nf::cli
