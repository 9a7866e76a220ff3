// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/FluidsynthCli.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>

extern char** environ;

namespace nf {

namespace {

std::string num(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

}  // namespace

std::string findFluidsynthCli() {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const std::filesystem::path p = std::filesystem::path(dir) / "fluidsynth";
        if (access(p.c_str(), X_OK) == 0) return p.string();
    }
    return {};
}

FluidsynthCliRun runFluidsynthCli(const std::string& midiPath, const std::string& soundfont,
                                  const std::string& outWav, const SynthOptions& o) {
    FluidsynthCliRun run;
    const std::string exe = findFluidsynthCli();
    if (exe.empty()) return run;
    run.argv = {exe, "-n", "-i", "-q", "-F", outWav, "-T", "wav", "-O", "s16",
                "-r", num(o.sampleRate), "-g", num(o.gain), "-R", o.reverb ? "1" : "0", "-C", o.chorus ? "1" : "0",
                "-o", "synth.cpu-cores=1", "-o", "synth.polyphony=" + std::to_string(o.polyphony),
                "-o", "synth.reverb.room-size=" + num(o.reverbRoomSize), "-o", "synth.reverb.damp=" + num(o.reverbDamping),
                "-o", "synth.reverb.width=" + num(o.reverbWidth), "-o", "synth.reverb.level=" + num(o.reverbLevel),
                "-o", "synth.chorus.nr=" + std::to_string(o.chorusVoices), "-o", "synth.chorus.level=" + num(o.chorusLevel),
                "-o", "synth.chorus.speed=" + num(o.chorusSpeed), "-o", "synth.chorus.depth=" + num(o.chorusDepth),
                soundfont, midiPath};
    std::vector<char*> argv;
    for (auto& a : run.argv) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const auto t0 = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return run;
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    run.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    run.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

}  // namespace nf
