// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliRun.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace nf::test {

namespace {

std::string shellQuote(const std::string& s) {
    std::string q = "'";
    for (char c : s) {
        if (c == '\'') {
            q.append("'\\''");
        } else {
            q.push_back(c);
        }
    }
    q.push_back('\'');
    return q;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

std::vector<std::string> CliRun::errLines() const {
    std::vector<std::string> lines;
    std::istringstream in(err);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

CliRun runCli(const std::vector<std::string>& args) { return runProgram(NF_CLI_PATH, args); }

CliRun runProgram(const std::string& program, const std::vector<std::string>& args) {
    static std::atomic<int> counter{0};
    std::string name = "nf-cli-run-";  // built by appending: GCC 12 warns falsely on "literal" + std::string&&
    name.append(std::to_string(::getpid())).append("-").append(std::to_string(counter++));
    const auto base = std::filesystem::temp_directory_path() / name;
    std::string cmd = shellQuote(program);
    for (const auto& a : args) cmd.append(" ").append(shellQuote(a));
    cmd.append(" >").append(shellQuote(base.string() + ".out"));
    cmd.append(" 2>").append(shellQuote(base.string() + ".err")).append(" </dev/null");
    const int status = std::system(cmd.c_str());
    CliRun run;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    run.out = slurp(base.string() + ".out");
    run.err = slurp(base.string() + ".err");
    std::filesystem::remove(base.string() + ".out");
    std::filesystem::remove(base.string() + ".err");
    return run;
}

}  // namespace nf::test
