// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli generate / generate --recipe / benchmark generate / evaluate --compare, run as a user would.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "GenerationTestModels.h"
#include "dataset/Dataset.h"
#include "support/CliRunner.h"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) { return nf::test::readWholeFile(p); }

using nf::test::CliRun;

CliRun cli(const nf::test::TempDir& dir, const std::vector<std::string>& args) {
    return nf::test::runCli(NF_CLI_PATH, dir.path(), args);
}

}  // namespace

TEST(GenerationCli, GeneratesVariationsAndRegeneratesFromTheRecipe) {
    nf::test::TempDir dir("gen-cli");
    const std::string model = nf::test::generationTestModel("lstm");
    CliRun r = cli(dir, {"generate", "--model", model, "--out", dir.file("v.mid"), "--length", "120", "--variations", "3",
                      "--seed", "17", "--top-p", "0.9", "--primer-data", nf::test::generationTestData("lstm"), "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["pieces"].size(), 3u);
    for (int k = 1; k <= 3; ++k) EXPECT_TRUE(fs::exists(dir.file(nf::test::numberedName("v-", static_cast<long long>(k), ".mid"))));
    EXPECT_EQ(j["pieces"][1]["seed"], 18);
    r = cli(dir, {"generate", "--recipe", dir.file("v-2.mid"), "--out", dir.file("again.mid")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(slurp(dir.file("v-2.mid")), slurp(dir.file("again.mid")));
    EXPECT_NE(r.out.find("seed 18"), std::string::npos) << r.out;
    // What a DAW receives: every track named after its instrument, and the meter stated.
    const nf::Dataset written = nf::loadDataset(dir.file("v-2.mid"));
    ASSERT_EQ(written.pieces.size(), 1u);
    EXPECT_FALSE(written.pieces[0].score.timeSignatures.empty());
    for (const auto& t : written.pieces[0].score.tracks) {
        if (!t.notes.empty()) {
            EXPECT_FALSE(t.name.empty());
        }
    }
}

TEST(GenerationCli, WritesAbcForAbcModelsAndRefusesItForOthers) {
    nf::test::TempDir dir("gen-cli-abc");
    CliRun r = cli(dir, {"generate", "--model", nf::test::generationTestModel("paper-abc"), "--out", dir.file("t.abc"),
                      "--seed", "3", "--temperature", "0.6", "--primer-data", nf::test::generationTestData("paper-abc")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(slurp(dir.file("t.abc")).find("NoteForge recipe"), std::string::npos);
    r = cli(dir, {"generate", "--recipe", dir.file("t.abc"), "--out", dir.file("t2.abc")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(slurp(dir.file("t.abc")), slurp(dir.file("t2.abc")));
    r = cli(dir, {"generate", "--model", nf::test::generationTestModel("paper-midi"), "--out", dir.file("x.abc")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("abc-chars"), std::string::npos);
}

TEST(GenerationCli, BadInputIsOneClearLine) {
    nf::test::TempDir dir("gen-cli-bad");
    std::ofstream(dir.file("junk.nfm")) << "junk";
    CliRun r = cli(dir, {"generate", "--model", dir.file("junk.nfm"), "--out", dir.file("o.mid")});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("junk.nfm"), std::string::npos);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    r = cli(dir, {"generate", "--recipe", dir.file("junk.nfm"), "--out", dir.file("o.mid")});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("recipe"), std::string::npos) << r.err;
    r = cli(dir, {"generate", "--model", nf::test::generationTestModel("lstm"), "--out", dir.file("o.mid"), "--top-p", "0"});
    EXPECT_EQ(r.code, 2) << r.err;
    r = cli(dir, {"generate", "--model", nf::test::generationTestModel("paper-midi"), "--out", dir.file("o.mid"), "--bars", "4"});
    EXPECT_EQ(r.code, 2) << r.err;  // bars need an events model
}

TEST(GenerationCli, BenchmarkPrintsTheThreeFigures) {
    nf::test::TempDir dir("gen-cli-bench");
    CliRun r = cli(dir, {"benchmark", "generate", "--model", nf::test::generationTestModel("paper-midi"), "--length", "40",
                      "--variations", "4", "--windowed-tokens", "4", "--repeats", "1", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_GT(j["incremental_ms"].get<double>(), 0);
    EXPECT_GT(j["variations_ratio"].get<double>(), 0);
    EXPECT_GT(j["windowed_ratio"].get<double>(), 0);
    EXPECT_EQ(j["windowed_tokens_timed"], 4);
}

TEST(GenerationCli, EvaluateCompareTabulatesModelsSideBySide) {
    nf::test::TempDir dir("gen-cli-compare");
    const std::string data = (fs::path(NF_SOURCE_DIR) / "resources/demo/midi/pianobooster").string();
    CliRun r = cli(dir, {"evaluate", "--compare", nf::test::generationTestModel("paper-midi"),
                      nf::test::generationTestModel("lstm"), "--against", data, "--pieces", "2", "--length", "60", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["sets"].size(), 2u);
    EXPECT_EQ(j["sets"][0]["label"], "paper-midi-v4");
    EXPECT_EQ(j["sets"][1]["label"], "lstm-v4");
    r = cli(dir, {"evaluate", "--compare", nf::test::generationTestModel("paper-midi"), "--against", data, "--pieces", "2",
                  "--length", "60"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("paper-midi-v4"), std::string::npos);
    EXPECT_NE(r.out.find("novel 4-grams"), std::string::npos);
    EXPECT_EQ(cli(dir, {"evaluate", "--compare", dir.file("none.nfm"), "--against", data}).code, 1);
}
