// SPDX-License-Identifier: GPL-3.0-or-later
// Training is a module the programs load when asked to train (training/TrainingModule.h). They look for a user's
// own module (a CUDA build, $XDG_DATA_HOME/noteforge/training) before the packaged one; one they cannot trust is
// refused with a warning line and the next is used. Without any, `train` and `benchmark train` fail at once with
// one line saying what to install, and everything else (inspect, generate, infill, accompany) works as before from
// a model trained elsewhere.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "cli/CliRun.h"
#include "training/TrainingModuleAbi.h"

using nf::test::runCli;
using nf::test::runProgram;
namespace fs = std::filesystem;

namespace {

const fs::path kDemo = fs::path(NF_SOURCE_DIR) / "resources" / "demo";
// A remi lstm trained by NoteForge 0.1.0 (before training became a module): models of the previous release must
// keep opening. Made by tests/data/models/README.md's command.
const fs::path kModel = fs::path(NF_TEST_DATA_DIR) / "models" / "remi-lstm-0.1.0.nfm";

// Sets an environment variable of the programs this test starts, for the test's duration.
class EnvOverride {
public:
    EnvOverride(const char* name, const std::string& value) : name_(name) { setenv(name, value.c_str(), 1); }
    ~EnvOverride() { unsetenv(name_); }
    EnvOverride(const EnvOverride&) = delete;
    EnvOverride& operator=(const EnvOverride&) = delete;

private:
    const char* name_;
};

// Points the programs this test starts at another module file for the test's duration.
class ModuleOverride : public EnvOverride {
public:
    explicit ModuleOverride(const std::string& path) : EnvOverride("NF_TRAINING_MODULE", path) {}
};

// The packaged module of this build: where the programs in build/app find it (TrainingModule.h).
[[maybe_unused]] fs::path packagedModule() {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(NF_CLI_PATH).parent_path().parent_path() / "lib"))
        if (entry.path().filename() == "libnoteforge-training.so") return entry.path();
    return {};
}

// A quick run through the module: two tiny timed steps.
const std::vector<std::string> kQuickBenchmark = {"benchmark", "train", "--model", "lstm", "--batch", "2",
                                                  "--seq", "8",         "--steps", "1",    "--warmup", "0"};

[[maybe_unused]] bool hasLineStarting(const std::string& text, const std::string& start) {
    return text.rfind(start, 0) == 0 || text.find("\n" + start) != std::string::npos;
}

class CliTrainingModule : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("nf-module-" + std::to_string(getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        // No module of the developer's own (~/.local/share/noteforge/training) may take part.
        xdg_ = std::make_unique<EnvOverride>("XDG_DATA_HOME", (dir_ / "xdg").string());
    }
    // Where the programs look for the user's own module during this test.
    fs::path userModule() const { return dir_ / "xdg" / "noteforge" / "training" / "libnoteforge-training.so"; }
    // A copy of noteforge-cli with no module beside it: an installation without noteforge-training.
    std::string lonelyCli() const {
        fs::create_directories(dir_ / "bin");
        fs::copy_file(NF_CLI_PATH, dir_ / "bin" / "noteforge-cli", fs::copy_options::overwrite_existing);
        return (dir_ / "bin" / "noteforge-cli").string();
    }
    std::unique_ptr<EnvOverride> xdg_;
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

}  // namespace

