// SPDX-License-Identifier: GPL-3.0-or-later
// The transformer in LibTorch (training/engine/TransformerNet) and through the Trainer: causal attention, learning,
// exact resumption, and its weights surviving the model file.
#include <gtest/gtest.h>

#include <torch/torch.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "TrainingTestUtil.h"
#include "training/ModelFile.h"
#include "training/Trainer.h"
#include "training/engine/MusicNet.h"
#include "training/engine/SequenceModel.h"
#include "training/engine/TensorIO.h"

using namespace nf;
using namespace nf::engine;
using nf::test::TempDir;

namespace {

double lastEpochAccuracy(const TrainingResult& r) {
    for (auto it = r.history.rbegin(); it != r.history.rend(); ++it)
        if (!it->step) return it->trainAccuracy;
    return 0;
}

std::vector<NamedTensor> weightsOf(const std::string& path) { return readModelFile(path).tensors; }

ModelConfig tinyModel(int vocab) {
    auto c = test::tinyConfig(ModelKind::Transformer).model;
    c.vocabSize = vocab;
    return c;
}

}  // namespace

TEST(TransformerNet, PresetsHaveTheAdvertisedSizes) {
    for (const auto& [preset, low, high] : {std::tuple{ModelSize::Small, 1.5e6, 2.5e6}, std::tuple{ModelSize::Base, 17e6, 23e6}}) {
        auto config = TrainingConfig::forModel(ModelKind::Transformer, preset);
        config.model.vocabSize = 300;
        config.validate();
        torch::manual_seed(1);
        MusicNet net(config.model);
        double n = 0;
        for (const auto& p : net->parameters()) n += static_cast<double>(p.numel());
        EXPECT_GT(n, low) << preset;
        EXPECT_LT(n, high) << preset;
    }
    EXPECT_THROW(parseEnum<ModelSize>("huge"), std::invalid_argument);
    EXPECT_THROW(TrainingConfig::forModel(ModelKind::Lstm, ModelSize::Small), std::invalid_argument);
}

TEST(TransformerNet, ChangingALaterTokenChangesNoEarlierOutput) {
    torch::manual_seed(3);
    MusicNet net(tinyModel(9));
    net->eval();
    torch::NoGradGuard noGrad;
    const auto tokens = torch::randint(9, {2, 20}, torch::kInt64);
    const auto before = net->forward(tokens).first;
    for (int64_t t : {0, 7, 18}) {
        auto changed = tokens.clone();
        changed.index_put_({torch::indexing::Slice(), t + 1}, (tokens.index({torch::indexing::Slice(), t + 1}) + 1) % 9);
        const auto after = net->forward(changed).first;
        // Positions up to t are exactly what they were; position t + 1 sees the new token.
        EXPECT_TRUE(torch::equal(before.narrow(1, 0, t + 1), after.narrow(1, 0, t + 1))) << t;
        EXPECT_FALSE(torch::allclose(before.narrow(1, t + 1, 1), after.narrow(1, t + 1, 1))) << t;
    }
}

TEST(TransformerNet, OnlyRelativePositionsMatter) {
    // Rotary positions: the same tokens read after a shift give the same outputs once the causal prefix is the same
    // length, i.e. outputs depend on what came before and how far back, not on absolute positions.
    const auto x = torch::randn({1, 2, 6, 8});
    const auto rotated = applyRotary(x);
    const auto q = rotated.select(2, 5), k = rotated.select(2, 2);  // distance 3
    const auto shifted = applyRotary(torch::cat({torch::zeros({1, 2, 4, 8}), x}, 2));
    const auto q2 = shifted.select(2, 9), k2 = shifted.select(2, 6);  // the same vectors, 4 positions later
    EXPECT_TRUE(torch::allclose((q * k).sum(-1), (q2 * k2).sum(-1), 1e-4, 1e-5));
}

TEST(Trainer, TransformerOverfitsATinyCorpus) {
    TempDir dir("overfit-transformer");
    auto config = test::tinyConfig(ModelKind::Transformer);
    config.seqLength = 48;  // the first tokens of a window lack context; with 48 they are few
    config.batchSize = 2;
    config.epochs = 60;
    const auto result = Trainer(config, {dir.file("m.nfm")}).run(test::patternCorpus(2, 240));
    EXPECT_EQ(result.outcome, TrainingOutcome::Finished);
    EXPECT_GE(lastEpochAccuracy(result), 0.97);
}

TEST(Trainer, TransformerResumesExactlyFromTheMiddleOfAnEpoch) {
    TempDir dir("resume-transformer");
    auto config = test::tinyConfig(ModelKind::Transformer);
    config.model.dropout = 0.2;  // exercises the random state
    config.valShare = 0.25;
    config.epochs = 3;
    config.checkpointEvery = 1;
    config.metricsEverySteps = 1;
    const auto corpus = test::patternCorpus(4, 120);
    Trainer(config, {dir.file("a.nfm")}).run(corpus);

    // Stopped from the observer in the middle of epoch 2, then resumed.
    struct Stopper : TrainingObserver {
        TrainingControl* control = nullptr;
        void onMetrics(const MetricsRow& r) override {
            if (r.step && *r.step >= 5) control->requestStop();
        }
    } stopper;
    TrainingControl control;
    stopper.control = &control;
    const auto stopped = Trainer(config, {dir.file("b.nfm")}).run(corpus, &stopper, &control);
    ASSERT_EQ(stopped.outcome, TrainingOutcome::Stopped);
    TrainerOptions resume{dir.file("b.nfm")};
    resume.resumeFrom = dir.file("b.nfm.ckpt");
    const auto resumed = Trainer(config, resume).run(corpus);
    EXPECT_EQ(resumed.epochsDone, 3);
    EXPECT_EQ(weightsOf(dir.file("a.nfm.ckpt")), weightsOf(dir.file("b.nfm.ckpt")));
}

