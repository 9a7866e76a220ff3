// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace nf::cli {

// Process exit codes shared by every subcommand.
enum ExitCode : int { Success = 0, FailedWork = 1, UsageError = 2 };

// Where a subcommand's callback leaves its exit code.
struct CliResult {
    int code = Success;
};

// Prints "noteforge: <message>" as one line on stderr.
void printError(const std::string& message);

// Makes `work` the subcommand's callback: its return value becomes the exit code, and an exception escaping it
// becomes one line on stderr: std::invalid_argument (bad values, bad requests) a usage error, any other exception
// failed work. The one place where errors become exit codes: no subcommand can end the process with an uncaught
// exception, and none maps them itself.
void setGuardedCallback(CLI::App* command, CliResult& result, std::function<int()> work);

// The `benchmark` parent subcommand, made by whichever benchmark is added first.
CLI::App* benchmarkParent(CLI::App& app);

// Adds `name` as a subcommand that this build left out (configured without `feature`): it accepts any
// arguments, says so in one line, and fails, so scripts get a clear reason instead of "unknown subcommand".
void addUnavailableCommand(CLI::App& parent, const std::string& name, const std::string& description,
                           const std::string& feature, CliResult& result);

// Every subcommand below, then decimal reading for all their integer options (see DecimalIntegers.h).
void addAllCommands(CLI::App& app, CliResult& result);

// One function per subcommand; each adds itself to `app` and sets `result.code` when it runs.
void addInspectCommand(CLI::App& app, CliResult& result);
void addConvertCommand(CLI::App& app, CliResult& result);
void addEvaluateCommand(CLI::App& app, CliResult& result);
void addRenderCommand(CLI::App& app, CliResult& result);
void addPlayCommand(CLI::App& app, CliResult& result);
void addPortsCommand(CLI::App& app, CliResult& result);
void addRecordCommand(CLI::App& app, CliResult& result);
void addSoundfontsCommand(CLI::App& app, CliResult& result);
void addRenderBenchmarkCommand(CLI::App& app, CliResult& result);
void addTrainCommand(CLI::App& app, CliResult& result);
void addTokenizeCommand(CLI::App& app, CliResult& result);
void addModelsCommand(CLI::App& app, CliResult& result);
void addLossCommand(CLI::App& app, CliResult& result);
void addBenchmarkCommand(CLI::App& app, CliResult& result);
void addAnswerBenchmarkCommand(CLI::App& app, CliResult& result);
void addGenerateCommand(CLI::App& app, CliResult& result);
void addInfillCommands(CLI::App& app, CliResult& result);  // infill and accompany
void addEvaluateInfillCommand(CLI::App& app, CliResult& result);
void addEvaluateDrumsCommand(CLI::App& app, CliResult& result);

}  // namespace nf::cli
