// SPDX-License-Identifier: GPL-3.0-or-later
// What NoteForge 0.1.0 wrote keeps working: its model files open without the training module, and a piece it
// generated regenerates byte for byte from the recipe inside the file (tests/data/recipes/README.md). Kinds
// ("lstm", "events", "abc-chars", ...) are parsed at these edges, so a change to how they are read shows here.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "cli/CliRun.h"

using nf::test::runCli;
namespace fs = std::filesystem;

namespace {

const fs::path kData = fs::path(NF_TEST_DATA_DIR);

std::string bytesOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

class CliCompatibility : public ::testing::TestWithParam<std::pair<const char*, const char*>> {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("nf-compat-" + std::to_string(getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

}  // namespace

TEST_P(CliCompatibility, APieceOfRelease010RegeneratesByteForByte) {
    const auto [model, piece] = GetParam();
    const fs::path original = kData / "recipes" / piece;
    const fs::path again = dir_ / (std::string("again") + original.extension().string());
    const auto r = runCli({"generate", "--recipe", original.string(), "--model", (kData / "models" / model).string(),
                           "--out", again.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(bytesOf(again), bytesOf(original)) << "the same model, seed and settings must give the same file";
}

INSTANTIATE_TEST_SUITE_P(Release010, CliCompatibility,
                         ::testing::Values(std::make_pair("events-lstm-0.1.0.nfm", "events-lstm-0.1.0-seed7.mid"),
                                           std::make_pair("paper-abc-0.1.0.nfm", "paper-abc-0.1.0-seed9.abc")));
