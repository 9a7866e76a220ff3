// SPDX-License-Identifier: GPL-3.0-or-later
// Training is a module the programs load when asked to train (training/TrainingModule.h). Without it, or with a
// module they cannot trust, `train` and `benchmark train` fail at once with one line saying what to install,
// and everything else (inspect, generate, infill, accompany) works as before from a model trained elsewhere.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/CliRun.h"
#include "training/TrainingModuleAbi.h"

using nf::test::runCli;
namespace fs = std::filesystem;

namespace {

const fs::path kDemo = fs::path(NF_SOURCE_DIR) / "resources" / "demo";
// A remi lstm trained by NoteForge 0.1.0 (before training became a module): models of the previous release must
// keep opening. Made by tests/data/models/README.md's command.
const fs::path kModel = fs::path(NF_TEST_DATA_DIR) / "models" / "remi-lstm-0.1.0.nfm";

// Points the programs this test starts at another module file for the test's duration.
class ModuleOverride {
public:
    explicit ModuleOverride(const std::string& path) { setenv("NF_TRAINING_MODULE", path.c_str(), 1); }
    ~ModuleOverride() { unsetenv("NF_TRAINING_MODULE"); }
};

class CliTrainingModule : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("nf-module-" + std::to_string(getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

}  // namespace

TEST_F(CliTrainingModule, MissingModuleIsOneLineBeforeTheDataIsRead) {
    const std::string absent = (dir_ / "libnoteforge-training.so").string();
    ModuleOverride module(absent);
    const auto r = runCli({"train", "--data", kDemo.string(), "--out", (dir_ / "m.nfm").string(), "--epochs", "1"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    ASSERT_EQ(r.errLines().size(), 1u) << r.err;
    EXPECT_NE(r.err.find("noteforge-training"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(absent), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("reading"), std::string::npos) << "the data was read before the module was checked";
    EXPECT_FALSE(fs::exists(dir_ / "m.nfm"));

    const auto bench = runCli({"benchmark", "train", "--steps", "1"});
    EXPECT_EQ(bench.exitCode, 1) << bench.err;
    EXPECT_NE(bench.err.find("noteforge-training"), std::string::npos) << bench.err;
}

TEST_F(CliTrainingModule, ModuleOfAnotherInterfaceIsRefused) {
    ModuleOverride module(NF_FAKE_TRAINING_MODULE);
    const auto r = runCli({"train", "--data", kDemo.string(), "--out", (dir_ / "m.nfm").string(), "--epochs", "1"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    ASSERT_EQ(r.errLines().size(), 1u) << r.err;
    EXPECT_NE(r.err.find("interface 999"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("needs interface " + std::to_string(NF_TRAINING_ABI_VERSION)), std::string::npos) << r.err;
}

TEST_F(CliTrainingModule, FileThatIsNoLibraryIsRefused) {
    const fs::path bogus = dir_ / "libnoteforge-training.so";
    std::ofstream(bogus) << "not an ELF file\n";
    ModuleOverride module(bogus.string());
    const auto r = runCli({"train", "--data", kDemo.string(), "--out", (dir_ / "m.nfm").string(), "--epochs", "1"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    ASSERT_EQ(r.errLines().size(), 1u) << r.err;
    EXPECT_NE(r.err.find("cannot be loaded"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(bogus.string()), std::string::npos) << r.err;
}

TEST_F(CliTrainingModule, GenerationInfillAndAccompanimentNeedNoModule) {
    ModuleOverride module((dir_ / "absent.so").string());
    ASSERT_TRUE(fs::exists(kModel)) << kModel;
    const fs::path gen = dir_ / "gen.mid";
    auto r = runCli({"generate", "--model", kModel.string(), "--bars", "4", "--meter", "6/8", "--seed", "1", "--out",
                     gen.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    ASSERT_TRUE(fs::exists(gen));

    const fs::path tune = dir_ / "tune.mid";
    r = runCli({"convert", (kDemo / "abc" / "nottingham-hpps-X1-30.abc").string(), tune.string(), "--tune", "1"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = runCli({"infill", tune.string(), "--model", kModel.string(), "--bars", "2-3", "--seed", "2", "--out",
                (dir_ / "infill.mid").string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir_ / "infill.mid"));
    r = runCli({"accompany", tune.string(), "--model", kModel.string(), "--add", "bass", "--seed", "2", "--out",
                (dir_ / "bass.mid").string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir_ / "bass.mid"));
    r = runCli({"inspect", gen.string(), "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
}
