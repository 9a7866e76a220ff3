// SPDX-License-Identifier: GPL-3.0-or-later
// Low-rank adapters (training/AdapterSettings.h, training/ModelAdapter.h): an adapter run trains the adapters alone,
// writes only them, and the file opens on top of the exact base it learnt on -- folded so that the model run equals
// the network that was trained.
#include <gtest/gtest.h>

#include <torch/torch.h>

#include <filesystem>
#include <fstream>

#include "TrainingTestUtil.h"
#include "generation/GenerationModel.h"
#include "training/ModelAdapter.h"
#include "training/ModelFile.h"
#include "training/Trainer.h"
#include "training/engine/MusicNet.h"
#include "training/engine/SequenceModel.h"
#include "training/engine/TensorIO.h"

using namespace nf;
using nf::test::TempDir;
namespace fs = std::filesystem;

namespace {

NamedTensor tensor(std::string name, std::vector<std::int64_t> shape, std::vector<float> values) {
    return {std::move(name), std::move(shape), std::move(values)};
}

const NamedTensor& named(const std::vector<NamedTensor>& tensors, const std::string& name) {
    for (const auto& t : tensors)
        if (t.name == name) return t;
    throw std::runtime_error("no tensor " + name);
}

// A tiny transformer base trained a little, then rank-2 adapters trained on it; returns the configuration used.
TrainingConfig trainBaseAndAdapter(const TempDir& dir, const TokenizedCorpus& corpus) {
    auto config = test::tinyConfig(ModelKind::Transformer);
    config.epochs = 2;
    Trainer(config, {dir.file("base.nfm")}).run(corpus);
    config.model.adapter.rank = 2;
    config.model.adapter.base = fs::absolute(dir.file("base.nfm")).string();
    config.epochs = 3;
    config.checkpointEvery = 1;
    TrainerOptions options{dir.file("adapter.nfm")};
    options.initFrom = dir.file("base.nfm");
    const auto result = Trainer(config, options).run(corpus);
    EXPECT_EQ(result.outcome, TrainingOutcome::Finished) << result.message;
    return config;
}

std::vector<float> logitsAfter(const std::string& model, const std::vector<int>& tokens) {
    const auto m = SequenceModel::load(model);
    auto state = m.initialState();
    return m.prime(tokens, state);
}

}  // namespace

TEST(ModelAdapter, FoldingAddsTheLowRankProductToTheWeightItNames) {
    // W [3, 2], A [1, 2], B [3, 1]: W + B A.
    const std::vector<NamedTensor> weights = {tensor("blk.fc1.weight", {3, 2}, {1, 2, 3, 4, 5, 6}),
                                              tensor("blk.fc1.bias", {3}, {0, 0, 0})};
    const std::vector<NamedTensor> adapters = {tensor("blk.fc1_adapter_a", {1, 2}, {1, -1}),
                                               tensor("blk.fc1_adapter_b", {3, 1}, {2, 0, 0.5f})};
    const auto folded = foldAdapters(weights, adapters, "x.nfm");
    ASSERT_EQ(folded.size(), 2u);
    EXPECT_EQ(named(folded, "blk.fc1.weight").values, (std::vector<float>{3, 0, 3, 4, 5.5f, 5.5f}));
    EXPECT_EQ(named(folded, "blk.fc1.bias").values, (std::vector<float>{0, 0, 0}));
    EXPECT_TRUE(isAdapterTensor("transformer.block0.attn.qkv_adapter_b"));
    EXPECT_FALSE(isAdapterTensor("transformer.block0.attn.qkv.weight"));
    EXPECT_EQ(adaptedWeightName("transformer.block0.attn.qkv_adapter_a"), "transformer.block0.attn.qkv.weight");

    // An unpaired adapter, one for a weight that is not there, and shapes that do not fit are refused.
    EXPECT_THROW(foldAdapters(weights, {adapters[0]}, "x.nfm"), ModelFileError);
    EXPECT_THROW(foldAdapters(weights, {tensor("blk.fc2_adapter_a", {1, 2}, {1, 1}), tensor("blk.fc2_adapter_b", {3, 1}, {1, 1, 1})},
                              "x.nfm"),
                 ModelFileError);
    EXPECT_THROW(foldAdapters(weights, {tensor("blk.fc1_adapter_a", {1, 3}, {1, 1, 1}), adapters[1]}, "x.nfm"), ModelFileError);
}

