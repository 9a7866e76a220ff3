// SPDX-License-Identifier: GPL-3.0-or-later
// The base models as a first-time user meets them (issue 18): `models` lists the shipped ones with their data
// cards, they generate with no training, `loss` measures them, and `train --init` fine-tunes one.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "TrainingTestUtil.h"
#include "support/CliRunner.h"
#include "training/LearnedInstruments.h"
#include "training/ModelFile.h"

namespace fs = std::filesystem;

#ifdef NF_CLI_PATH

namespace {

using nf::test::CliRun;

// The shared runner (tests/support/CliRunner.h) through env: the user's own folders are the test's, so only the
// base models shipped in resources/models are found.
CliRun cli(const nf::test::TempDir& dir, std::vector<std::string> args) {
    std::vector<std::string> all{"-u", "OMP_WAIT_POLICY", "-u", "NF_BASE_MODELS", "XDG_DATA_HOME=" + dir.file("data"),
                                 "XDG_CACHE_HOME=" + dir.file("cache"), NF_CLI_PATH};
    all.insert(all.end(), args.begin(), args.end());
    return nf::test::runCli("/usr/bin/env", dir.file(""), all);
}

std::string shipped(const std::string& name) { return (fs::path(NF_SOURCE_DIR) / "resources/models" / (name + ".nfm")).string(); }
std::string demoWaltzes() { return (fs::path(NF_SOURCE_DIR) / "resources/demo/abc/nottingham-waltzes-X1-30.abc").string(); }

// DIR/NAME: the demo waltzes' first `count` tunes.
void writeTunes(const nf::test::TempDir& dir, const std::string& name, int count) {
    fs::create_directories(dir.file("data"));
    std::ifstream in(demoWaltzes());
    std::ofstream out(dir.file(name));
    std::string line;
    int tunes = 0;
    while (std::getline(in, line)) {
        if (line.rfind("X:", 0) == 0 && ++tunes > count) break;
        out << line << '\n';
    }
}

// DIR/tunes.abc: three tunes, enough for a run: the training tests are about what starts and what is written, not
// about quality.
void writeThreeTunes(const nf::test::TempDir& dir) { writeTunes(dir, "tunes.abc", 3); }

// `folk` fine-tuned for one epoch on DIR/tunes.abc into DIR/mine.nfm, one of the three tunes held out.
CliRun fineTuneFolkOnThreeTunes(const nf::test::TempDir& dir) {
    writeThreeTunes(dir);
    return cli(dir, {"train", "--init", "folk", "--data", dir.file("tunes.abc"), "--out", dir.file("mine.nfm"), "--epochs", "1",
                     "--threads", "1", "--val-share", "0.34"});
}

}  // namespace