TEST_F(CliTrainingModule, MissingModuleIsOneLineBeforeTheDataIsRead) {
    const std::string absent = (dir_ / "libnoteforge-training.so").string();
    ModuleOverride module(absent);
    const std::string cli = lonelyCli();
    const auto r = runProgram(cli, {"train", "--data", kDemo.string(), "--out", (dir_ / "m.nfm").string(), "--epochs", "1"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    ASSERT_EQ(r.errLines().size(), 1u) << r.err;
    EXPECT_NE(r.err.find("noteforge-training"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(absent), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(userModule().string()), std::string::npos) << "the user's folder is named too: " << r.err;
    EXPECT_EQ(r.out.find("reading"), std::string::npos) << "the data was read before the module was checked";
    EXPECT_FALSE(fs::exists(dir_ / "m.nfm"));

    const auto bench = runProgram(cli, kQuickBenchmark);
    EXPECT_EQ(bench.exitCode, 1) << bench.err;
    EXPECT_NE(bench.err.find("noteforge-training"), std::string::npos) << bench.err;
}

// With nothing else to fall back on, a module of another interface is refused, saying which versions.
TEST_F(CliTrainingModule, ModuleOfAnotherInterfaceIsRefused) {
    ModuleOverride module(NF_FAKE_TRAINING_MODULE);
    const auto r = runProgram(lonelyCli(), {"train", "--data", kDemo.string(), "--out", (dir_ / "m.nfm").string(),
                                            "--epochs", "1"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    ASSERT_EQ(r.errLines().size(), 1u) << r.err;
    EXPECT_NE(r.err.find("interface 999"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("needs interface " + std::to_string(NF_TRAINING_ABI_VERSION)), std::string::npos) << r.err;
}

#ifdef NF_TEST_HAVE_TRAINING  // the packaged module to fall back on exists only in builds with LibTorch
// A user's module of another version (built from another NoteForge) is passed over with a warning, and the
// packaged module trains instead.
TEST_F(CliTrainingModule, AUserModuleOfAnotherInterfaceFallsBackToThePackagedOne) {
    ASSERT_FALSE(packagedModule().empty());
    fs::create_directories(userModule().parent_path());
    fs::copy_file(NF_FAKE_TRAINING_MODULE, userModule());
    const auto r = runCli(kQuickBenchmark);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(hasLineStarting(r.err, "warning: training module refused: " + userModule().string())) << r.err;
    EXPECT_NE(r.err.find("interface 999"), std::string::npos) << r.err;
    EXPECT_TRUE(hasLineStarting(r.out, "training module " + fs::canonical(packagedModule()).string())) << r.out;
}

#endif

// A file in the user's folder that is no library at all (a half-copied build, say) is refused the same way.
TEST_F(CliTrainingModule, FileThatIsNoLibraryIsRefused) {
    fs::create_directories(userModule().parent_path());
    std::ofstream(userModule()) << "not an ELF file\n";
#ifdef NF_TEST_HAVE_TRAINING  // with a packaged module to fall back on, the broken one is passed over with a warning
    const auto r = runCli(kQuickBenchmark);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(hasLineStarting(r.err, "warning: training module refused: " + userModule().string())) << r.err;
#endif

    const auto alone = runProgram(lonelyCli(), kQuickBenchmark);
    EXPECT_EQ(alone.exitCode, 1) << alone.err;
    ASSERT_EQ(alone.errLines().size(), 1u) << alone.err;
    EXPECT_NE(alone.err.find("cannot be loaded"), std::string::npos) << alone.err;
    EXPECT_NE(alone.err.find(userModule().string()), std::string::npos) << alone.err;
}

#ifdef NF_TEST_HAVE_TRAINING
// The user's own module (packaging/build-training-module.sh installs one there) comes before the packaged one, and
// the programs say which one trains.
TEST_F(CliTrainingModule, TheUsersOwnModuleIsUsedFirst) {
    const fs::path packaged = packagedModule();
    ASSERT_FALSE(packaged.empty());
    fs::create_directories(userModule().parent_path());
    fs::copy_file(packaged, userModule());
    auto r = runCli(kQuickBenchmark);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(hasLineStarting(r.out, "training module " + userModule().string())) << r.out;
    EXPECT_EQ(r.err.find("refused"), std::string::npos) << r.err;

    r = runCli({"train", "--data", (kDemo / "abc" / "nottingham-hpps-X1-30.abc").string(), "--out",
                (dir_ / "m.nfm").string(), "--model", "lstm", "--hidden", "16", "--layers", "1", "--embed", "8",
                "--seq", "16", "--epochs", "1", "--quiet"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(hasLineStarting(r.out, "training module " + userModule().string() + " (LibTorch ")) << r.out;
    EXPECT_TRUE(fs::exists(dir_ / "m.nfm"));
}

#endif

// Call and response, measured: the answer to a demo phrase, beside the time to the next downbeat (no LibTorch).
TEST_F(CliTrainingModule, TheAnswerBenchmarkTimesAnAnswerAgainstTheNextDownbeat) {
    ModuleOverride module((dir_ / "absent.so").string());
    const auto r = runCli({"benchmark", "answer", "--model", kModel.string(), "--repeats", "2", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (const char* field : {"\"median_ms\":", "\"max_ms\":", "\"budget_ms\":", "\"target_ms\":300", "\"answer_bars\":2"})
        EXPECT_NE(r.out.find(field), std::string::npos) << field << " in " << r.out;
    // The first demo tune is a 4/4 hornpipe at 120 bpm: one bar is two seconds.
    EXPECT_NE(r.out.find("\"budget_ms\":2000.0"), std::string::npos) << r.out;
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
    // A drum part says where it is and whether it is more than one bar looped (the demo job checks that line).
    r = runCli({"accompany", tune.string(), "--model", kModel.string(), "--add", "drums", "--seed", "2", "--out",
                (dir_ / "drums.mid").string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("drums: MIDI channel 10, "), std::string::npos) << r.out;
    r = runCli({"inspect", gen.string(), "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
}
