// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace nf {

struct TrainingConfig;

// A training on another machine, as the studio drives it over the system's ssh and scp (docs/gpu.md): which
// machine, which folder there, which program. Everything NoteForge runs there is a POSIX sh script sent on ssh's
// standard input to `sh -s`, so the remote login shell (bash, zsh, fish) never parses NoteForge's quoting.
// Nothing listens on a port of NoteForge's own: the remote run is a detached `noteforge-cli train` writing files
// in its folder, and the studio reads them.
struct RemoteTarget {
    std::string host;       // as ssh takes it: a Host of ~/.ssh/config, or [user@]machine
    std::string runDir;     // the run's folder there: relative to the remote home, or absolute
    std::string program;    // noteforge-cli there; empty: looked for (remoteProbeScript)
    std::string sshConfig;  // a client configuration to use instead of ~/.ssh/config (ssh -F); empty: the user's
    // Where trainers built there by the studio live, one folder per version (remoteTrainerDir): relative to the
    // remote home, or absolute.
    std::string trainerRoot = ".local/share/noteforge/trainer";
};

// The files of a run folder.
namespace remote_file {
inline constexpr const char* kCorpus = "corpus.nftok";  // the tokenized data (tokenize/CorpusFile.h)
inline constexpr const char* kConfig = "config.json";   // the training configuration
inline constexpr const char* kInit = "init.nfm";        // the model to fine-tune, when there is one
inline constexpr const char* kResume = "resume.ckpt";   // the checkpoint to continue, when resuming
inline constexpr const char* kModel = "model.nfm";      // written by the run: the best model
inline constexpr const char* kCheckpoint = "model.nfm.ckpt";
inline constexpr const char* kEvents = "events.jsonl";  // training/TrainingEventLog.h
inline constexpr const char* kMetrics = "metrics.csv";
inline constexpr const char* kLog = "train.log";        // the program's output
inline constexpr const char* kPid = "pid";              // the trainer's process id
inline constexpr const char* kExit = "exit";            // its exit status, once it has ended
inline constexpr const char* kBoot = "boot";            // the machine's boot id at the start (a restart ends the run)
}  // namespace remote_file

// Where runs go by default: under the remote home, one folder per run.
inline constexpr const char* kDefaultRemoteRunRoot = ".cache/noteforge/remote-runs";

// The arguments of ssh for running a script on the target (`sh -s` reads it from standard input), and of scp for
// copying. BatchMode: the studio cannot answer a password prompt, so keys (or an agent) must work; a dead
// connection is noticed within about 15 s (ServerAlive).
std::vector<std::string> sshScriptArguments(const RemoteTarget& target);
std::vector<std::string> scpArguments(const RemoteTarget& target, const std::vector<std::string>& from,
                                      const std::string& to);
// "host:runDir/name", for scp.
std::string remotePath(const RemoteTarget& target, const std::string& name);

// Creates the run folder and finds a noteforge-cli there that says `versionLine` to --version (the target's
// program if named; else noteforge-cli on PATH, else the one built there: remoteTrainerDir(...)/bin/noteforge-cli).
// Prints "nf-program PATH", or "nf-missing" followed by what was found instead, or "nf-error WHY".
std::string remoteProbeScript(const RemoteTarget& target, const std::string& versionLine, const std::string& version);

// The folder of the trainer built there for `version`: trainerRoot/VERSION.
std::string remoteTrainerDir(const RemoteTarget& target, const std::string& version);
// The name the sources are copied to in that folder before remoteBuildScript.
inline constexpr const char* kTrainerBundleName = "noteforge-trainer-src.tar.gz";

// Unpacks the sources copied into `trainerDir` (packaging/trainer-bundle.sh's tarball) and builds the trainer-only
// noteforge-cli there with packaging/build-trainer.sh (its LibTorch: a CUDA PyTorch's if python3 has one, else the
// system's). Prints the build's output as it goes, then "nf-built PATH" or "nf-error WHY".
std::string remoteBuildScript(const std::string& trainerDir);

// Starts `program trainArguments...` in the run folder, detached from the connection (its own session; output to
// train.log; pid, and the exit status when it ends), and prints "nf-started PID" or "nf-error WHY".
std::string remoteLaunchScript(const RemoteTarget& target, const std::string& program,
                               const std::vector<std::string>& trainArguments);

// Streams the event log from line `fromLine` (1-based) while the trainer runs and to its end, then prints
// "#nf-exit STATUS" (a number, or "unknown" when the run folder has no exit status: the machine restarted) and
// the log's last lines as "#nf-log LINE". A lost connection ends it early, without "#nf-exit".
std::string remoteAttachScript(const RemoteTarget& target, long long fromLine);

// Sends `signal` (INT, TERM, USR1, USR2) to the trainer; prints "nf-signalled" or "nf-not-running".
std::string remoteSignalScript(const RemoteTarget& target, const std::string& signal);

// The trainer's arguments for a run folder laid out as above. A new run takes its whole configuration from
// config.json (from init.nfm when `init`); a resumed one continues resume.ckpt with the checkpoint's configuration
// but for what `form` sets for one run (epochs, time limit, intervals, device, threads), as a local resume does.
std::vector<std::string> remoteTrainArguments(bool init, bool resume, const TrainingConfig& form,
                                              const std::string& dataLabel);

// Whether a folder there may be named to scp as it is: letters, digits, '.', '_', '-' and '/' only. scp before
// OpenSSH 9 hands remote paths to the remote shell, and SFTP expands wildcards, so nothing else is sent.
bool isPlainRemotePath(const std::string& path);

// A run the studio follows, kept so that it can reattach after a lost connection or a restart.
struct RemoteRunRecord {
    RemoteTarget target;
    std::string localModel;  // where the model is copied back to
    double startedAt = 0;    // Unix seconds
    std::string toJson() const;
    // Throws std::runtime_error for a damaged record.
    static RemoteRunRecord fromJson(const std::string& json);
};

}  // namespace nf