TEST(BaseModels, AreListedWithTheirDataCards) {
    nf::test::TempDir dir("models");
    const CliRun r = cli(dir, {"models", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto list = nlohmann::json::parse(r.out);
    std::set<std::string> names;
    for (const auto& m : list) {
        names.insert(m.at("name").get<std::string>());
        EXPECT_EQ(m.at("representation"), "remi");
        const auto& card = m.at("card");
        ASSERT_TRUE(card.is_object()) << m.at("name") << " has no data card";
        EXPECT_FALSE(card.at("sources").empty());
        for (const auto& s : card.at("sources")) {
            EXPECT_FALSE(s.at("licence").get<std::string>().empty());
            EXPECT_GT(s.at("files").get<int>(), 0);
        }
        EXPECT_GT(card.at("tokens").get<long long>(), 1000000);
        EXPECT_GT(card.at("held_out_loss").get<double>(), 0.0);
        EXPECT_FALSE(card.at("hardware").get<std::string>().empty());
        EXPECT_LE(fs::file_size(m.at("path").get<std::string>()), 20u * 1024 * 1024);
        // The parts its data had, which the studio's Add Part reads: folk heard no drums, multitrack did.
        const auto learned = nf::readLearnedInstruments(m.at("path").get<std::string>());
        ASSERT_TRUE(learned) << m.at("name");
        // The card's count of its data, or (a base retrained here) the trainer's of its training split.
        EXPECT_GT(learned->pieces, card.at("pieces").get<std::size_t>() * 8 / 10);
        EXPECT_LE(learned->pieces, card.at("pieces").get<std::size_t>());
        EXPECT_EQ(learned->piecesWithPart(-1) > 0, m.at("name") == "multitrack") << m.at("name");
    }
    EXPECT_TRUE(names.count("folk") && names.count("multitrack")) << r.out;
}

TEST(BaseModels, GenerateAndAreMeasuredWithNoTraining) {
    nf::test::TempDir dir("models-generate");
    CliRun r = cli(dir, {"generate", "--model", "folk", "--bars", "4", "--meter", "6/8", "--key", "D", "--seed", "3", "--threads", "1",
                         "--out", dir.file("jig.mid")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir.file("jig.mid")));
    r = cli(dir, {"loss", "--model", "folk", "--data", demoWaltzes(), "--threads", "2", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_GT(j.at("notes").get<int>(), 1000);
    // A model that knows folk tunes (these waltzes are among them): far below the uniform guess over its
    // vocabulary (about 6.6 nats per token).
    EXPECT_LT(j.at("nats_per_token").get<double>(), 1.5);
    // Both figures divide the same total.
    EXPECT_NEAR(j.at("nats_per_note").get<double>() * j.at("notes").get<double>(),
                j.at("nats_per_token").get<double>() * j.at("tokens").get<double>(), 1e-6 * j.at("tokens").get<double>());
}

TEST(BaseModels, TrainInitFineTunesABaseAndKeepsItsCard) {
    nf::test::TempDir dir("models-init");
    CliRun r = fineTuneFolkOnThreeTunes(dir);
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("fine-tuning " + shipped("folk")), std::string::npos) << r.out;
    const nf::ModelFile mine = nf::readModelFile(dir.file("mine.nfm"));
    const nf::ModelFile base = nf::readModelFile(shipped("folk"));
    EXPECT_EQ(mine.vocabulary, base.vocabulary);
    EXPECT_EQ(nlohmann::json::parse(mine.cardJson).at("fine_tuned_from").at("name"), "folk");
    // What it heard: its own training tunes and its base's pieces, said in its info (its card is the base's).
    const auto learned = nf::readLearnedInstruments(dir.file("mine.nfm"));
    ASSERT_TRUE(learned);
    EXPECT_EQ(learned->pieces, nf::readLearnedInstruments(shipped("folk"))->pieces +
                                   nlohmann::json::parse(mine.infoJson).at("trainPieces").get<std::size_t>());
    EXPECT_EQ(learned->piecesWithPart(-1), 0u);
    // The fine-tuning schedule: a third of the base's learning rate.
    EXPECT_NEAR(nlohmann::json::parse(mine.configJson).at("optimizer").at("learningRate").get<double>(),
                nlohmann::json::parse(base.configJson).at("optimizer").at("learningRate").get<double>() / 3, 1e-9);

    r = cli(dir, {"train", "--init", "no-such-base", "--data", dir.file("tunes.abc"), "--out", dir.file("x.nfm")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("folk"), std::string::npos) << "the error names the base models there are: " << r.err;
    r = cli(dir, {"train", "--init", "folk", "--preset", "base", "--data", dir.file("tunes.abc"), "--out", dir.file("x.nfm")});
    EXPECT_EQ(r.code, 2) << r.err;
}

// Low-rank adapters from the command line: a small file naming its base, that infills and is measured like a model.
TEST(BaseModels, TrainInitWithAdaptersWritesASmallFileThatOpensOnTheBase) {
    nf::test::TempDir dir("models-adapter");
    writeThreeTunes(dir);
    CliRun r = cli(dir, {"train", "--init", "folk", "--adapter-rank", "4", "--data", dir.file("tunes.abc"), "--out",
                         dir.file("mine.nfm"), "--epochs", "1", "--threads", "1", "--val-share", "0.34"});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("rank-4 adapters"), std::string::npos) << r.out;
    const nf::ModelFile mine = nf::readModelFile(dir.file("mine.nfm"));
    EXPECT_EQ(mine.kind, nf::ModelFileKind::Adapter);
    const auto config = nlohmann::json::parse(mine.configJson);
    EXPECT_EQ(config.at("model").at("adapter").at("rank"), 4);
    EXPECT_EQ(config.at("model").at("adapter").at("base"), "folk");
    // The base's own learning rate: three times full fine-tuning's.
    EXPECT_NEAR(config.at("optimizer").at("learningRate").get<double>(),
                nlohmann::json::parse(nf::readModelFile(shipped("folk")).configJson).at("optimizer").at("learningRate").get<double>(),
                1e-9);
    EXPECT_LT(fs::file_size(dir.file("mine.nfm")) * 10, fs::file_size(shipped("folk")));

    r = cli(dir, {"infill", demoWaltzes(), "--tune", "1", "--model", dir.file("mine.nfm"), "--bars", "3-4", "--seed", "2", "--threads", "1",
                  "--out", dir.file("filled.mid")});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir.file("filled.mid")));
    r = cli(dir, {"loss", "--model", dir.file("mine.nfm"), "--data", dir.file("tunes.abc"), "--threads", "1", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_GT(nlohmann::json::parse(r.out).at("notes").get<int>(), 100);

    // Adapters need a model to sit on.
    r = cli(dir, {"train", "--adapter-rank", "4", "--data", dir.file("tunes.abc"), "--out", dir.file("x.nfm")});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("--init"), std::string::npos) << r.err;
}

// A base model records no training folder; evaluate-infill --training-data says where it is, and the held-out pieces
// are then its validation split (the trainer's), not the whole folder.
TEST(BaseModels, EvaluateInfillTakesTheValidationSplitOfTheTrainingFolderNamed) {
    nf::test::TempDir dir("models-split");
    CliRun r = fineTuneFolkOnThreeTunes(dir);
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    fs::rename(dir.file("tunes.abc"), dir.file("moved.abc"));  // the folder the model recorded is gone
    const std::vector<std::string> quick{"--spans", "2", "--control-spans", "0", "--structure-pieces", "0", "--json"};
    auto evaluate = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"evaluate-infill", "--model", dir.file("mine.nfm")});
        args.insert(args.end(), quick.begin(), quick.end());
        return cli(dir, args);
    };
    r = evaluate({});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("--training-data"), std::string::npos) << r.err;

    r = evaluate({"--training-data", dir.file("moved.abc")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j.at("held_out"), "validation split of " + dir.file("moved.abc"));
    EXPECT_EQ(j.at("held_out_pieces"), 1);  // one of the three tunes, as training held it out
    // The whole file as held-out pieces, for contrast: all three tunes.
    r = evaluate({"--data", dir.file("moved.abc")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at("held_out_pieces"), 3);

    // Another file splits into other pieces: said in one line, and the run goes on.
    writeTunes(dir, "other.abc", 2);
    r = evaluate({"--training-data", dir.file("other.abc")});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find(dir.file("other.abc") + ": maybe not the data this model was trained on"), std::string::npos) << r.err;
    r = evaluate({"--training-data", dir.file("nowhere.abc")});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("nowhere.abc"), std::string::npos) << r.err;
    r = evaluate({"--training-data", dir.file("moved.abc"), "--data", dir.file("nowhere-else")});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("nowhere-else: no such file or folder"), std::string::npos) << r.err;
}

#endif
