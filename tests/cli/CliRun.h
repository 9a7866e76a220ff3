// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace nf::test {

// What one run of noteforge-cli did.
struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
    std::vector<std::string> errLines() const;
};

// Runs NF_CLI_PATH with `args` (each passed as one argument, no shell interpretation of their content).
CliRun runCli(const std::vector<std::string>& args);
// The same with another copy of the program (a noteforge-cli moved away from its training module, say).
CliRun runProgram(const std::string& program, const std::vector<std::string>& args);

}  // namespace nf::test
