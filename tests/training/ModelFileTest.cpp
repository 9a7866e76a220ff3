// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "TrainingTestUtil.h"
#include "training/ModelFile.h"
#include "training/engine/SequenceModel.h"
#include "training/Trainer.h"

using namespace nf;

namespace {

ModelFile sampleFile() {
    ModelFile f;
    f.kind = ModelFileKind::Checkpoint;
    f.configJson = TrainingConfig::forModel(ModelKind::Lstm).toJson();
    f.infoJson = R"({"note":"test"})";
    f.vocabulary = {"ON_60", "\n", std::string("\xff\x00z", 3), ""};
    f.metricsJson = R"({"history":[]})";
    f.cardJson = R"({"name":"folk","sources":[]})";
    f.tensors.push_back({"a", {2, 3}, {1, -2, 3.5f, 0, 1e-30f, -1e30f}});
    f.tensors.push_back({"scalar", {}, {42}});
    f.tensors.push_back({"empty", {0, 4}, {}});
    f.blobs.push_back({"optimizer", {0, 1, 2, 255}});
    return f;
}

std::string expectError(std::span<const std::uint8_t> bytes) {
    try {
        parseModelFile(bytes, "m.nfm");
    } catch (const ModelFileError& e) {
        return e.what();
    }
    ADD_FAILURE() << "parsed without error";
    return {};
}

}  // namespace

TEST(ModelFile, RoundTripsEveryPartExactly) {
    const ModelFile f = sampleFile();
    const auto bytes = serializeModelFile(f);
    const ModelFile g = parseModelFile(bytes, "m.nfm");
    EXPECT_EQ(g.kind, f.kind);
    EXPECT_EQ(g.configJson, f.configJson);
    EXPECT_EQ(g.infoJson, f.infoJson);
    EXPECT_EQ(g.vocabulary, f.vocabulary);
    EXPECT_EQ(g.metricsJson, f.metricsJson);
    EXPECT_EQ(g.cardJson, f.cardJson);
    EXPECT_EQ(g.tensors, f.tensors);
    EXPECT_EQ(g.blobs, f.blobs);
    EXPECT_EQ(serializeModelFile(g), bytes);
}

// A model without a data card writes no CARD section: files of earlier versions keep their exact bytes.
TEST(ModelFile, AFileWithoutACardHasNoCardSection) {
    ModelFile f = sampleFile();
    f.cardJson.clear();
    const auto bytes = serializeModelFile(f);
    EXPECT_EQ(std::search(bytes.begin(), bytes.end(), std::begin("CARD"), std::end("CARD") - 1), bytes.end());
    EXPECT_TRUE(parseModelFile(bytes, "m.nfm").cardJson.empty());
    f.cardJson = "{}";
    EXPECT_GT(serializeModelFile(f).size(), bytes.size());
}

// The card read alone (for the studio's lists) is the card the whole file holds; none, damage and truncation say so.
TEST(ModelFile, TheCardReadsAloneWithoutTheTensors) {
    const test::TempDir dir("card");
    ModelFile f = sampleFile();
    writeModelFile(f, dir.file("with.nfm"));
    EXPECT_EQ(readModelCard(dir.file("with.nfm")), f.cardJson);
    f.cardJson.clear();
    writeModelFile(f, dir.file("without.nfm"));
    EXPECT_EQ(readModelCard(dir.file("without.nfm")), "");
    std::ofstream(dir.file("foreign.nfm")) << "not a model at all";
    EXPECT_THROW(readModelCard(dir.file("foreign.nfm")), ModelFileError);
    const auto bytes = serializeModelFile(f);
    std::ofstream(dir.file("cut.nfm"), std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), 40);
    EXPECT_THROW(readModelCard(dir.file("cut.nfm")), ModelFileError);
    EXPECT_THROW(readModelCard(dir.file("missing.nfm")), ModelFileError);
}

TEST(ModelFile, RefusesEveryTruncation) {
    const auto bytes = serializeModelFile(sampleFile());
    for (std::size_t n = 0; n < bytes.size(); n += (n < 64 ? 1 : 7)) {
        const std::string what = expectError(std::span(bytes.data(), n));
        EXPECT_TRUE(what.find("truncated") != std::string::npos || what.find("not a NoteForge model") != std::string::npos)
            << n << ": " << what;
        EXPECT_EQ(what.rfind("m.nfm", 0), 0u) << what;
    }
}

