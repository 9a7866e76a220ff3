// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/RemoteTrainingScripts.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "remote/ShellQuote.h"
#include "training/TrainingConfig.h"

namespace nf {

namespace {
std::vector<std::string> commonOptions(const RemoteTarget& t) {
    std::vector<std::string> a;
    if (!t.sshConfig.empty()) a.insert(a.end(), {"-F", t.sshConfig});
    a.insert(a.end(), {"-o", "BatchMode=yes", "-o", "ConnectTimeout=15", "-o", "ServerAliveInterval=5", "-o",
                       "ServerAliveCountMax=3"});
    return a;
}

// Every script starts in the remote home (where ssh starts) and enters the run folder.
std::string enterRunDir(const RemoteTarget& t, const std::string& failure) {
    std::string s = "cd || exit 0\ncd ";
    s += shellQuote(t.runDir);
    s += " 2>/dev/null || { echo ";
    s += shellQuote(failure);
    s += "; exit 0; }\n";
    return s;
}

// Concatenation by appending: GCC 12 warns falsely (-Wrestrict) of "literal" + std::string.
template <typename... Parts>
std::string cat(const Parts&... parts) {
    std::string out;
    (out.append(parts), ...);
    return out;
}

std::string waitForPid() {
    return "i=0\nwhile [ ! -s pid ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done\n";
}

// Sets `pid` to the trainer's process id, or empty when it cannot be running: it has written its exit status, or
// the machine has restarted since (the pid may then be another process's: never signalled, never followed).
std::string currentPid() {
    return "pid=$(cat pid 2>/dev/null)\n"
           "if [ -e exit ]; then pid=''; fi\n"
           "if [ -r /proc/sys/kernel/random/boot_id ] && [ \"$(cat boot 2>/dev/null)\" != \"$(cat /proc/sys/kernel/random/boot_id)\" ]; "
           "then pid=''; fi\n";
}
}  // namespace

std::vector<std::string> sshScriptArguments(const RemoteTarget& t) {
    std::vector<std::string> a = commonOptions(t);
    a.insert(a.end(), {"-T", "--", t.host, "sh -s"});
    return a;
}

std::vector<std::string> scpArguments(const RemoteTarget& t, const std::vector<std::string>& from, const std::string& to) {
    std::vector<std::string> a = commonOptions(t);
    a.push_back("-q");
    a.push_back("--");
    a.insert(a.end(), from.begin(), from.end());
    a.push_back(to);
    return a;
}

std::string remotePath(const RemoteTarget& t, const std::string& name) {
    return cat(t.host, ":", t.runDir, "/", name);
}

std::string remoteProbeScript(const RemoteTarget& t, const std::string& versionLine, const std::string& version) {
    std::string s = "set -u\ncd || exit 0\nmkdir -p ";
    s += shellQuote(t.runDir);
    s += " 2>/dev/null || { echo ";
    s += shellQuote(cat("nf-error cannot create the folder ", t.runDir));
    s += "; exit 0; }\n";
    // What the run needs there besides the trainer: its own session (util-linux) and tail --pid (GNU coreutils).
    s += "command -v setsid >/dev/null 2>&1 || { echo 'nf-error setsid is missing there (util-linux)'; exit 0; }\n"
         "tail -n 0 --pid=$$ /dev/null >/dev/null 2>&1 || { echo 'nf-error tail there has no --pid (GNU coreutils needed)'; exit 0; }\n";
    s += "want=";
    s += shellQuote(versionLine);
    s += "\n";
    if (!t.program.empty()) {
        s += cat("set -- ", shellQuote(t.program), "\n");
    } else {
        s += cat("set -- \"$(command -v noteforge-cli 2>/dev/null)\" ", shellQuote(remoteTrainerDir(t, version) + "/bin/noteforge-cli"),
                 "\n");
    }
    s += "found=''\n"
         "for c in \"$@\"; do\n"
         // Absolute, for the run folder's sake (the launch starts it from there): relative ones are the home's.
         "  case $c in /*) ;; ?*/*) c=\"$PWD/$c\" ;; esac\n"
         "  [ -n \"$c\" ] && [ -x \"$c\" ] || continue\n"
         "  v=$(\"$c\" --version 2>/dev/null | head -n 1)\n"
         "  if [ \"$v\" = \"$want\" ]; then echo \"nf-program $c\"; exit 0; fi\n"
         "  found=\"$found $c says '$v';\"\n"
         "done\n"
         "echo \"nf-missing$found\"\n";
    return s;
}

std::string remoteTrainerDir(const RemoteTarget& t, const std::string& version) {
    return cat(t.trainerRoot, "/", version);
}

std::string remoteBuildScript(const std::string& trainerDir) {
    std::string s = "set -u\ncd || exit 0\ncd ";
    s += shellQuote(trainerDir);
    s += cat(" 2>/dev/null || { echo ", shellQuote(cat("nf-error no folder ", trainerDir)), "; exit 0; }\n");
    s += cat("rm -rf src && mkdir src && tar xzf ", kTrainerBundleName,
             " -C src --strip-components=1 || { echo 'nf-error the sources could not be unpacked'; exit 0; }\n");
    // `bash`: the build script's own shell; a login shell of another kind never sees it.
    s += "if bash src/packaging/build-trainer.sh --prefix \"$PWD\" 2>&1; then echo \"nf-built $PWD/bin/noteforge-cli\"; "
         "else echo 'nf-error the build failed'; fi\n";
    return s;
}

std::string remoteLaunchScript(const RemoteTarget& t, const std::string& program, const std::vector<std::string>& args) {
    std::string s = "set -u\n";
    s += enterRunDir(t, cat("nf-error no run folder ", t.runDir));
    s += "rm -f pid exit boot events.jsonl\n"
         "cat /proc/sys/kernel/random/boot_id >boot 2>/dev/null\n";
    // The wrapper waits for the trainer to write its exit status; it and the trainer run in their own session, so
    // the end of the connection (SIGHUP to the session) does not reach them.
    const std::string wrapper =
        "\"$@\" </dev/null >train.log 2>&1 & echo $! >pid.tmp && mv pid.tmp pid; wait $!; echo $? >exit.tmp; mv exit.tmp exit";
    s += cat("setsid sh -c ", shellQuote(wrapper), " nf-train ", shellQuote(program));
    for (const std::string& a : args) s += cat(" ", shellQuote(a));
    s += " </dev/null >/dev/null 2>&1 &\n";
    s += waitForPid();
    s += "if [ -s pid ]; then echo \"nf-started $(cat pid)\"; else echo 'nf-error the trainer did not start'; fi\n";
    return s;
}

std::string remoteAttachScript(const RemoteTarget& t, long long fromLine) {
    std::string s = "set -u\n";
    s += enterRunDir(t, cat("#nf-error no run folder ", t.runDir));
    s += waitForPid();
    s += "[ -s pid ] || { echo '#nf-error no trainer was started there'; exit 0; }\n";
    s += currentPid();
    // Empty lines (which the reader skips) keep the studio's own lines apart from what came before: a login
    // script's output without a newline, or the event log's last line cut short by a killed trainer.
    s += "echo\n"
         // tail -F would print a file that appears after it started from its first line, whatever -n says: wait
         // for the trainer to create it. --pid ends the stream once the trainer has gone (after a last read).
         "if [ -n \"$pid\" ]; then\n"
         "  while [ ! -e events.jsonl ] && kill -0 \"$pid\" 2>/dev/null; do sleep 0.1; done\n"
         "  [ -e events.jsonl ] && tail -n +";
    s += std::to_string(fromLine < 1 ? 1 : fromLine);
    s += " -s 0.5 -F --pid=\"$pid\" events.jsonl 2>/dev/null\n"
         "  i=0\n  while [ ! -e exit ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done\n"
         "else\n"
         "  [ -e events.jsonl ] && tail -n +";
    s += std::to_string(fromLine < 1 ? 1 : fromLine);
    s += " events.jsonl\n"
         "fi\n"
         "echo\n"
         "echo \"#nf-exit $(cat exit 2>/dev/null || echo unknown)\"\n"
         "tail -n 5 train.log 2>/dev/null | sed 's/^/#nf-log /'\n";
    return s;
}

std::string remoteSignalScript(const RemoteTarget& t, const std::string& signal) {
    if (signal != "INT" && signal != "TERM" && signal != "USR1" && signal != "USR2")
        throw std::invalid_argument(cat("remoteSignalScript: no signal ", signal));
    std::string s = enterRunDir(t, "nf-not-running");
    s += currentPid();
    s += "if [ -n \"$pid\" ] && kill -";
    s += signal;
    s += " \"$pid\" 2>/dev/null; then echo nf-signalled; else echo nf-not-running; fi\n";
    return s;
}

std::vector<std::string> remoteTrainArguments(bool init, bool resume, const TrainingConfig& form, const std::string& dataLabel) {
    using namespace remote_file;
    std::vector<std::string> a{"train", "--corpus", kCorpus, "--out", kModel, "--events", kEvents, "--metrics", kMetrics};
    if (resume) {
        // A resumed run keeps its checkpoint's configuration but for what the form sets for this run, as locally
        // (TrainerOptions::resumeFrom).
        a.insert(a.end(), {"--resume", kResume, "--epochs", std::to_string(form.epochs), "--max-minutes",
                           std::to_string(form.maxMinutes), "--checkpoint-every", std::to_string(form.checkpointEvery),
                           "--metrics-every", std::to_string(form.metricsEverySteps)});
        if (!form.device.empty() && form.device != "auto") a.insert(a.end(), {"--device", form.device});
        if (form.threads > 0) a.insert(a.end(), {"--threads", std::to_string(form.threads)});
    } else {
        a.insert(a.end(), {"--config", kConfig});  // all of it, device and threads included
        if (init) a.insert(a.end(), {"--init", kInit});
    }
    if (!dataLabel.empty()) a.insert(a.end(), {"--data-label", dataLabel});
    return a;
}

bool isPlainRemotePath(const std::string& path) {
    if (path.empty()) return false;
    for (char c : path)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-' && c != '/') return false;
    return true;
}

std::string RemoteRunRecord::toJson() const {
    return nlohmann::json{{"host", target.host},
                          {"run_dir", target.runDir},
                          {"program", target.program},
                          {"ssh_config", target.sshConfig},
                          {"local_model", localModel},
                          {"started", startedAt}}
        .dump();
}

RemoteRunRecord RemoteRunRecord::fromJson(const std::string& json) {
    try {
        const auto j = nlohmann::json::parse(json);
        RemoteRunRecord r;
        r.target.host = j.at("host").get<std::string>();
        r.target.runDir = j.at("run_dir").get<std::string>();
        r.target.program = j.value("program", "");
        r.target.sshConfig = j.value("ssh_config", "");
        r.localModel = j.at("local_model").get<std::string>();
        r.startedAt = j.value("started", 0.0);
        if (r.target.host.empty() || r.target.runDir.empty()) throw std::runtime_error("no host or folder");
        return r;
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("damaged remote run record: ") + e.what());
    }
}

}  // namespace nf
