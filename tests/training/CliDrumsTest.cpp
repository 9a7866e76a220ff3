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
#include "training/ModelFile.h"
#include "training/TrainingConfig.h"

#include <fstream>
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

    // The model's loss on drum parts, per token and per hit; pieces without drums are skipped, not failed.
    const CliRun loss = cli(dir, {"loss", "--model", model, "--data", demo(), "--threads", "1", "--json"});
    ASSERT_EQ(loss.code, 0) << loss.err;
    const auto l = nlohmann::json::parse(loss.out);
    EXPECT_GT(l.at("pieces").get<int>(), 0);
    EXPECT_GT(l.at("skipped_pieces").get<int>(), 0) << "the demo's melodies have no drum part";
    ASSERT_EQ(l.at("skipped").size(), l.at("skipped_pieces").get<std::size_t>());
    EXPECT_FALSE(l.at("skipped")[0].at("file").get<std::string>().empty());
    EXPECT_FALSE(l.at("skipped")[0].at("reason").get<std::string>().empty());
    EXPECT_NE(loss.err.find(": skipped: "), std::string::npos) << "each skipped piece is named, with why";
    EXPECT_EQ(l.at("windows"), l.at("pieces")) << "a drum part is scored in one pass";
    EXPECT_GT(l.at("notes").get<long long>(), 0);
    EXPECT_GT(l.at("tokens").get<long long>(), l.at("notes").get<long long>()) << "steps and bars are tokens too";
    EXPECT_GT(l.at("nats_per_token").get<double>(), 0.0);
    EXPECT_LT(l.at("nats_per_token").get<double>(), 5.0) << "two epochs learn the steps at least";
    EXPECT_GT(l.at("nats_per_note").get<double>(), l.at("nats_per_token").get<double>());
}

// The paper's drum GAN from the command line: it trains on the demo data's drum parts, prints both losses and the
// held-out figure distance, writes the critic's loss to the metrics CSV, and generates its own meter by default.
TEST(CliDrums, TheDrumGanTrainsOnTheDemoDrumsAndWritesItsOwnMeterOnChannelTen) {
#ifndef NF_TEST_HAVE_TRAINING
    GTEST_SKIP() << "no training module in this build";
#endif
    nf::test::TempDir dir("drum-gan-cli");
    const std::string model = dir.file("gan.nfm");
    const CliRun train = cli(dir, {"train", "--model", "paper-drums-gan", "--gan-generator", "lstm", "--data", demo(),
                                   "--out", model, "--epochs", "2", "--threads", "1", "--quiet", "--no-cache",
                                   "--metrics", dir.file("gan.csv")});
    ASSERT_EQ(train.code, 0) << train.err;
    EXPECT_NE(train.out.find("generator loss"), std::string::npos) << train.out;
    EXPECT_NE(train.out.find("held-out drum figure distance"), std::string::npos) << train.out;
    std::ifstream csv(dir.file("gan.csv"));
    std::string header, row;
    ASSERT_TRUE(std::getline(csv, header) && std::getline(csv, row)) << "a header and a row";
    EXPECT_EQ(header.substr(header.rfind(',') + 1), "critic_loss");
    ASSERT_FALSE(row.empty());
    EXPECT_NE(row.back(), ',') << "the critic's loss is written: " << row;

    // A GAN has no likelihood to measure: refused in one line.
    const CliRun loss = cli(dir, {"loss", "--model", model, "--data", demo()});
    EXPECT_EQ(loss.code, 2) << loss.err;
    EXPECT_NE(loss.err.find("remi and drums models"), std::string::npos) << loss.err;

    const nf::ModelFile file = nf::readModelFile(model);
    const auto config = nf::TrainingConfig::fromJson(file.configJson);
    const std::string meter = std::to_string(config.model.gan.numerator) + "/" + std::to_string(config.model.gan.denominator);
    const CliRun gen = cli(dir, {"generate", "--model", model, "--bars", "4", "--seed", "3", "--out", dir.file("gan.mid")});
    ASSERT_EQ(gen.code, 0) << gen.err;
    EXPECT_NE(gen.out.find("4 bars of " + meter), std::string::npos) << gen.out;
    const nf::Score score = nf::readMidiFile(dir.file("gan.mid")).score;
    ASSERT_EQ(score.tracks.size(), 1u);
    EXPECT_EQ(score.tracks[0].channel, 9);
    EXPECT_GT(score.tracks[0].notes.size(), 0u);

    const std::string other = meter == "4/4" ? "6/8" : "4/4";
    const CliRun wrongMeter = cli(dir, {"generate", "--model", model, "--bars", "4", "--meter", other, "--out", dir.file("x.mid")});
    EXPECT_EQ(wrongMeter.code, 2);
    EXPECT_NE(wrongMeter.err.find("this drum GAN writes " + meter), std::string::npos) << wrongMeter.err;
    const CliRun wrongOption = cli(dir, {"train", "--model", "drums", "--gan-generator", "lstm", "--out", dir.file("y.nfm")});
    EXPECT_EQ(wrongOption.code, 2) << "--gan-generator belongs to the GAN";
    EXPECT_NE(wrongOption.err.find("--gan-generator is for --model paper-drums-gan"), std::string::npos) << wrongOption.err;
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