TEST(ModelFile, RefusesNewerVersionsForeignFilesAndDamage) {
    auto bytes = serializeModelFile(sampleFile());
    auto newer = bytes;
    newer[8] = static_cast<std::uint8_t>(ModelFile::kFormatVersion + 1);
    EXPECT_NE(expectError(newer).find("newer"), std::string::npos);

    const std::string text = "MThd this is a MIDI file, not a model";
    EXPECT_NE(expectError(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size())).find("not a NoteForge model"),
              std::string::npos);

    auto damaged = bytes;
    damaged[damaged.size() / 2] ^= 0x40;
    const std::string what = expectError(damaged);
    EXPECT_FALSE(what.empty());

    test::TempDir dir("modelfile");
    EXPECT_THROW(readModelFile(dir.file("missing.nfm")), ModelFileError);
    std::ofstream(dir.file("half.nfm"), std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size() / 2));
    EXPECT_THROW(SequenceModel::load(dir.file("half.nfm")), ModelFileError);
}

// The KIND section is read as a ModelFileKind: a word it does not know is refused, named, at its place.
TEST(ModelFile, RefusesAnUnknownKind) {
    auto bytes = serializeModelFile(sampleFile());
    const std::string word = "checkpoint";
    const auto at = std::search(bytes.begin(), bytes.end(), word.begin(), word.end());
    ASSERT_NE(at, bytes.end());
    *at = 'k';  // "kheckpoint"
    const std::string what = expectError(bytes);
    EXPECT_EQ(what.rfind("m.nfm:@", 0), 0u) << what;
    EXPECT_NE(what.find("unknown model file kind 'kheckpoint' (expected model, checkpoint or adapter)"), std::string::npos) << what;
}

TEST(ModelFile, WritesAtomicallyOverAnOldFile) {
    test::TempDir dir("atomic");
    const std::string path = dir.file("m.nfm");
    writeModelFile(sampleFile(), path);
    ModelFile second = sampleFile();
    second.kind = ModelFileKind::Model;
    writeModelFile(second, path);
    EXPECT_EQ(readModelFile(path).kind, ModelFileKind::Model);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
    EXPECT_EQ(files, 1u);  // no temporary left behind
}

// A small model written by an earlier build is checked in with the logits it produced; reading it with this
// build's LibTorch must give the same numbers. Set NF_REGENERATE_GOLDEN=1 to rewrite both files (only when the
// format changes on purpose).
TEST(ModelFile, ReadsTheCheckedInModel) {
    const std::string dir = std::string(NF_TEST_DATA_DIR) + "/training";
    const std::string modelPath = dir + "/tiny-lstm.nfm";
    const std::string expectedPath = dir + "/tiny-lstm.expected.json";
    const std::vector<int> prompt{0, 3, 1, 2, 4, 4, 1};
    if (std::getenv("NF_REGENERATE_GOLDEN")) {
        std::filesystem::create_directories(dir);
        auto config = test::tinyConfig(ModelKind::Lstm);
        config.model.hiddenSize = 8;
        config.model.embedDim = 4;
        config.epochs = 3;
        TokenizedCorpus corpus = test::patternCorpus(2, 60, 5);
        Trainer(config, TrainerOptions{modelPath}).run(corpus);
        std::filesystem::remove(modelPath + ".ckpt");
        auto model = SequenceModel::load(modelPath);
        auto state = model.initialState();
        nlohmann::json expected;
        for (int t : prompt) expected.push_back(model.step(t, state));
        std::ofstream(expectedPath) << expected.dump(1) << '\n';
    }
    if (!std::filesystem::exists(modelPath)) GTEST_SKIP() << "no " << modelPath;
    const auto model = SequenceModel::load(modelPath);
    EXPECT_EQ(model.config().model.kind, ModelKind::Lstm);
    EXPECT_EQ(model.vocabSize(), 5);
    EXPECT_EQ(model.tokenizer().kind, TokenizerKind::Events);
    EXPECT_FALSE(model.history().empty());
    std::ifstream in(expectedPath);
    const auto expected = nlohmann::json::parse(in);
    auto state = model.initialState();
    for (std::size_t i = 0; i < prompt.size(); ++i) {
        const auto logits = model.step(prompt[i], state);
        const auto want = expected.at(i).get<std::vector<float>>();
        ASSERT_EQ(logits.size(), want.size());
        for (std::size_t v = 0; v < want.size(); ++v) EXPECT_NEAR(logits[v], want[v], 1e-4) << i << "/" << v;
    }
}
