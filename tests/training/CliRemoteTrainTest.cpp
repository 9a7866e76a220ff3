// SPDX-License-Identifier: GPL-3.0-or-later
// What the studio asks of noteforge-cli on another machine: train on a token file (--corpus) with a whole
// configuration from a file (--config), write every event as JSON lines (--events), pause on SIGUSR1, resume on
// SIGUSR2 and stop with a checkpoint on SIGTERM; and refuse what does not fit together, in one line.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "TrainingTestUtil.h"
#include "support/CliRunner.h"
#include "tokenize/CorpusBuilder.h"
#include "tokenize/CorpusFile.h"
#include "training/TrainingConfig.h"
#include "training/TrainingEventLog.h"

extern char** environ;

namespace fs = std::filesystem;

#if defined(NF_CLI_PATH) && defined(NF_TEST_HAVE_TRAINING)

namespace nf {
namespace {

std::string slurp(const std::string& path) { return test::readWholeFile(path); }

using Recorder = test::EventRecorder;
Recorder readEvents(const std::string& path) { return test::readEventLog(path); }

TrainingConfig smallConfig() {
    TrainingConfig c = TrainingConfig::forModel(ModelKind::Lstm);
    c.tokenizer.kind = TokenizerKind::AbcChars;
    c.model.hiddenSize = 24;
    c.model.layers = 1;
    c.model.embedDim = 8;
    c.seqLength = 32;
    c.threads = 1;
    c.epochs = 2;
    return c;
}

int cli(const nf::test::TempDir& dir, const std::string& args) {
    // Leading NAME=value words of `args` are the program's environment (env takes them before the program).
    std::string vars, rest = args;
    while (true) {
        const std::size_t space = rest.find(' '), eq = rest.find('=');
        if (space == std::string::npos || eq == std::string::npos || eq > space || rest.rfind("train", 0) == 0) break;
        vars += rest.substr(0, space + 1);
        rest.erase(0, space + 1);
    }
    const std::string cmd = "env -u OMP_WAIT_POLICY " + vars + "'" + std::string(NF_CLI_PATH) + "' " + rest + " > '" +
                            dir.file("out.txt") + "' 2> '" + dir.file("err.txt") + "'";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class CliRemoteTrain : public ::testing::Test {
protected:
    void SetUp() override {
        const std::string abc = (fs::path(NF_SOURCE_DIR) / "resources/demo/abc").string();
        if (!fs::exists(abc)) GTEST_SKIP() << "no demo data";
        CorpusOptions co;
        co.useCache = false;
        writeCorpusFile(dir_.file("corpus.nftok"), buildCorpus(abc, smallConfig().tokenizer, co));
        std::ofstream(dir_.file("config.json")) << smallConfig().toJson();
    }
    nf::test::TempDir dir_{"cli-remote"};
};

TEST_F(CliRemoteTrain, TrainsOnATokenFileWithAConfigurationFileAndWritesEvents) {
    ASSERT_EQ(cli(dir_, "train --corpus '" + dir_.file("corpus.nftok") + "' --config '" + dir_.file("config.json") +
                            "' --out '" + dir_.file("m.nfm") + "' --events '" + dir_.file("ev.jsonl") +
                            "' --data-label '/home/me/my tunes'"),
              0)
        << slurp(dir_.file("err.txt"));
    const Recorder ev = readEvents(dir_.file("ev.jsonl"));
    ASSERT_EQ(ev.starts.size(), 1u);
    EXPECT_EQ(ev.starts[0].model, "lstm");
    EXPECT_EQ(ev.starts[0].representation, "abc-chars");
    EXPECT_EQ(ev.starts[0].threads, 1) << "the configuration file's threads";
    std::vector<int> epochs;
    for (const MetricsRow& r : ev.rows)
        if (!r.step) epochs.push_back(r.epoch);
    EXPECT_EQ(epochs, (std::vector<int>{1, 2}));
    ASSERT_FALSE(ev.progress.empty());
    ASSERT_EQ(ev.results.size(), 1u);
    EXPECT_EQ(ev.results[0].outcome, TrainingOutcome::Finished);
    EXPECT_EQ(ev.results[0].modelPath, dir_.file("m.nfm"));
    EXPECT_TRUE(fs::exists(dir_.file("m.nfm")));
    EXPECT_NE(slurp(dir_.file("m.nfm")).find("/home/me/my tunes"), std::string::npos) << "the data's label in the provenance";
}

TEST_F(CliRemoteTrain, RefusesWhatDoesNotFitTogether) {
    const std::string base = "train --corpus '" + dir_.file("corpus.nftok") + "' --out '" + dir_.file("m.nfm") + "'";
    EXPECT_EQ(cli(dir_, base + " --data /tmp"), 2);
    EXPECT_NE(slurp(dir_.file("err.txt")).find("--corpus is the data already tokenized"), std::string::npos);
    EXPECT_EQ(cli(dir_, base + " --config '" + dir_.file("config.json") + "' --model transformer"), 2);
    EXPECT_NE(slurp(dir_.file("err.txt")).find("--config gives the whole configuration"), std::string::npos);
    EXPECT_EQ(cli(dir_, base + " --model transformer --repr remi"), 1) << "tokenized as abc-chars";
    EXPECT_NE(slurp(dir_.file("err.txt")).find("tokenized with other settings"), std::string::npos) << slurp(dir_.file("err.txt"));
    std::ofstream(dir_.file("bad.nftok")) << "NFTOKC1\nrubbish-rubbish-rubbish";
    EXPECT_EQ(cli(dir_, "train --corpus '" + dir_.file("bad.nftok") + "' --out '" + dir_.file("m.nfm") + "'"), 1);
    EXPECT_NE(slurp(dir_.file("err.txt")).find("bad.nftok: token file cut short"), std::string::npos) << slurp(dir_.file("err.txt"));
}

// The studio pauses, resumes and stops a run on another machine with signals through ssh.
TEST_F(CliRemoteTrain, SignalsPauseResumeAndStopWithACheckpoint) {
    const std::string cliPath = NF_CLI_PATH;
    const std::vector<std::string> args{cliPath, "train", "--corpus", dir_.file("corpus.nftok"), "--config", dir_.file("config.json"),
                                        "--epochs", "500", "--out", dir_.file("m.nfm"), "--events", dir_.file("ev.jsonl"),
                                        "--quiet"};
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, dir_.file("out.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&files, 2, dir_.file("err.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&files);
    const auto waitFor = [&](auto condition) {
        for (int i = 0; i < 600; ++i) {
            if (condition(readEvents(dir_.file("ev.jsonl")))) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    };
    ASSERT_TRUE(waitFor([](const Recorder& r) { return !r.progress.empty(); })) << slurp(dir_.file("err.txt"));
    kill(pid, SIGUSR1);
    EXPECT_TRUE(waitFor([](const Recorder& r) { return r.progress.back().paused; })) << "SIGUSR1 pauses";
    const auto pausedSteps = readEvents(dir_.file("ev.jsonl")).progress.size();
    kill(pid, SIGUSR2);
    EXPECT_TRUE(waitFor([&](const Recorder& r) { return r.progress.size() > pausedSteps + 1 && !r.progress.back().paused; }))
        << "SIGUSR2 resumes";
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << slurp(dir_.file("err.txt"));
    const Recorder ev = readEvents(dir_.file("ev.jsonl"));
    ASSERT_EQ(ev.results.size(), 1u);
    EXPECT_EQ(ev.results[0].outcome, TrainingOutcome::Stopped);
    EXPECT_TRUE(fs::exists(ev.results[0].checkpointPath)) << ev.results[0].checkpointPath;
}

}  // namespace
}  // namespace nf

#endif
