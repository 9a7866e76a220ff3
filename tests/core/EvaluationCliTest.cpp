// SPDX-License-Identifier: GPL-3.0-or-later
// `noteforge-cli evaluate`: exit codes, one-line errors and the JSON report, run as a user would run it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "support/CliRunner.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

using namespace std::string_literals;
namespace fs = std::filesystem;

namespace {

#ifdef NF_CLI_PATH
const fs::path kCli = NF_CLI_PATH;
#else
const fs::path kCli;
#endif
const fs::path kShared = NF_SHARED_DATA;
const fs::path kMelodies = kShared / "midi" / "nottingham";

using CliOutcome = nf::test::CliRun;

class EvaluationCli : public ::testing::Test {
protected:
    void SetUp() override {
        if (kCli.empty() || !fs::exists(kCli)) GTEST_SKIP() << "noteforge-cli not built";
        if (!fs::exists(kMelodies)) GTEST_SKIP() << "no shared data at " << kShared;
        dir_ = fs::temp_directory_path() / ("nf-eval-cli-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        if (!dir_.empty()) fs::remove_all(dir_);
    }
    CliOutcome run(const std::vector<std::string>& args) { return nf::test::runCli(kCli, dir_, args); }
    fs::path dir_;
};

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

}  // namespace

TEST_F(EvaluationCli, JsonReportOfTrainingFilesShowsNoNovelty) {
    const CliOutcome r = run({"evaluate", (kMelodies / "hpps1.mid").string(), (kMelodies / "xmas1.mid").string(), "--against",
                       kMelodies.string(), "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["against"], kMelodies.string());
    ASSERT_EQ(j["pieces"].size(), 2u);
    EXPECT_EQ(j["summary"]["novel_pitch_4"], 0.0);
    EXPECT_EQ(j["summary"]["pieces"], 2);
    EXPECT_GT(j["training_pieces"].get<int>(), 100);
    EXPECT_TRUE(j["model"].is_null());
}

TEST_F(EvaluationCli, TextReportHasThePieceAndSummaryTables) {
    const CliOutcome r = run({"evaluate", (kMelodies / "hpps1.mid").string(), "--against", kMelodies.string(), "--label",
                       "mine"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("hpps1.mid"), std::string::npos);
    EXPECT_NE(r.out.find("figure"), std::string::npos);
    EXPECT_NE(r.out.find("mine"), std::string::npos);
    EXPECT_NE(r.out.find("training"), std::string::npos);
}

TEST_F(EvaluationCli, MissingGeneratedFileIsOneErrorLineAndExitOne) {
    const std::string missing = (dir_ / "nope.mid").string();
    const CliOutcome r = run({"evaluate", missing, (kMelodies / "hpps1.mid").string(), "--against", kMelodies.string()});
    EXPECT_EQ(r.code, 1);
    const auto errs = lines(r.err);
    ASSERT_EQ(errs.size(), 1u) << r.err;
    EXPECT_EQ(errs[0], "noteforge: " + missing + ": no such file or folder");
    EXPECT_NE(r.out.find("hpps1.mid"), std::string::npos);  // the readable piece is still evaluated
}

TEST_F(EvaluationCli, BrokenGeneratedFileNamesTheFileAndPlace) {
    const fs::path bad = dir_ / "bad.mid";
    std::ofstream(bad, std::ios::binary) << "MThd\0\0\0\6\0\1"s;
    const CliOutcome r = run({"evaluate", bad.string(), "--against", kMelodies.string()});
    EXPECT_EQ(r.code, 1);
    const auto errs = lines(r.err);
    ASSERT_GE(errs.size(), 1u);
    EXPECT_EQ(errs[0].rfind("noteforge: " + bad.string() + ":", 0), 0u) << errs[0];
}

TEST_F(EvaluationCli, TrainingDataThatIsMissingOrEmptyIsFailedWork) {
    CliOutcome r = run({"evaluate", (kMelodies / "hpps1.mid").string(), "--against", (dir_ / "none").string()});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
    fs::create_directories(dir_ / "empty");
    std::ofstream(dir_ / "empty" / "README.txt") << "no music here\n";
    r = run({"evaluate", (kMelodies / "hpps1.mid").string(), "--against", (dir_ / "empty").string()});
    EXPECT_EQ(r.code, 1);
    ASSERT_EQ(lines(r.err).size(), 1u) << r.err;
    EXPECT_NE(r.err.find("no MIDI or ABC piece"), std::string::npos);
}

TEST_F(EvaluationCli, UsageErrorsExitTwo) {
    EXPECT_EQ(run({"evaluate", (kMelodies / "hpps1.mid").string()}).code, 2);  // no --against
    EXPECT_EQ(run({"evaluate", "--against", kMelodies.string()}).code, 2);     // nothing to evaluate
    EXPECT_EQ(run({"evaluate", (kMelodies / "hpps1.mid").string(), "--against", kMelodies.string(), "--key-profile",
                   "nonsense"})
                  .code,
              2);
}

// A file that is not a model is refused in one line naming it, never reported with invented or blank figures.
// (The held-out loss of a real model is checked in tests/training/DemoModelCliTest.cpp, which trains one.)
TEST_F(EvaluationCli, AFileThatIsNotAModelIsOneClearError) {
    const fs::path model = dir_ / "m.nfmodel";
    std::ofstream(model) << "not a model";
    const CliOutcome r = run({"evaluate", (kMelodies / "hpps1.mid").string(), "--against", kMelodies.string(), "--model",
                       model.string(), "--json"});
    // Model files are read without LibTorch, so this holds in every build, with or without the training module.
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
    EXPECT_NE(r.err.find("m.nfmodel"), std::string::npos) << r.err;
    EXPECT_EQ(run({"evaluate", (kMelodies / "hpps1.mid").string(), "--against", kMelodies.string(), "--model",
                   (dir_ / "missing.nfmodel").string()})
                  .code,
              1);
}

TEST_F(EvaluationCli, TemperleyProfilesCanBeChosen) {
    const CliOutcome r = run({"evaluate", (kMelodies / "hpps1.mid").string(), "--against", kMelodies.string(),
                       "--key-profile", "temperley", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["key_profile"], "temperley");
}
