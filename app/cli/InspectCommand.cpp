// SPDX-License-Identifier: GPL-3.0-or-later
#include <CLI/CLI.hpp>

#include "cli/CliCommands.h"

namespace nf::cli {
// Placeholder until the inspect report lands (next commit): refuses to run rather than pretending.
void addInspectCommand(CLI::App& app, CliResult& result) {
    auto* cmd = app.add_subcommand("inspect", "Summarise a MIDI/ABC file or folder (not yet implemented)");
    cmd->callback([&result] {
        printError("inspect: not implemented yet");
        result.code = FailedWork;
    });
}
}  // namespace nf::cli