TEST(ModelAdapter, AdaptersAreForTransformersAndNameTheirBase) {
    auto config = test::tinyConfig(ModelKind::Transformer);
    config.model.vocabSize = 6;
    config.model.adapter.rank = 4;
    EXPECT_THROW(config.validate(), std::invalid_argument) << "no base named";
    config.model.adapter.base = "folk";
    EXPECT_NO_THROW(config.validate());
    // Written to the configuration and read back; a configuration without adapters does not mention them.
    EXPECT_EQ(TrainingConfig::fromJson(config.toJson()).model.adapter, config.model.adapter);
    auto plain = config;
    plain.model.adapter = {};
    EXPECT_EQ(plain.toJson().find("adapter"), std::string::npos);
    auto lstm = test::tinyConfig(ModelKind::Lstm);
    lstm.model.vocabSize = 6;
    lstm.model.adapter = config.model.adapter;
    EXPECT_THROW(lstm.validate(), std::invalid_argument);
}

TEST(ModelAdapter, ARunTrainsOnlyTheAdaptersAndWritesOnlyThem) {
    TempDir dir("adapter-train");
    const auto corpus = test::patternCorpus(3, 120);
    const auto config = trainBaseAndAdapter(dir, corpus);

    const ModelFile adapter = readModelFile(dir.file("adapter.nfm"));
    EXPECT_EQ(adapter.kind, ModelFileKind::Adapter);
    // Four projections a block, an A and a B each.
    ASSERT_EQ(adapter.tensors.size(), static_cast<std::size_t>(8 * config.model.layers));
    for (const auto& t : adapter.tensors) EXPECT_TRUE(isAdapterTensor(t.name)) << t.name;
    EXPECT_LT(fs::file_size(dir.file("adapter.nfm")), fs::file_size(dir.file("base.nfm")) / 2);
    // The adapters learnt (B started at zero) while the base stayed as it was: the run's checkpoint holds both.
    const ModelFile base = readModelFile(dir.file("base.nfm"));
    const ModelFile checkpoint = readModelFile(dir.file("adapter.nfm.ckpt"));
    double moved = 0;
    for (const auto& t : checkpoint.tensors) {
        if (t.name.ends_with("_adapter_b")) {
            for (float v : t.values) moved = std::max(moved, static_cast<double>(std::abs(v)));
        } else if (!isAdapterTensor(t.name)) {
            EXPECT_EQ(t, named(base.tensors, t.name)) << t.name << " is frozen";
        }
    }
    EXPECT_GT(moved, 1e-4);
}

TEST(ModelAdapter, AnAdapterOpensOnItsBaseAsTheNetworkItTrained) {
    TempDir dir("adapter-open");
    const auto corpus = test::patternCorpus(3, 120);
    auto config = trainBaseAndAdapter(dir, corpus);

    const ModelFile opened = openModelFile(dir.file("adapter.nfm"));
    EXPECT_EQ(opened.kind, ModelFileKind::Model);
    EXPECT_FALSE(TrainingConfig::fromJson(opened.configJson).model.adapter.enabled());
    for (const auto& t : opened.tensors) EXPECT_FALSE(isAdapterTensor(t.name)) << t.name;

    // The folded model computes what the trained network (adapters beside the frozen weights) computes.
    const ModelFile checkpoint = readModelFile(dir.file("adapter.nfm.ckpt"));
    config.model.vocabSize = static_cast<int>(checkpoint.vocabulary.size());
    engine::MusicNet net(config.model);
    engine::importParameters(*net, checkpoint.tensors, "ckpt");
    net->eval();
    torch::NoGradGuard noGrad;
    const std::vector<int> tokens = {0, 1, 2, 3, 1, 2, 4, 5, 0, 1};
    auto input = torch::tensor(std::vector<std::int64_t>(tokens.begin(), tokens.end()), torch::kInt64).unsqueeze(0);
    const auto expected = net->forward(input).first.select(1, static_cast<int64_t>(tokens.size()) - 1).squeeze(0);
    // (The checkpoint holds the last epoch's weights; the adapter file the best, which with no validation is the last.)
    const auto adapted = logitsAfter(dir.file("adapter.nfm"), tokens);
    ASSERT_EQ(adapted.size(), static_cast<std::size_t>(expected.size(0)));
    for (std::size_t i = 0; i < adapted.size(); ++i)
        EXPECT_NEAR(adapted[i], expected[static_cast<int64_t>(i)].item<float>(), 1e-4) << i;
    // ... and not what the base alone computes.
    const auto plain = logitsAfter(dir.file("base.nfm"), tokens);
    double differs = 0;
    for (std::size_t i = 0; i < plain.size(); ++i) differs = std::max(differs, static_cast<double>(std::abs(plain[i] - adapted[i])));
    EXPECT_GT(differs, 1e-3);
    // The checkpoint of the run opens too, with its adapters folded in.
    const auto fromCheckpoint = logitsAfter(dir.file("adapter.nfm.ckpt"), tokens);
    for (std::size_t i = 0; i < adapted.size(); ++i) EXPECT_NEAR(fromCheckpoint[i], adapted[i], 1e-4) << i;
    // The generator opens it as a model.
    EXPECT_NO_THROW(GenerationModel::open(dir.file("adapter.nfm")));
}