TEST(TensorIO, TransformerWeightsSurviveTheModelFile) {
    TempDir dir("tensorio-transformer");
    auto config = test::tinyConfig(ModelKind::Transformer);
    config.model.vocabSize = 7;
    torch::manual_seed(11);
    MusicNet net(config.model);
    net->eval();
    ModelFile file;
    file.configJson = config.toJson();
    for (int i = 0; i < 7; ++i) file.vocabulary.push_back("t" + std::to_string(i));
    file.tensors = exportParameters(*net);
    writeModelFile(file, dir.file("m.nfm"));

    // Tied weights are stored once: the embedding is the output layer.
    for (const auto& t : file.tensors) EXPECT_EQ(t.name.find("out."), std::string::npos) << t.name;
    torch::manual_seed(12);
    MusicNet twin(config.model);
    importParameters(*twin, readModelFile(dir.file("m.nfm")).tensors, "m.nfm");
    for (const auto& kv : net->named_parameters())
        EXPECT_TRUE(torch::equal(kv.value(), twin->named_parameters()[kv.key()])) << kv.key();

    const std::vector<int> prompt{1, 2, 3, 4, 5};
    torch::NoGradGuard noGrad;
    const auto expected = net->forward(torch::tensor(std::vector<int64_t>(prompt.begin(), prompt.end())).view({1, -1})).first;
    const auto model = SequenceModel::load(dir.file("m.nfm"));
    auto state = model.initialState();
    std::vector<float> stepped;
    for (int t : prompt) stepped = model.step(t, state);
    ASSERT_EQ(stepped.size(), 7u);
    for (int v = 0; v < 7; ++v) EXPECT_NEAR(stepped[static_cast<std::size_t>(v)], expected[0][4][v].item<float>(), 1e-5);
}

TEST(TensorIO, ATransformerFileWithAMissingOrMisshapenTensorIsRefused) {
    TempDir dir("bad-transformer");
    auto config = test::tinyConfig(ModelKind::Transformer);
    config.model.vocabSize = 7;
    MusicNet net(config.model);
    ModelFile file;
    file.configJson = config.toJson();
    for (int i = 0; i < 7; ++i) file.vocabulary.push_back("t" + std::to_string(i));
    file.tensors = exportParameters(*net);

    auto missing = file;
    std::erase_if(missing.tensors, [](const NamedTensor& t) { return t.name == "transformer.block1.fc2.weight"; });
    writeModelFile(missing, dir.file("missing.nfm"));
    try {
        SequenceModel::load(dir.file("missing.nfm"));
        FAIL() << "a file without a block's weights loaded";
    } catch (const ModelFileError& e) {
        EXPECT_NE(std::string(e.what()).find("missing.nfm"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("transformer.block1.fc2.weight"), std::string::npos) << e.what();
    }
    auto config3 = config;
    config3.model.heads = 3;  // 16 does not split into 3 heads
    auto badConfig = file;
    badConfig.configJson = config3.toJson();
    writeModelFile(badConfig, dir.file("heads.nfm"));
    EXPECT_THROW(SequenceModel::load(dir.file("heads.nfm")), ModelFileError);
}

// The checked-in transformer (tests/data/models/tiny-transformer.nfm) read by LibTorch gives the logits stored
// beside it, which test_core's torch-free decoder must give too. NF_REGENERATE_GOLDEN=1 rewrites them from LibTorch
// (only when the model file is replaced on purpose; the README there says how it was trained).
TEST(TransformerGolden, LibTorchGivesTheStoredLogits) {
    const std::string dir = std::string(NF_TEST_DATA_DIR) + "/models/";
    const std::string modelPath = dir + "tiny-transformer.nfm";
    const std::string expectedPath = dir + "tiny-transformer.expected.json";
    const auto model = SequenceModel::load(modelPath);
    // A prompt longer than the model's context (so the stored figures cover the sliding window), from the remi
    // vocabulary's first tokens on.
    std::vector<int> prompt;
    for (int i = 0; i < model.config().seqLength + 9; ++i) prompt.push_back((i * 37 + 5) % model.vocabSize());
    // Every 29th logit is stored (the file stays small); those move with any change to any weight.
    std::vector<int> sample;
    for (int v = 0; v < model.vocabSize(); v += 29) sample.push_back(v);
    auto state = model.initialState();
    std::vector<std::vector<float>> logits;
    for (int t : prompt) {
        const auto all = model.step(t, state);
        std::vector<float> kept;
        for (int v : sample) kept.push_back(all[static_cast<std::size_t>(v)]);
        logits.push_back(kept);
    }
    if (std::getenv("NF_REGENERATE_GOLDEN")) {
        nlohmann::json j;
        j["prompt"] = prompt;
        j["vocab_sample"] = sample;
        j["logits"] = logits;
        std::ofstream(expectedPath) << j.dump() << '\n';
    }
    std::ifstream in(expectedPath);
    ASSERT_TRUE(in) << expectedPath;
    const auto expected = nlohmann::json::parse(in);
    ASSERT_EQ(expected.at("prompt").get<std::vector<int>>(), prompt);
    ASSERT_EQ(expected.at("vocab_sample").get<std::vector<int>>(), sample);
    const auto want = expected.at("logits").get<std::vector<std::vector<float>>>();
    ASSERT_EQ(want.size(), logits.size());
    for (std::size_t i = 0; i < want.size(); ++i)
        for (std::size_t v = 0; v < want[i].size(); ++v) ASSERT_NEAR(logits[i][v], want[i][v], 1e-4) << i << "/" << v;
}
