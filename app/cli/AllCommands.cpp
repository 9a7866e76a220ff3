// SPDX-License-Identifier: GPL-3.0-or-later
// The subcommands of noteforge-cli in the order `help` lists them; the tests build the same tree.
#include <CLI/CLI.hpp>

#include "cli/CliCommands.h"
#include "cli/DecimalIntegers.h"

namespace nf::cli {

void addAllCommands(CLI::App& app, CliResult& result) {
    addInspectCommand(app, result);
    addConvertCommand(app, result);
    addEvaluateCommand(app, result);
    addRenderCommand(app, result);
    addPlayCommand(app, result);
    addPortsCommand(app, result);
    addRecordCommand(app, result);
    addSoundfontsCommand(app, result);
    addRenderBenchmarkCommand(app, result);
    addTrainCommand(app, result);
    addTokenizeCommand(app, result);
    addModelsCommand(app, result);
    addBenchmarkCommand(app, result);
    addAnswerBenchmarkCommand(app, result);
    addGenerateCommand(app, result);
    addInfillCommands(app, result);
    addEvaluateInfillCommand(app, result);
    addEvaluateDrumsCommand(app, result);
    addLossCommand(app, result);
    readIntegersAsDecimal(app);
}

}  // namespace nf::cli
