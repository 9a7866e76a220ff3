// SPDX-License-Identifier: GPL-3.0-or-later
// The scripts the studio sends over ssh, run here by a local `sh -s` (what ssh runs there) in a private home: the
// probe finds the trainer of the same version and names the others; the launch detaches the run and survives the
// end of its shell; the watcher streams the event log from any line to the run's end and then reports the exit
// status and the log; signals reach the trainer and a finished run is reported as such. The ssh layer itself is
// tested against a real sshd in tests/ui/RemoteTrainingTest.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include "remote/RemoteTrainingScripts.h"
#include "remote/ShellQuote.h"
#include "training/TrainingConfig.h"

namespace fs = std::filesystem;

namespace nf {
namespace {

std::string slurpBootId() {
    std::ifstream in("/proc/sys/kernel/random/boot_id");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

class RemoteScripts : public ::testing::Test {
protected:
    void SetUp() override {
        home_ = fs::temp_directory_path() / ("nf-remote-home-" + std::to_string(getpid()));
        fs::remove_all(home_);
        fs::create_directories(home_ / "bin");
        // A stand-in trainer: says its version, writes an event line every 0.1 s, exits 3 on TERM, 0 after 30 lines.
        fake_ = home_ / "bin/fake-cli";
        std::ofstream(fake_) << "#!/bin/sh\n"
                                "if [ \"$1\" = --version ]; then echo 'noteforge-cli 9.9.9'; exit 0; fi\n"
                                "echo \"args: $*\"\n"
                                "trap 'echo stopping; exit 3' TERM\n"
                                "i=1; while [ $i -le 30 ]; do echo \"{\\\"n\\\":$i}\" >> events.jsonl; sleep 0.1; i=$((i + 1)); done\n"
                                "echo done\n";
        fs::permissions(fake_, fs::perms::owner_all);
        std::ofstream(home_ / "bin/old-cli") << "#!/bin/sh\necho 'noteforge-cli 0.0.1'\n";
        fs::permissions(home_ / "bin/old-cli", fs::perms::owner_all);
        target_.host = "unused";
        target_.runDir = "runs/it's here";  // a quote and a space: every path is quoted
    }
    void TearDown() override { fs::remove_all(home_); }

    // Runs a script as ssh would there: `sh -s` in the home, the script on standard input.
    std::string run(const std::string& script) {
        const fs::path file = home_ / "script.sh";
        std::ofstream(file) << script;
        const std::string cmd = "cd / && HOME=" + shellQuote(home_.string()) + " PATH=/usr/bin:/bin sh -s < " +
                                shellQuote(file.string());
        std::string out;
        if (FILE* p = popen(cmd.c_str(), "r")) {
            char buf[4096];
            for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
            pclose(p);
        }
        return out;
    }
    fs::path runDir() const { return home_ / target_.runDir; }

    fs::path home_, fake_;
    RemoteTarget target_;
};

TEST_F(RemoteScripts, TheProbeFindsTheTrainerOfTheSameVersion) {
    target_.program = fake_.string();
    EXPECT_EQ(run(remoteProbeScript(target_, "noteforge-cli 9.9.9", "9.9.9")), "nf-program " + fake_.string() + "\n");
    EXPECT_TRUE(fs::is_directory(runDir())) << "the probe makes the run folder";
    target_.program = (home_ / "bin/old-cli").string();
    const std::string other = run(remoteProbeScript(target_, "noteforge-cli 9.9.9", "9.9.9"));
    EXPECT_EQ(other.rfind("nf-missing", 0), 0u) << other;
    EXPECT_NE(other.find("says 'noteforge-cli 0.0.1'"), std::string::npos) << other;
    // Not named: the user's own build under ~/.local/share/noteforge/trainer/VERSION/bin.
    target_.program.clear();
    fs::create_directories(home_ / ".local/share/noteforge/trainer/9.9.9/bin");
    fs::copy_file(fake_, home_ / ".local/share/noteforge/trainer/9.9.9/bin/noteforge-cli");
    EXPECT_EQ(run(remoteProbeScript(target_, "noteforge-cli 9.9.9", "9.9.9")),
              "nf-program " + (home_ / ".local/share/noteforge/trainer/9.9.9/bin/noteforge-cli").string() + "\n");
    EXPECT_EQ(run(remoteProbeScript(target_, "noteforge-cli 1.0", "1.0")), "nf-missing\n");
}

TEST_F(RemoteScripts, LaunchDetachesTheWatcherStreamsToTheEndAndReportsTheExit) {
    fs::create_directories(runDir());
    const std::string started = run(remoteLaunchScript(target_, fake_.string(), {"train", "--data-label", "a b'c"}));
    ASSERT_EQ(started.rfind("nf-started ", 0), 0u) << started;
    // The launching shell has ended; the trainer goes on. Watch from line 5 once 4 lines are there (as the studio
    // does when it reconnects after the lines it has): lines 5..30, then the exit.
    const auto lineCount = [&] {
        std::ifstream in(runDir() / "events.jsonl");
        return std::count(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(), '\n');
    };
    for (int i = 0; i < 100 && lineCount() < 4; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const std::string watched = run(remoteAttachScript(target_, 5));
    std::istringstream lines(watched);
    std::vector<std::string> got;
    for (std::string l; std::getline(lines, l);)
        if (!l.empty()) got.push_back(l);  // (the watcher's separating empty lines, which the reader skips)
    ASSERT_GE(got.size(), 27u) << watched;
    EXPECT_EQ(got[0], "{\"n\":5}");
    EXPECT_EQ(got[25], "{\"n\":30}");
    EXPECT_EQ(got[26], "#nf-exit 0");
    EXPECT_NE(watched.find("#nf-log args: train --data-label a b'c"), std::string::npos) << watched;
    EXPECT_NE(watched.find("#nf-log done"), std::string::npos) << watched;
    EXPECT_EQ(run(remoteSignalScript(target_, "TERM")), "nf-not-running\n") << "a finished run gets no signal";
    // Watching a finished run again replays it to its end.
    EXPECT_NE(run(remoteAttachScript(target_, 1)).find("{\"n\":1}\n{\"n\":2}"), std::string::npos);
}

TEST_F(RemoteScripts, ASignalReachesTheTrainerAndItsExitStatusComesBack) {
    fs::create_directories(runDir());
    ASSERT_EQ(run(remoteLaunchScript(target_, fake_.string(), {"train"})).rfind("nf-started ", 0), 0u);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(run(remoteSignalScript(target_, "TERM")), "nf-signalled\n");
    const std::string watched = run(remoteAttachScript(target_, 1));
    EXPECT_NE(watched.find("#nf-exit 3"), std::string::npos) << watched;
    EXPECT_NE(watched.find("#nf-log stopping"), std::string::npos) << watched;
    EXPECT_THROW(remoteSignalScript(target_, "KILL; rm -rf /"), std::invalid_argument);
}

// A trainer killed in the middle of a line must not swallow the watcher's own lines.
TEST_F(RemoteScripts, ALineCutShortDoesNotHideTheExit) {
    fs::create_directories(runDir());
    const fs::path cut = home_ / "bin/cut-cli";
    std::ofstream(cut) << "#!/bin/sh\nprintf '{\"n\":1}\\n{\"n\":2' >> events.jsonl\nexit 1\n";
    fs::permissions(cut, fs::perms::owner_all);
    ASSERT_EQ(run(remoteLaunchScript(target_, cut.string(), {"train"})).rfind("nf-started ", 0), 0u);
    const std::string watched = run(remoteAttachScript(target_, 1));
    EXPECT_NE(watched.find("{\"n\":1}\n{\"n\":2\n"), std::string::npos) << watched;
    EXPECT_NE(watched.find("\n#nf-exit 1\n"), std::string::npos) << watched;
}

// After the machine restarted, the pid file names another process (or none): never followed, never signalled.
TEST_F(RemoteScripts, ARunFromBeforeARestartIsNotRunning) {
    if (!fs::exists("/proc/sys/kernel/random/boot_id")) GTEST_SKIP() << "no boot id here";
    fs::create_directories(runDir());
    ASSERT_EQ(run(remoteLaunchScript(target_, fake_.string(), {"train"})).rfind("nf-started ", 0), 0u);
    std::ofstream(runDir() / "boot") << "00000000-0000-0000-0000-000000000000\n";  // as if from an earlier boot
    EXPECT_EQ(run(remoteSignalScript(target_, "TERM")), "nf-not-running\n");
    const std::string watched = run(remoteAttachScript(target_, 1));
    EXPECT_NE(watched.find("#nf-exit "), std::string::npos) << watched;
    // (The stand-in is still running: end it.)
    std::ofstream(runDir() / "boot") << slurpBootId();
    run(remoteSignalScript(target_, "TERM"));
}

TEST_F(RemoteScripts, AMissingRunFolderIsSaidNotHidden) {
    target_.runDir = "no/such/run";
    EXPECT_EQ(run(remoteAttachScript(target_, 1)), "#nf-error no run folder no/such/run\n");
    EXPECT_EQ(run(remoteSignalScript(target_, "USR1")), "nf-not-running\n");
}

TEST(RemoteTrainArguments, NewFineTunedAndResumedRuns) {
    TrainingConfig form;
    form.epochs = 7;
    form.device = "cuda";
    EXPECT_EQ(remoteTrainArguments(false, false, form, ""),
              (std::vector<std::string>{"train", "--corpus", "corpus.nftok", "--out", "model.nfm", "--events", "events.jsonl",
                                        "--metrics", "metrics.csv", "--config", "config.json"}));
    const auto tuned = remoteTrainArguments(true, false, form, "/home/me/reels");
    EXPECT_NE(std::find(tuned.begin(), tuned.end(), "--init"), tuned.end());
    EXPECT_EQ(tuned.back(), "/home/me/reels");
    TrainingConfig more;
    more.epochs = 9;
    more.device = "cpu";
    more.maxMinutes = 30;
    more.metricsEverySteps = 50;
    const auto resumed = remoteTrainArguments(true, true, more, "");
    EXPECT_NE(std::find(resumed.begin(), resumed.end(), "resume.ckpt"), resumed.end());
    const auto after = [&](const char* option) {
        const auto it = std::find(resumed.begin(), resumed.end(), option);
        return it == resumed.end() || it + 1 == resumed.end() ? std::string() : *(it + 1);
    };
    EXPECT_EQ(after("--max-minutes").substr(0, 2), "30") << "a local resume keeps the form's time limit; so does this";
    EXPECT_EQ(after("--metrics-every"), "50");
    EXPECT_EQ(after("--checkpoint-every"), std::to_string(TrainingConfig().checkpointEvery));
    EXPECT_EQ(after("--epochs"), "9");
    EXPECT_EQ(after("--device"), "cpu");
    EXPECT_EQ(std::find(resumed.begin(), resumed.end(), "--config"), resumed.end()) << "a resumed run keeps its checkpoint's";
}

TEST(RemoteTrainArguments, OnlyPlainFolderNamesGoToScp) {
    EXPECT_TRUE(isPlainRemotePath(".cache/noteforge/remote-runs/20261205-101010-reels-0a1b"));
    EXPECT_TRUE(isPlainRemotePath("/tmp/test_ui-AbC123/runs"));
    for (const char* bad : {"", "my runs", "runs;rm -rf ~", "runs/*", "$HOME/runs", "it's"}) EXPECT_FALSE(isPlainRemotePath(bad)) << bad;
}

TEST(RemoteRunRecord, RoundTripsAndRefusesDamage) {
    RemoteRunRecord r;
    r.target = {"gpu-box", ".cache/noteforge/remote-runs/x", "/opt/nf/noteforge-cli", "/tmp/cfg"};
    r.localModel = "/home/me/models/x.nfm";
    r.startedAt = 1.7e9;
    const RemoteRunRecord back = RemoteRunRecord::fromJson(r.toJson());
    EXPECT_EQ(back.target.host, "gpu-box");
    EXPECT_EQ(back.target.program, "/opt/nf/noteforge-cli");
    EXPECT_EQ(back.target.sshConfig, "/tmp/cfg");
    EXPECT_EQ(back.localModel, r.localModel);
    EXPECT_THROW(RemoteRunRecord::fromJson("{\"host\":\"\"}"), std::runtime_error);
    EXPECT_THROW(RemoteRunRecord::fromJson("garbage"), std::runtime_error);
}

TEST(ShellQuote, AnyTextIsOneWord) {
    for (const std::string s : {"plain", "two words", "it's", "$(rm -rf /) `x` \"q\" \\ ;|&", ""}) {
        std::string out;
        if (FILE* p = popen(("printf %s " + shellQuote(s)).c_str(), "r")) {
            char buf[256];
            for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
            pclose(p);
        }
        EXPECT_EQ(out, s);
    }
}

}  // namespace
}  // namespace nf
