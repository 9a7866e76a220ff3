// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers every subcommand shares: the one-line error, guarded callbacks, and placeholders for left-out features.
#include <CLI/CLI.hpp>

#include <iostream>
#include <stdexcept>
#include <utility>

#include "cli/CliCommands.h"

namespace nf::cli {

void printError(const std::string& message) { std::cerr << "noteforge: " << message << '\n'; }

void setGuardedCallback(CLI::App* command, CliResult& result, std::function<int()> work) {
    command->callback([work = std::move(work), &result] {
        try {
            result.code = work();
        } catch (const std::invalid_argument& e) {
            printError(e.what());
            result.code = UsageError;
        } catch (const std::exception& e) {
            printError(e.what());
            result.code = FailedWork;
        }
    });
}

CLI::App* benchmarkParent(CLI::App& app) {
    for (CLI::App* sub : app.get_subcommands([](CLI::App* s) { return s->get_name() == "benchmark"; })) return sub;
    auto* bench = app.add_subcommand("benchmark", "Measure speed (render, train, generate)");
    bench->require_subcommand(1);
    return bench;
}

void addUnavailableCommand(CLI::App& parent, const std::string& name, const std::string& description,
                           const std::string& feature, CliResult& result) {
    const std::string why = "not in this build: configured with " + feature;
    parent.add_subcommand(name, description + " (" + why + ")")->allow_extras()->callback([name, why, &result] {
        printError("'" + name + "' is " + why);
        result.code = FailedWork;
    });
}

}  // namespace nf::cli
