// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli: the headless front end (datasets, training, generation, evaluation, rendering).
#include <CLI/CLI.hpp>

#include <iostream>
#include <string_view>

#include "cli/CliCommands.h"
#include "common/PassiveOpenMp.h"

namespace {

// `train` runs OpenMP thread teams (LibTorch, OpenBLAS) for minutes, usually beside other programs: their idle
// workers must sleep, not spin. `benchmark train` keeps OpenMP's default, as PyTorch runs it (the comparison it
// prints), and says which policy it ran with; other subcommands start quickly and often, so they skip the restart.
bool trainsModels(int argc, char** argv) { return argc > 1 && std::string_view(argv[1]) == "train"; }

}  // namespace

int main(int argc, char** argv) {
    if (trainsModels(argc, argv)) nf::ensurePassiveOpenMp(argv);
    using namespace nf::cli;
    CLI::App app{"NoteForge: train LSTMs on MIDI/ABC music, generate, evaluate and render it", "noteforge-cli"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("noteforge-cli ") + NF_VERSION);
    CliResult result;

    addAllCommands(app, result);

    auto* help = app.add_subcommand("help", "List every subcommand, or show one subcommand's options");
    std::string topic;
    help->add_option("subcommand", topic, "Subcommand to describe");
    help->callback([&] {
        // App::help() would describe the selected subcommand, i.e. `help` itself: ask the formatter directly.
        if (topic.empty()) {
            std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
            return;
        }
        try {
            const CLI::App* sub = app.get_subcommand(topic);
            std::cout << sub->get_formatter()->make_help(sub, app.get_name() + " " + topic, CLI::AppFormatMode::Normal);
        } catch (const CLI::OptionNotFound&) {
            printError("unknown subcommand '" + topic + "' (see noteforge-cli help)");
            result.code = UsageError;
        }
    });

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        printError(e.what());
        std::cerr << "Run 'noteforge-cli help' for the list of subcommands.\n";
        return UsageError;
    }
    return result.code;
}
