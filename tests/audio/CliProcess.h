// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace nf::test {

// A child process with stdout and stderr going to files, for driving noteforge-cli from tests.
class CliProcess {
public:
    CliProcess(std::vector<std::string> args, const std::string& outputBase) : out_(outputBase + ".out"),
                                                                                err_(outputBase + ".err") {
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&fa, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (posix_spawn(&pid_, argv[0], &fa, nullptr, argv.data(), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&fa);
    }
    ~CliProcess() {
        if (pid_ > 0 && !done_) {
            kill(pid_, SIGKILL);
            wait();
        }
    }
    // Exit code, or 128 + signal.
    int wait() {
        if (pid_ <= 0) return -1;
        int status = 0;
        waitpid(pid_, &status, 0);
        done_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    void signal(int sig) { kill(pid_, sig); }
    std::string out() const { return slurp(out_); }
    std::string err() const { return slurp(err_); }

    // Runs to completion; returns the exit code.
    static int run(std::vector<std::string> args, const std::string& outputBase, std::string* out = nullptr,
                   std::string* err = nullptr) {
        CliProcess p(std::move(args), outputBase);
        const int code = p.wait();
        if (out) *out = p.out();
        if (err) *err = p.err();
        return code;
    }

private:
    static std::string slurp(const std::string& path) {
        std::ifstream in(path);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
    std::string out_, err_;
    pid_t pid_ = -1;
    bool done_ = false;
};

}  // namespace nf::test