TEST(ModelAdapter, AnAdapterFindsItsBaseBesideItAndRefusesAnotherOne) {
    TempDir dir("adapter-base");
    trainBaseAndAdapter(dir, test::patternCorpus(3, 120));

    // Moved together to another folder: the recorded path is gone, the base beside it is found.
    fs::create_directories(dir.file("moved"));
    fs::rename(dir.file("base.nfm"), dir.file("moved/base.nfm"));
    fs::copy_file(dir.file("adapter.nfm"), dir.file("moved/adapter.nfm"));
    EXPECT_NO_THROW(openModelFile(dir.file("moved/adapter.nfm")));

    // Without its base: one line naming the adapter and the base it needs.
    try {
        openModelFile(dir.file("adapter.nfm"));
        ADD_FAILURE() << "opened an adapter without its base";
    } catch (const ModelFileError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find(dir.file("adapter.nfm")), std::string::npos) << what;
        EXPECT_NE(what.find("base.nfm"), std::string::npos) << what;
        EXPECT_EQ(what.find('\n'), std::string::npos) << what;
    }

    // A new data card or history for the base (`models --write-card`) leaves the weights and the adapter working.
    ModelFile base = readModelFile(dir.file("moved/base.nfm"));
    base.cardJson = "{\"description\": \"re-carded\"}";
    base.metricsJson = "{\"rows\": []}";
    writeModelFile(base, dir.file("moved/base.nfm"));
    EXPECT_NO_THROW(openModelFile(dir.file("moved/adapter.nfm")));

    // Another model under the base's name (the same network, one weight changed) is refused by its checksum ...
    ModelFile other = base;
    other.tensors.front().values.front() += 0.5f;
    writeModelFile(other, dir.file("moved/base.nfm"));
    try {
        openModelFile(dir.file("moved/adapter.nfm"));
        ADD_FAILURE() << "opened an adapter on another base";
    } catch (const ModelFileError& e) {
        EXPECT_NE(std::string(e.what()).find("checksum"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("moved/adapter.nfm"), std::string::npos) << e.what();
    }
    // ... unless the right one lies beside the adapter: the recorded path holds the other, the copy beside is taken.
    writeModelFile(other, dir.file("base.nfm"));
    writeModelFile(base, dir.file("moved/base.nfm"));
    ModelFile adapter = readModelFile(dir.file("moved/adapter.nfm"));
    EXPECT_NE(TrainingConfig::fromJson(adapter.configJson).model.adapter.base.find(dir.file("base.nfm")), std::string::npos);
    EXPECT_NO_THROW(openModelFile(dir.file("moved/adapter.nfm")));
}

TEST(ModelAdapter, AnAdapterRunResumesToTheWeightsOfAnUninterruptedOne) {
    TempDir dir("adapter-resume");
    const auto corpus = test::patternCorpus(3, 120);
    auto config = trainBaseAndAdapter(dir, corpus);  // 3 epochs straight through
    config.epochs = 2;
    TrainerOptions first{dir.file("resumed.nfm")};
    first.initFrom = dir.file("base.nfm");
    ASSERT_EQ(Trainer(config, first).run(corpus).outcome, TrainingOutcome::Finished);
    config.epochs = 3;
    TrainerOptions again{dir.file("resumed.nfm")};
    again.resumeFrom = dir.file("resumed.nfm.ckpt");
    ASSERT_EQ(Trainer(config, again).run(corpus).outcome, TrainingOutcome::Finished);
    const ModelFile straight = readModelFile(dir.file("adapter.nfm"));
    const ModelFile resumed = readModelFile(dir.file("resumed.nfm"));
    EXPECT_EQ(resumed.kind, ModelFileKind::Adapter);
    EXPECT_EQ(resumed.tensors, straight.tensors);
    EXPECT_EQ(TrainingConfig::fromJson(resumed.configJson).model.adapter, TrainingConfig::fromJson(straight.configJson).model.adapter);
}
