// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the built noteforge-cli as a user would (through the shell, arguments quoted) and captures its exit code,
// standard output and standard error, for the tests that check the CLI end to end.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace nf::test {

struct CliRun {
    int code = -1;  // the exit status, or -1 when the process did not exit normally
    std::string out, err;
};

inline std::string shellQuote(const std::string& arg) {
    std::string q = "'";
    for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline std::string readWholeFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Runs `cli args...` with stdout and stderr sent to files in `scratch` (which must exist).
inline CliRun runCli(const std::filesystem::path& cli, const std::filesystem::path& scratch,
                     const std::vector<std::string>& args) {
    std::string cmd = shellQuote(cli.string());
    // Appended piece by piece: GCC 12 warns wrongly (-Wrestrict) about "literal" + std::string temporaries.
    for (const auto& a : args) cmd.append(" ").append(shellQuote(a));
    const auto out = scratch / "cli-stdout.txt", err = scratch / "cli-stderr.txt";
    cmd.append(" > ").append(shellQuote(out.string())).append(" 2> ").append(shellQuote(err.string()));
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readWholeFile(out), readWholeFile(err)};
}

}  // namespace nf::test
