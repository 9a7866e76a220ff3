// SPDX-License-Identifier: GPL-3.0-or-later
// A transformer model file checked in (tests/data/models/tiny-transformer.nfm) opens without LibTorch, and the
// torch-free decoder gives the logits LibTorch gave when the file was written (tiny-transformer.expected.json: every 29th logit,
// written by test_training's TransformerGolden test, which checks LibTorch against the same numbers). Damaged
// copies of it are refused with a line naming the file.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "generation/GenerationModel.h"
#include "generation/TransformerDecoder.h"
#include "training/ModelFile.h"

using namespace nf;

namespace {

const std::string kModel = std::string(NF_TEST_DATA_DIR) + "/models/tiny-transformer.nfm";
const std::string kExpected = std::string(NF_TEST_DATA_DIR) + "/models/tiny-transformer.expected.json";

std::string refusal(const std::string& path) {
    try {
        GenerationModel::open(path);
    } catch (const ModelFileError& e) {
        return e.what();
    }
    return {};
}

std::filesystem::path scratch(const std::string& name) {
    return std::filesystem::temp_directory_path() / ("nf-core-" + std::to_string(::getpid()) + "-" + name);
}

}  // namespace

TEST(TransformerModelFile, TheCheckedInModelGivesLibTorchsLogits) {
    const auto model = GenerationModel::open(kModel);
    EXPECT_TRUE(model.config().model.isTransformer());
    EXPECT_EQ(model.tokenizer().settings().kind, TokenizerKind::Remi);
    std::ifstream in(kExpected);
    const auto expected = nlohmann::json::parse(in);
    const auto prompt = expected.at("prompt").get<std::vector<int>>();
    const auto sample = expected.at("vocab_sample").get<std::vector<int>>();
    const auto logits = expected.at("logits").get<std::vector<std::vector<float>>>();
    ASSERT_EQ(prompt.size(), logits.size());
    gen::WorkerPool pool(1);
    TransformerDecoder decoder(model.transformerWeights(), 1, pool);
    for (std::size_t i = 0; i < prompt.size(); ++i) {
        decoder.step(std::span<const int>(&prompt[i], 1));
        const auto got = decoder.logits(0);
        ASSERT_EQ(sample.size(), logits[i].size());
        for (std::size_t k = 0; k < sample.size(); ++k)
            ASSERT_NEAR(got[static_cast<std::size_t>(sample[k])], logits[i][k], 1e-4) << "token " << i << " logit " << sample[k];
    }
}

TEST(TransformerModelFile, DamagedCopiesAreRefusedNamingTheFile) {
    const ModelFile good = readModelFile(kModel);

    auto missing = good;
    std::erase_if(missing.tensors, [](const NamedTensor& t) { return t.name == "transformer.block0.attn.qkv.weight"; });
    const auto missingPath = scratch("missing.nfm");
    writeModelFile(missing, missingPath.string());
    std::string what = refusal(missingPath.string());
    EXPECT_NE(what.find(missingPath.string()), std::string::npos) << what;
    EXPECT_NE(what.find("transformer.block0.attn.qkv.weight"), std::string::npos) << what;

    auto reshaped = good;
    for (auto& t : reshaped.tensors)
        if (t.name == "transformer.norm.weight") {
            t.values.push_back(1.0f);
            t.shape[0] += 1;
        }
    const auto reshapedPath = scratch("reshaped.nfm");
    writeModelFile(reshaped, reshapedPath.string());
    what = refusal(reshapedPath.string());
    EXPECT_NE(what.find("another shape"), std::string::npos) << what;

    auto badHeads = good;
    auto config = nlohmann::json::parse(good.configJson);
    config["model"]["heads"] = 3;  // the width does not split into 3 heads
    badHeads.configJson = config.dump();
    const auto headsPath = scratch("heads.nfm");
    writeModelFile(badHeads, headsPath.string());
    what = refusal(headsPath.string());
    EXPECT_NE(what.find("damaged configuration"), std::string::npos) << what;
    EXPECT_NE(what.find("heads"), std::string::npos) << what;

    for (const auto& p : {missingPath, reshapedPath, headsPath}) std::filesystem::remove(p);
}
