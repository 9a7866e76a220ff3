// SPDX-License-Identifier: GPL-3.0-or-later
// Data-parallel training as a launcher starts it: noteforge-cli processes with torchrun's environment (RANK,
// WORLD_SIZE, MASTER_ADDR, MASTER_PORT), meeting over Gloo on the loopback address. Two ranks learn the same weights
// as one process with the combined batch (many-to-many with carried state and a batch that does not split evenly,
// and many-to-one with a short last batch); a two-rank run stopped mid-epoch resumes on one rank and ends where an
// uninterrupted run ends; a rank that dies or never comes ends the others with one line inside the timeout; rank 0
// alone writes files; --dist-backend is honoured or refused in one line; and torchrun itself (Debian's
// python3-torch) starts a run on the demo data.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <torch/version.h>

#include "TrainingTestUtil.h"
#include "support/CliRunner.h"
#include "tokenize/CorpusBuilder.h"
#include "tokenize/CorpusFile.h"
#include "training/ModelAdapter.h"
#include "training/ModelFile.h"
#include "training/TrainingConfig.h"
#include "training/TrainingEventLog.h"

extern char** environ;

namespace fs = std::filesystem;

#if defined(NF_CLI_PATH) && defined(NF_TEST_HAVE_TRAINING)

namespace nf {
namespace {

using Clock = std::chrono::steady_clock;

std::string slurp(const std::string& path) { return test::readWholeFile(path); }

using Recorder = test::EventRecorder;
Recorder readEvents(const std::string& path) { return test::readEventLog(path); }

// A port nobody listens on now (the kernel's choice), for one job's store.
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

// One noteforge-cli process, its output in `log`.out/.err, with `vars` added to this process's environment.
pid_t spawnCli(const std::vector<std::string>& args, const std::map<std::string, std::string>& vars, const std::string& log) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        const std::string name = entry.substr(0, entry.find('='));
        // Nothing of a launcher this test runs under (a CI job inside Slurm, say): only the ranks it makes itself.
        const bool launcher = name == "RANK" || name == "WORLD_SIZE" || name == "LOCAL_RANK" || name.rfind("MASTER_", 0) == 0 ||
                              name.rfind("TORCHELASTIC_", 0) == 0 || name.rfind("SLURM_", 0) == 0;
        if (!vars.count(name) && !launcher && name != "OMP_WAIT_POLICY") env.push_back(entry);
    }
    for (const auto& [name, value] : vars) env.push_back(name + "=" + value);
    std::vector<std::string> all{NF_CLI_PATH};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv, envp;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, (log + ".out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&files, 2, (log + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&files);
    return rc == 0 ? pid : -1;
}

// Exit status, or -1 when the process had not ended after `limit` (it is killed then).
int waitExit(pid_t pid, std::chrono::seconds limit) {
    const auto end = Clock::now() + limit;
    int status = 0;
    while (Clock::now() < end) {
        if (waitpid(pid, &status, WNOHANG) == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return -1;
}

std::map<std::string, std::string> rankEnv(int rank, int size, int port) {
    return {{"RANK", std::to_string(rank)}, {"WORLD_SIZE", std::to_string(size)}, {"LOCAL_RANK", std::to_string(rank)},
            {"MASTER_ADDR", "127.0.0.1"}, {"MASTER_PORT", std::to_string(port)}};
}

using test::weightDistance;

// Float sums taken in another order (each rank's share, then the exchange) differ in the last bits; after a few
// hundred Adam steps that stays far below what a wrong gradient (a rank's share not averaged, one rank's
// gradient alone, a slice twice) makes: those move weights by 1e-2 and more.
constexpr double kSameWeights = 2e-4;

class CliDataParallel : public ::testing::Test {
protected:
    void SetUp() override {
#ifndef NF_TEST_HAVE_GLOO
        GTEST_SKIP() << "this build's training module has no Gloo (libgloo-dev): data-parallel training is refused";
#endif
        const std::string abc = (fs::path(NF_SOURCE_DIR) / "resources/demo/abc").string();
        if (!fs::exists(abc)) GTEST_SKIP() << "no demo data";
        TrainingConfig c = TrainingConfig::forModel(ModelKind::Lstm);
        c.tokenizer.kind = TokenizerKind::AbcChars;
        c.model.hiddenSize = 24;
        c.model.layers = 1;
        c.model.embedDim = 8;
        c.model.dropout = 0;
        c.seqLength = 32;
        c.batchSize = 7;  // rows 3 and 4: the ranks' shares differ, so their losses must be weighted by tokens
        c.threads = 1;
        c.epochs = 1;
        c.checkpointEvery = 0;
        config_ = c;
        CorpusOptions co;
        co.useCache = false;
        writeCorpusFile(dir_.file("corpus.nftok"), buildCorpus(abc, c.tokenizer, co));
        writeConfig(c);
    }
    void writeConfig(const TrainingConfig& c) { std::ofstream(dir_.file("config.json"), std::ios::trunc) << c.toJson(); }
    std::vector<std::string> train(const std::string& out, std::vector<std::string> more = {}) const {
        std::vector<std::string> a{"train", "--corpus", dir_.file("corpus.nftok"), "--config", dir_.file("config.json"),
                                   "--out", dir_.file(out), "--quiet"};
        a.insert(a.end(), more.begin(), more.end());
        if (std::find(a.begin(), a.end(), "--dist-timeout") == a.end()) a.insert(a.end(), {"--dist-timeout", "20"});
        return a;
    }
    // Runs a job of two ranks to its end; both must succeed.
    void twoRanks(const std::vector<std::string>& rank0, const std::vector<std::string>& rank1) {
        const int port = freePort();
        const pid_t r1 = spawnCli(rank1, rankEnv(1, 2, port), dir_.file("r1"));
        const pid_t r0 = spawnCli(rank0, rankEnv(0, 2, port), dir_.file("r0"));
        ASSERT_GT(r0, 0);
        ASSERT_GT(r1, 0);
        EXPECT_EQ(waitExit(r0, std::chrono::seconds(240)), 0) << slurp(dir_.file("r0.err"));
        EXPECT_EQ(waitExit(r1, std::chrono::seconds(60)), 0) << slurp(dir_.file("r1.err"));
    }
    int oneRank(const std::vector<std::string>& args) {
        return waitExit(spawnCli(args, {}, dir_.file("one")), std::chrono::seconds(240));
    }
    TrainingConfig config_;
    nf::test::TempDir dir_{"cli-ddp"};
};

TEST_F(CliDataParallel, TwoRanksLearnWhatOneLearnsFromTheCombinedBatch) {
    ASSERT_EQ(oneRank(train("one.nfm", {"--events", dir_.file("one.jsonl")})), 0) << slurp(dir_.file("one.err"));
    // Rank 1 is given paths of its own: it must write none of them (under torchrun all ranks get the same ones).
    twoRanks(train("two.nfm", {"--events", dir_.file("two.jsonl"), "--metrics", dir_.file("two.csv")}),
             train("r1.nfm", {"--events", dir_.file("r1.jsonl"), "--metrics", dir_.file("r1.csv")}));
    ASSERT_TRUE(fs::exists(dir_.file("two.nfm")));
    EXPECT_TRUE(fs::exists(dir_.file("two.csv")));
    EXPECT_FALSE(fs::exists(dir_.file("r1.nfm")) || fs::exists(dir_.file("r1.nfm.ckpt")) || fs::exists(dir_.file("r1.jsonl")) ||
                 fs::exists(dir_.file("r1.csv")))
        << "only rank 0 writes files";
    EXPECT_NE(slurp(dir_.file("r0.out")).find("rank 0 of 2 (Gloo)"), std::string::npos) << slurp(dir_.file("r0.out"));
    EXPECT_NE(slurp(dir_.file("r1.out")).find("rank 1: done"), std::string::npos) << slurp(dir_.file("r1.out"));
    EXPECT_LT(weightDistance(dir_.file("one.nfm"), dir_.file("two.nfm")), kSameWeights);

    // The same figures: training loss, held-out loss and accuracy, as one process computes them on the whole batch.
    const Recorder one = readEvents(dir_.file("one.jsonl")), two = readEvents(dir_.file("two.jsonl"));
    ASSERT_EQ(one.rows.size(), two.rows.size());
    ASSERT_FALSE(one.rows.empty());
    for (std::size_t i = 0; i < one.rows.size(); ++i) {
        EXPECT_EQ(one.rows[i].step, two.rows[i].step);
        EXPECT_NEAR(one.rows[i].trainLoss, two.rows[i].trainLoss, 1e-4);
        EXPECT_NEAR(one.rows[i].trainAccuracy, two.rows[i].trainAccuracy, 1e-4);
        ASSERT_EQ(bool(one.rows[i].valLoss), bool(two.rows[i].valLoss));
        if (!one.rows[i].valLoss) continue;
        EXPECT_NEAR(*one.rows[i].valLoss, *two.rows[i].valLoss, 1e-4);
        EXPECT_NEAR(*one.rows[i].valAccuracy, *two.rows[i].valAccuracy, 1e-4);
    }
    EXPECT_TRUE(one.rows.back().valLoss) << "the epoch's validation compared";
    ASSERT_EQ(two.results.size(), 1u);
    EXPECT_EQ(two.results[0].steps, one.results.at(0).steps) << "the same batches: the batch is the job's, not a rank's";
}

// Many-to-one (the paper's MIDI model): windows drawn at random, the last batch short, so one rank's share of it
// can be smaller than the other's.
TEST_F(CliDataParallel, ManyToOneWithAShortLastBatch) {
    TrainingConfig c = config_;
    c.model.manyToOne = true;
    c.windowStride = 40;
    c.batchSize = 9;
    writeConfig(c);
    ASSERT_EQ(oneRank(train("one.nfm")), 0) << slurp(dir_.file("one.err"));
    twoRanks(train("two.nfm"), train("two.nfm"));
    EXPECT_LT(weightDistance(dir_.file("one.nfm"), dir_.file("two.nfm")), kSameWeights);
}

// A job stopped in the middle of an epoch (the launcher's SIGTERM reaches one rank first: the ranks agree to stop
// after the same step) checkpoints every rank's carried state; one process resumes it and ends where a run that
// was never interrupted ends.
TEST_F(CliDataParallel, AStoppedTwoRankRunResumesOnOneRank) {
    TrainingConfig c = config_;
    c.epochs = 2;
    writeConfig(c);
    ASSERT_EQ(oneRank(train("one.nfm")), 0) << slurp(dir_.file("one.err"));

    const int port = freePort();
    const auto args = train("two.nfm", {"--events", dir_.file("two.jsonl"), "--epochs", "2"});
    const pid_t r1 = spawnCli(args, rankEnv(1, 2, port), dir_.file("r1"));
    const pid_t r0 = spawnCli(args, rankEnv(0, 2, port), dir_.file("r0"));
    bool running = false;
    for (int i = 0; i < 2400 && !running; ++i) {
        const Recorder ev = readEvents(dir_.file("two.jsonl"));
        running = !ev.progress.empty() && ev.progress.back().stepInEpoch > 0;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    ASSERT_TRUE(running) << slurp(dir_.file("r0.err"));
    kill(r1, SIGTERM);  // rank 1 only: rank 0 learns of it through the step's exchange
    EXPECT_EQ(waitExit(r0, std::chrono::seconds(60)), 0) << slurp(dir_.file("r0.err"));
    EXPECT_EQ(waitExit(r1, std::chrono::seconds(60)), 0) << slurp(dir_.file("r1.err"));
    const Recorder stopped = readEvents(dir_.file("two.jsonl"));
    ASSERT_EQ(stopped.results.size(), 1u);
    ASSERT_EQ(stopped.results[0].outcome, TrainingOutcome::Stopped) << "the run ended before the signal: make it longer";
    const ModelFile ck = readModelFile(dir_.file("two.nfm.ckpt"));
    if (ck.infoJson.find("\"stepInEpoch\": 0,") == std::string::npos) {  // stopped inside an epoch
        const NamedTensor* h = ck.findTensor("carry.h");
        ASSERT_TRUE(h) << "the carried state is kept";
        EXPECT_EQ(h->shape.at(1), 7) << "of every rank's rows";
    }

    ASSERT_EQ(oneRank({"train", "--corpus", dir_.file("corpus.nftok"), "--out", dir_.file("two.nfm"), "--resume",
                       dir_.file("two.nfm.ckpt"), "--epochs", "2", "--threads", "1", "--quiet"}),
              0)
        << slurp(dir_.file("one.err"));
    EXPECT_LT(weightDistance(dir_.file("one.nfm"), dir_.file("two.nfm")), kSameWeights);
}

// Low-rank adapters on two ranks whose machines hold the same base at different paths: the run starts (the base's
// checksum, not its path, must agree) and rank 0 writes an adapter file, which the base opens.
TEST_F(CliDataParallel, AdaptersTrainOnTwoRanksWithTheBaseAtAnotherPathOnEach) {
    TrainingConfig c = config_;
    c.model.kind = ModelKind::Transformer;
    c.model.embedDim = 16;
    c.model.hiddenSize = 32;
    c.model.heads = 2;
    c.model.layers = 1;
    c.carryState = false;
    writeConfig(c);
    ASSERT_EQ(oneRank(train("base.nfm")), 0) << slurp(dir_.file("one.err"));
    fs::create_directories(dir_.file("a"));
    fs::create_directories(dir_.file("b"));
    fs::copy_file(dir_.file("base.nfm"), dir_.file("a/base.nfm"));
    fs::copy_file(dir_.file("base.nfm"), dir_.file("b/base.nfm"));
    twoRanks(train("adapter.nfm", {"--init", dir_.file("a/base.nfm"), "--adapter-rank", "2"}),
             train("adapter.nfm", {"--init", dir_.file("b/base.nfm"), "--adapter-rank", "2"}));
    const ModelFile adapter = readModelFile(dir_.file("adapter.nfm"));
    EXPECT_EQ(adapter.kind, ModelFileKind::Adapter);
    EXPECT_NO_THROW(openModelFile(dir_.file("adapter.nfm")));
}

TEST_F(CliDataParallel, ARankThatDiesEndsTheOthersWithinTheTimeout) {
    TrainingConfig c = config_;
    c.epochs = 500;
    writeConfig(c);
    const int port = freePort();
    const auto args = train("two.nfm", {"--events", dir_.file("two.jsonl"), "--dist-timeout", "10"});
    const pid_t r1 = spawnCli(args, rankEnv(1, 2, port), dir_.file("r1"));
    const pid_t r0 = spawnCli(args, rankEnv(0, 2, port), dir_.file("r0"));
    bool running = false;
    for (int i = 0; i < 2400 && !running; ++i) {
        running = !readEvents(dir_.file("two.jsonl")).progress.empty();
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    ASSERT_TRUE(running) << slurp(dir_.file("r0.err"));
    kill(r1, SIGKILL);
    waitExit(r1, std::chrono::seconds(10));
    const auto t0 = Clock::now();
    EXPECT_EQ(waitExit(r0, std::chrono::seconds(40)), 1) << "rank 0 must end, not hang";
    EXPECT_LT(Clock::now() - t0, std::chrono::seconds(30));
    const std::string err = slurp(dir_.file("r0.err"));
    // One line says it all (LibTorch may warn on lines of its own before it, e.g. of a host name that resolves nowhere).
    const auto at = err.find("noteforge: rank 0 of 2 lost the other ranks (");
    ASSERT_NE(at, std::string::npos) << err;
    const std::string line = err.substr(at, err.find('\n', at) - at);
    EXPECT_NE(line.find("so the run ends here"), std::string::npos) << line;
}

TEST_F(CliDataParallel, ARankAloneGivesUpAfterTheTimeout) {
    const auto t0 = Clock::now();
    const pid_t r0 = spawnCli(train("two.nfm", {"--dist-timeout", "3"}), rankEnv(0, 2, freePort()), dir_.file("r0"));
    EXPECT_EQ(waitExit(r0, std::chrono::seconds(60)), 1);
    EXPECT_LT(Clock::now() - t0, std::chrono::seconds(40));
    const std::string err = slurp(dir_.file("r0.err"));
    EXPECT_NE(err.find("rank 0 of 2 could not meet the other ranks at 127.0.0.1:"), std::string::npos) << err;
    EXPECT_FALSE(fs::exists(dir_.file("two.nfm")));
}

TEST_F(CliDataParallel, LauncherMistakesAreSaidAndOneRankTrainsAsEver) {
    EXPECT_EQ(waitExit(spawnCli(train("m.nfm"), {{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "4"}, {"SLURM_STEP_ID", "0"}}, dir_.file("r0")),
                       std::chrono::seconds(60)),
              1);
    EXPECT_NE(slurp(dir_.file("r0.err")).find("MASTER_ADDR is not set"), std::string::npos) << slurp(dir_.file("r0.err"));
    TrainingConfig c = config_;
    c.batchSize = 1;
    writeConfig(c);
    EXPECT_EQ(waitExit(spawnCli(train("m.nfm"), rankEnv(0, 2, freePort()), dir_.file("r0")), std::chrono::seconds(60)), 1);
    EXPECT_NE(slurp(dir_.file("r0.err")).find("--batch 1 is the whole job's batch and smaller than its 2 ranks"), std::string::npos)
        << slurp(dir_.file("r0.err"));
    writeConfig(config_);
    EXPECT_EQ(waitExit(spawnCli(train("m.nfm"), rankEnv(0, 1, freePort()), dir_.file("r0")), std::chrono::seconds(120)), 0)
        << slurp(dir_.file("r0.err"));
    EXPECT_TRUE(fs::exists(dir_.file("m.nfm")));
}

// --dist-backend: a backend named makes even one rank meet through it (how one checks NCCL on a single GPU), and
// matches a plain run; NCCL where it cannot work (a CPU rank here; CI's module has no NCCL either) is refused in one
// line before any rank waits; without a launcher there is nobody to exchange with.
TEST_F(CliDataParallel, ABackendNamedMeetsEvenAloneAndNcclIsRefusedWhereItCannotWork) {
    ASSERT_EQ(oneRank(train("one.nfm")), 0) << slurp(dir_.file("one.err"));
    EXPECT_EQ(waitExit(spawnCli(train("gloo.nfm", {"--dist-backend", "gloo"}), rankEnv(0, 1, freePort()), dir_.file("r0")),
                       std::chrono::seconds(240)),
              0)
        << slurp(dir_.file("r0.err"));
    EXPECT_NE(slurp(dir_.file("r0.out")).find("rank 0 of 1 (Gloo)"), std::string::npos) << slurp(dir_.file("r0.out"));
    EXPECT_LT(weightDistance(dir_.file("one.nfm"), dir_.file("gloo.nfm")), kSameWeights);

    const auto t0 = Clock::now();
    const pid_t r1 = spawnCli(train("nccl.nfm", {"--dist-backend", "nccl"}), rankEnv(1, 2, freePort()), dir_.file("r1"));
    EXPECT_EQ(waitExit(r1, std::chrono::seconds(60)), 1);
    EXPECT_LT(Clock::now() - t0, std::chrono::seconds(15)) << "refused before waiting for rank 0, which never comes";
    const std::string err = slurp(dir_.file("r1.err"));
    EXPECT_NE(err.find("--dist-backend nccl exchanges CUDA tensors, but this rank trains on the CPU"), std::string::npos) << err;
    EXPECT_FALSE(fs::exists(dir_.file("nccl.nfm")));

    EXPECT_EQ(oneRank(train("alone.nfm", {"--dist-backend", "nccl"})), 2);
    EXPECT_NE(slurp(dir_.file("one.err")).find("not started by torchrun or srun"), std::string::npos) << slurp(dir_.file("one.err"));
    EXPECT_EQ(oneRank(train("alone.nfm", {"--dist-backend", "gloo"})), 2);
    EXPECT_NE(slurp(dir_.file("one.err")).find("--dist-backend gloo: this process was not started by torchrun"), std::string::npos)
        << slurp(dir_.file("one.err"));
    EXPECT_FALSE(fs::exists(dir_.file("alone.nfm")));
}

// Ranks told different backends (one command typed per machine) would send CUDA tensors through different
// libraries and wait on each other forever: they agree on one first, then refuse the difference in one line.
TEST_F(CliDataParallel, RanksGivenDifferentBackendsAreRefusedNotHung) {
    const int port = freePort();
    const auto t0 = Clock::now();
    const pid_t r1 = spawnCli(train("two.nfm"), rankEnv(1, 2, port), dir_.file("r1"));
    const pid_t r0 = spawnCli(train("two.nfm", {"--dist-backend", "gloo"}), rankEnv(0, 2, port), dir_.file("r0"));
    EXPECT_EQ(waitExit(r0, std::chrono::seconds(60)), 1);
    EXPECT_EQ(waitExit(r1, std::chrono::seconds(60)), 1);
    EXPECT_LT(Clock::now() - t0, std::chrono::seconds(40));
    for (const char* rank : {"r0", "r1"}) {
        const std::string err = slurp(dir_.file(std::string(rank) + ".err"));
        EXPECT_NE(err.find("the ranks differ in their data, settings or checkpoint"), std::string::npos) << rank << ": " << err;
        EXPECT_NE(err.find("--dist-backend"), std::string::npos) << err;
    }
    EXPECT_FALSE(fs::exists(dir_.file("two.nfm")));
}

// The launcher the issue names, as Debian's python3-torch 1.13 runs it (its agent serves the store; the workers
// join it under their attempt's prefix).
TEST_F(CliDataParallel, TorchrunStartsTwoRanksOnTheDemoData) {
    // Debian's python3 (a python3 of one's own earlier on PATH may have no torch), with a torch of the trainer's
    // major version: the store's protocol is the launcher's.
    std::string python;
    const std::string check = " -c 'import torch, torch.distributed.run, sys; sys.exit(torch.__version__.split(\".\")[0] != \"" +
                              std::to_string(TORCH_VERSION_MAJOR) + "\")' > /dev/null 2>&1";
    for (const char* candidate : {"python3", "/usr/bin/python3"})
        if (python.empty() && std::system((candidate + check).c_str()) == 0) python = candidate;
    if (python.empty()) GTEST_SKIP() << "no python3-torch of LibTorch's major version " << TORCH_VERSION_MAJOR;
    const std::string cmd = "cd '" + dir_.path().string() + "' && env -u OMP_WAIT_POLICY -u RANK -u WORLD_SIZE " +
                            "timeout 300 " + python + " -m torch.distributed.run " +
                            "--nproc_per_node=2 --master_port=" + std::to_string(freePort()) +
                            " --redirects 1 --tee 1 --no_python '" + NF_CLI_PATH + "' train --corpus corpus.nftok --config config.json" +
                            " --out torchrun.nfm --metrics torchrun.csv --dist-timeout 60 > torchrun.log 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << slurp(dir_.file("torchrun.log"));
    const std::string log = slurp(dir_.file("torchrun.log"));
    EXPECT_NE(log.find("rank 1 of 2 (local 1), torchrun, store 127.0.0.1:"), std::string::npos) << log;
    EXPECT_NE(log.find("(the launcher's)"), std::string::npos) << "joined the agent's store";
    EXPECT_NE(log.find("trained 1 epoch,"), std::string::npos) << log;
    EXPECT_TRUE(fs::exists(dir_.file("torchrun.nfm")));
    ASSERT_EQ(oneRank(train("one.nfm")), 0) << slurp(dir_.file("one.err"));
    EXPECT_LT(weightDistance(dir_.file("one.nfm"), dir_.file("torchrun.nfm")), kSameWeights);
}

}  // namespace
}  // namespace nf

#endif
