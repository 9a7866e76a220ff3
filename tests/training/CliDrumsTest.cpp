// SPDX-License-Identifier: GPL-3.0-or-later
// The `drums` model from the command line (issue 19): `train --model drums` learns the drum parts of the bundled
// demo data (the melodies are skipped, by name), `generate --bars` writes whole bars of drums on channel 10 in the
// meter asked for, and `evaluate-drums` measures them beside the data.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "TrainingTestUtil.h"
#include "drums/DrumPattern.h"
#include "smf/MidiFileReader.h"
#include "support/CliRunner.h"

namespace fs = std::filesystem;

#ifdef NF_CLI_PATH

namespace {

using nf::test::CliRun;

CliRun cli(const nf::test::TempDir& dir, const std::vector<std::string>& args) {
    return nf::test::runCli(NF_CLI_PATH, dir.file(""), args);
}

std::string demo() { return (fs::path(NF_SOURCE_DIR) / "resources/demo").string(); }

}  // namespace

TEST(CliDrums, TrainsOnTheDrumPartsGeneratesWholeBarsOnChannelTenAndMeasuresThem) {
#ifndef NF_TEST_HAVE_TRAINING
    GTEST_SKIP() << "no training module in this build";
#endif
    nf::test::TempDir dir("drums");
    const std::string model = dir.file("drums.nfm");
    const CliRun train = cli(dir, {"train", "--model", "drums", "--data", demo(), "--out", model, "--epochs", "2",
                                   "--threads", "1", "--quiet", "--no-cache"});
    ASSERT_EQ(train.code, 0) << train.err;
    EXPECT_NE(train.err.find("no drum track"), std::string::npos) << "melodies are skipped, saying why";

    const std::string out = dir.file("part.mid");
    const CliRun gen = cli(dir, {"generate", "--model", model, "--bars", "3", "--meter", "3/4", "--tempo", "90",
                                 "--seed", "5", "--variations", "2", "--out", out});
    ASSERT_EQ(gen.code, 0) << gen.err;
    EXPECT_NE(gen.out.find("drums on MIDI channel 10"), std::string::npos) << gen.out;
    for (const std::string name : {"part-1.mid", "part-2.mid"}) {
        const nf::Score score = nf::readMidiFile(dir.file(name)).score;
        ASSERT_EQ(score.tracks.size(), 1u) << name;
        EXPECT_EQ(score.tracks[0].channel, 9);
        EXPECT_TRUE(score.tracks[0].isDrum);
        ASSERT_FALSE(score.timeSignatures.empty());
        EXPECT_EQ(score.timeSignatures[0].numerator, 3);
        EXPECT_EQ(score.timeSignatures[0].denominator, 4);
        // Whole bars only: every hit lies inside the three bars of 3/4 asked for.
        for (const nf::Note& n : score.tracks[0].notes) {
            EXPECT_LT(n.start, 3 * 3 * score.ppq()) << name;
            EXPECT_TRUE(nf::drumClassOf(n.pitch).has_value()) << n.pitch;
        }
    }

    const CliRun eval = cli(dir, {"evaluate-drums", dir.file("part-1.mid"), dir.file("part-2.mid"), "--against", demo(), "--json"});
    ASSERT_EQ(eval.code, 0) << eval.err;
    const auto j = nlohmann::json::parse(eval.out);
    EXPECT_EQ(j.at("pieces"), 2);
    EXPECT_GT(j.at("data").at("bars").get<int>(), 100);
    EXPECT_LE(j.at("longest_copy_bars").get<int>(), 3) << "a part of three bars cannot copy more than three";
    EXPECT_GT(j.at("files").at("hits").get<int>(), 0);
}

TEST(CliDrums, RefusesWhatIsNotADrumsModelOrHasNoDrums) {
    nf::test::TempDir dir("drums-errors");
    const CliRun noDrums = cli(dir, {"evaluate-drums", (fs::path(demo()) / "abc").string()});
    EXPECT_EQ(noDrums.code, 2);
    EXPECT_NE(noDrums.err.find("no drum part"), std::string::npos) << noDrums.err;
    for (const std::vector<std::string>& extra : {std::vector<std::string>{"--preset", "small"}, {"--init", "folk"}, {"--repr", "remi"}}) {
        std::vector<std::string> args{"train", "--model", "drums", "--out", dir.file("x.nfm")};
        args.insert(args.end(), extra.begin(), extra.end());
        const CliRun badModel = cli(dir, args);
        EXPECT_EQ(badModel.code, 2) << extra[0];
        EXPECT_NE(badModel.err.find("--model drums"), std::string::npos) << badModel.err;
    }
    const std::string drums = (fs::path(NF_TEST_DATA_DIR) / "models" / "drums-lstm-0.1.0.nfm").string();
    const CliRun json = cli(dir, {"generate", "--model", drums, "--bars", "2", "--json", "--out", dir.file("j.mid")});
    EXPECT_EQ(json.code, 2) << "--json is refused, not ignored";
}

#endif
