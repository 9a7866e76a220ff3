// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli train and benchmark train as a user runs them: exit codes, outputs, plain progress lines when
// not on a terminal, resuming, and clear one-line errors.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "TrainingTestUtil.h"
#include "training/engine/SequenceModel.h"

namespace fs = std::filesystem;

#ifdef NF_CLI_PATH

namespace {

struct CliRun {
    int code = -1;
    std::string out, err;
};

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Runs the CLI with stdout and stderr redirected to files (so neither is a terminal), without any OpenMP wait
// policy of the caller's (the CLI chooses its own for training).
CliRun cli(const nf::test::TempDir& dir, const std::string& args) {
    const std::string cmd = "env -u OMP_WAIT_POLICY XDG_CACHE_HOME='" + dir.file("cache") + "' '" + NF_CLI_PATH + "' " + args + " > '" +
                            dir.file("out.txt") + "' 2> '" + dir.file("err.txt") + "'";
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir.file("out.txt")), slurp(dir.file("err.txt"))};
}

std::string demoAbc() { return (fs::path(NF_SOURCE_DIR) / "resources/demo/abc").string(); }

}  // namespace

TEST(CliTrain, TrainsResumesAndWritesModelAndMetrics) {
    if (!fs::exists(demoAbc())) GTEST_SKIP() << "no demo data";
    nf::test::TempDir dir("cli");
    const std::string common = "train --data '" + demoAbc() + "' --out '" + dir.file("m.nfm") +
                               "' --model lstm --repr abc-chars --hidden 24 --layers 1 --embed 8 --threads 1 --seq 32";
    CliRun r = cli(dir, common + " --epochs 2 --metrics '" + dir.file("m.csv") + "'");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("epoch 1: train loss"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("epoch 2: train loss"), std::string::npos);
    EXPECT_NE(r.out.find("BLAS"), std::string::npos);
    // Training restarts itself with OpenMP's idle workers sleeping (spinning ones fight other programs for cores).
    EXPECT_NE(r.out.find("OpenMP wait policy passive"), std::string::npos) << r.out;
    EXPECT_EQ(r.err.find('\r'), std::string::npos) << "no progress-bar redraws when not on a terminal";
    EXPECT_EQ(slurp(dir.file("m.csv")).rfind("epoch,step,wall_s,train_loss,train_acc,val_loss,val_acc,val_ppl,tokens_per_s,lr,critic_loss\n", 0), 0u);
    const auto model = nf::SequenceModel::load(dir.file("m.nfm"));
    EXPECT_EQ(model.tokenizer().kind, nf::TokenizerKind::AbcChars);
    EXPECT_EQ(model.config().model.hiddenSize, 24);

    r = cli(dir, common + " --epochs 3 --resume '" + dir.file("m.nfm.ckpt") + "'");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("resuming at epoch 3 of 3"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("epoch 2: train loss"), std::string::npos);
}

// The transformer as a user trains it on the demo data, then generates and infills with it (no LibTorch needed).
TEST(CliTrain, TrainsATransformerAndGeneratesAndInfillsWithIt) {
    if (!fs::exists(demoAbc())) GTEST_SKIP() << "no demo data";
    nf::test::TempDir dir("cli-transformer");
    CliRun r = cli(dir, "train --data '" + demoAbc() + "' --out '" + dir.file("t.nfm") +
                            "' --model transformer --repr remi --embed 16 --hidden 32 --layers 1 --heads 2 --seq 64 "
                            "--epochs 1 --threads 1");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("model transformer on remi"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("epoch 1: train loss"), std::string::npos) << r.out;
    const auto model = nf::SequenceModel::load(dir.file("t.nfm"));
    EXPECT_TRUE(model.config().model.isTransformer());
    EXPECT_EQ(model.config().model.heads, 2);

    r = cli(dir, "generate --model '" + dir.file("t.nfm") + "' --out '" + dir.file("g.mid") + "' --length 150 --seed 3");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir.file("g.mid")));
    const std::string piece = (fs::path(NF_SOURCE_DIR) / "resources/demo/midi/pianobooster").string();
    std::string first;
    for (const auto& e : fs::directory_iterator(piece)) if (first.empty() || e.path().string() < first) first = e.path().string();
    r = cli(dir, "infill '" + first + "' --model '" + dir.file("t.nfm") + "' --bars 2-3 --out '" + dir.file("i.mid") + "' --seed 3");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir.file("i.mid")));
}

TEST(CliTrain, ClearErrors) {
    nf::test::TempDir dir("cli-errors");
    CliRun r = cli(dir, "train --data '" + dir.file("nothing-here") + "' --out '" + dir.file("m.nfm") + "'");
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err.rfind("noteforge: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("nothing-here"), std::string::npos) << r.err;

    r = cli(dir, "train --data . --out m.nfm --model gru");
    EXPECT_EQ(r.code, 2);
    r = cli(dir, "train --data . --out m.nfm --model lstm --preset small");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("no presets"), std::string::npos) << r.err;
    r = cli(dir, "train --data . --out m.nfm --model transformer --heads 5");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("heads"), std::string::npos) << r.err;

    std::ofstream(dir.file("fake.ckpt")) << "not a checkpoint";
    r = cli(dir, "train --data . --out '" + dir.file("m.nfm") + "' --resume '" + dir.file("fake.ckpt") + "'");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("not a NoteForge model"), std::string::npos) << r.err;
}

TEST(CliBenchmark, ReportsStepTimeFlopsSgemmAndBlas) {
    nf::test::TempDir dir("cli-bench");
    const CliRun r = cli(dir, "benchmark train --model lstm --vocab 50 --batch 4 --seq 8 --steps 2 --warmup 1 --threads 1");
    ASSERT_EQ(r.code, 0) << r.err;
    for (const char* what : {"median step", "GFLOP/s", "sgemm 2048^2", "BLAS loaded:"})
        EXPECT_NE(r.out.find(what), std::string::npos) << what << "\n" << r.out;
}

#endif
