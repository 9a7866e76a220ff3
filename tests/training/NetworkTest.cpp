// SPDX-License-Identifier: GPL-3.0-or-later
// The private LibTorch layer: the fused CPU LSTM kernel, Keras-compatible initialisation and optimiser settings,
// and weights surviving the model file exactly.
#include <gtest/gtest.h>

#include <cmath>

#include "TrainingTestUtil.h"
#include "training/engine/SequenceModel.h"
#include "training/engine/FusedLstm.h"
#include "training/engine/MusicNet.h"
#include "training/engine/TensorIO.h"

using namespace nf;
using namespace nf::engine;

TEST(FusedLstm, MatchesLibTorchsLstmInValuesAndGradients) {
    torch::manual_seed(3);
    const int64_t T = 7, B = 3, I = 5, H = 4;
    auto x = torch::randn({T, B, I}, torch::requires_grad());
    auto h0 = torch::randn({B, H}, torch::requires_grad());
    auto c0 = torch::randn({B, H}, torch::requires_grad());
    auto wIh = torch::randn({4 * H, I}, torch::requires_grad());
    auto wHh = torch::randn({4 * H, H}, torch::requires_grad());
    auto bIh = torch::randn({4 * H}, torch::requires_grad());
    auto bHh = torch::randn({4 * H}, torch::requires_grad());
    const std::vector<torch::Tensor> inputs{x, h0, c0, wIh, wHh, bIh, bHh};
    // A loss that uses every output, so every gradient path is exercised.
    auto lossOf = [](const torch::Tensor& y, const torch::Tensor& h, const torch::Tensor& c) {
        return (y * y).sum() + (h * 3).sum() + (c * c * 0.5).sum();
    };

    auto fused = fusedLstmLayer(x, h0, c0, wIh, wHh, bIh, bHh);
    auto fusedGrads = torch::autograd::grad({lossOf(fused[0], fused[1], fused[2])}, inputs);
    auto [y, hT, cT] = torch::lstm(x, {h0.unsqueeze(0), c0.unsqueeze(0)}, {wIh, wHh, bIh, bHh}, true, 1, 0.0, true, false, false);
    auto refGrads = torch::autograd::grad({lossOf(y, hT.squeeze(0), cT.squeeze(0))}, inputs);

    EXPECT_TRUE(torch::allclose(fused[0], y, 1e-5, 1e-6));
    EXPECT_TRUE(torch::allclose(fused[1], hT.squeeze(0), 1e-5, 1e-6));
    EXPECT_TRUE(torch::allclose(fused[2], cT.squeeze(0), 1e-5, 1e-6));
    const char* names[] = {"x", "h0", "c0", "weight_ih", "weight_hh", "bias_ih", "bias_hh"};
    for (std::size_t i = 0; i < inputs.size(); ++i)
        EXPECT_TRUE(torch::allclose(fusedGrads[i], refGrads[i], 1e-4, 1e-5)) << names[i];
}

TEST(MusicNet, BothKernelsGiveTheSameModel) {
    auto config = test::tinyConfig(ModelKind::Lstm);
    config.model.vocabSize = 9;
    torch::manual_seed(5);
    MusicNet net(config.model);
    net->eval();
    const auto tokens = torch::randint(9, {2, 6}, torch::kInt64);
    const auto fused = net->forward(tokens).first;
    config.model.lstmKernel = LstmKernel::Aten;
    MusicNet aten(config.model);
    importParameters(*aten, exportParameters(*net), "memory");
    aten->eval();
    EXPECT_TRUE(torch::allclose(fused, aten->forward(tokens).first, 1e-5, 1e-6));
}

// The last batch of an epoch is usually smaller than the others; a state carried from a full batch must not
// break it (it did: "The size of tensor a (3) must match the size of tensor b (4)"), in any model.
TEST(MusicNet, AStateFromAnotherBatchSizeContinuesRowByRow) {
    for (const ModelKind kind : {ModelKind::PaperMidi, ModelKind::PaperAbc, ModelKind::Lstm}) {
        for (const LstmKernel kernel : {LstmKernel::Fused, LstmKernel::Aten}) {
            auto config = test::tinyConfig(kind);
            config.model.vocabSize = 9;
            config.model.lstmKernel = kernel;
            torch::manual_seed(11);
            MusicNet net(config.model);
            net->eval();
            const auto full = torch::randint(9, {4, 5}, torch::kInt64);
            const LstmState carried = net->forward(full).second;
            ASSERT_EQ(carried.h.size(1), 4);

            // A partial batch of 3 rows continues rows 0..2.
            const auto next = torch::randint(9, {3, 5}, torch::kInt64);
            const auto partial = net->forward(next, carried);
            const LstmState firstRows{carried.h.narrow(1, 0, 3).contiguous(), carried.c.narrow(1, 0, 3).contiguous()};
            const auto expected = net->forward(next, firstRows);
            EXPECT_TRUE(torch::allclose(partial.first, expected.first, 1e-5, 1e-6)) << kind << " " << kernel;
            EXPECT_EQ(partial.second.h.size(1), 3) << kind;

            // A larger batch: the rows the state lacks start from zero, like a fresh piece.
            const auto wide = torch::randint(9, {6, 5}, torch::kInt64);
            const auto out = net->forward(wide, carried).first;
            const auto fresh = net->forward(wide.narrow(0, 4, 2)).first;
            EXPECT_TRUE(torch::allclose(out.narrow(0, 4, 2), fresh, 1e-5, 1e-6)) << kind << " " << kernel;
        }
    }
}

TEST(MusicNet, KerasInitialisation) {
    auto config = TrainingConfig::forModel(ModelKind::PaperMidi);
    EXPECT_EQ(config.model.forgetGateBias, 1.0);
    EXPECT_EQ(config.model.inputInit, InputInit::GlorotUniform);
    EXPECT_EQ(config.model.recurrentInit, RecurrentInit::Orthogonal);
    config.model.hiddenSize = 64;
    config.model.denseSize = 32;
    config.model.input = ModelInput::Embedding;
    config.model.embedDim = 24;
    config.model.vocabSize = 50;
    torch::manual_seed(7);
    MusicNet net(config.model);
    const int64_t H = 64;
    std::map<std::string, torch::Tensor> p;
    for (const auto& kv : net->named_parameters()) p[kv.key()] = kv.value();
    for (int l = 0; l < 3; ++l) {
        const std::string s = std::to_string(l);
        const auto bIh = p.at("lstm.bias_ih_l" + s), bHh = p.at("lstm.bias_hh_l" + s);
        EXPECT_TRUE(torch::equal(bIh.narrow(0, H, H), torch::ones({H}))) << "forget-gate bias 1";
        EXPECT_EQ(bIh.narrow(0, 0, H).abs().sum().item<float>(), 0.0f);
        EXPECT_EQ(bIh.narrow(0, 2 * H, 2 * H).abs().sum().item<float>(), 0.0f);
        EXPECT_EQ(bHh.abs().sum().item<float>(), 0.0f);
        // Orthogonal recurrent kernel: the [4H, H] weight has orthonormal columns.
        const auto w = p.at("lstm.weight_hh_l" + s);
        EXPECT_TRUE(torch::allclose(w.t().mm(w), torch::eye(H), 1e-4, 1e-4));
        // Glorot uniform: bounded by sqrt(6 / (fan_in + fan_out)), variance limit^2 / 3.
        const auto k = p.at("lstm.weight_ih_l" + s);
        const double limit = std::sqrt(6.0 / static_cast<double>(k.size(0) + k.size(1)));
        EXPECT_LE(k.abs().max().item<double>(), limit);
        EXPECT_NEAR(k.var().item<double>(), limit * limit / 3.0, 0.1 * limit * limit / 3.0);
    }
    EXPECT_EQ(p.at("dense.bias").abs().sum().item<float>(), 0.0f);
    EXPECT_EQ(p.at("out.bias").abs().sum().item<float>(), 0.0f);
    EXPECT_LE(p.at("embed.weight").abs().max().item<float>(), 0.05f);
}

TEST(MusicNet, TorchDefaultInitialisationIsSelectable) {
    auto config = test::tinyConfig(ModelKind::Lstm);
    config.model.vocabSize = 5;
    config.model.inputInit = InputInit::Torch;
    config.model.recurrentInit = RecurrentInit::Torch;
    config.model.forgetGateBias = 0.0;
    MusicNet net(config.model);
    for (const auto& kv : net->named_parameters())
        if (kv.key() == "lstm.bias_hh_l0") {
            EXPECT_GT(kv.value().abs().sum().item<float>(), 0.0f);
        }
}

TEST(Optimizer, RmspropUsesKerasRhoAndEpsilon) {
    const auto config = TrainingConfig::forModel(ModelKind::PaperMidi).optimizer;
    EXPECT_EQ(config.rmspropRho, 0.9);
    EXPECT_EQ(config.rmspropEpsilon, 1e-7);
    // One step from zero state: p -= lr * g / (sqrt((1 - rho) g^2) + eps). LibTorch's defaults (0.99, 1e-8)
    // give clearly different values for both a large and a tiny gradient.
    for (double g : {0.5, 1e-7}) {
        auto p = torch::ones({1}, torch::requires_grad());
        auto opt = makeOptimizer(config, {p});
        p.mutable_grad() = torch::full({1}, g);
        opt->step();
        const double expected = 1.0 - 1e-3 * g / (std::sqrt(0.1 * g * g) + 1e-7);
        EXPECT_NEAR(p.item<double>(), expected, 1e-7) << g;
    }
}

TEST(TensorIO, WeightsSurviveTheModelFileAndSequenceModelAgrees) {
    test::TempDir dir("tensorio");
    auto config = test::tinyConfig(ModelKind::Lstm);
    config.model.vocabSize = 7;
    config.tokenizer.kind = TokenizerKind::Events;
    torch::manual_seed(11);
    MusicNet net(config.model);
    net->eval();
    ModelFile file;
    file.configJson = config.toJson();
    // Appended, not "t" + std::to_string(i): GCC 12 warns wrongly (-Wrestrict) about that temporary.
    for (int i = 0; i < 7; ++i) file.vocabulary.push_back(std::string("t").append(std::to_string(i)));
    file.tensors = exportParameters(*net);
    writeModelFile(file, dir.file("m.nfm"));

    torch::manual_seed(12);  // a differently initialised twin
    MusicNet twin(config.model);
    importParameters(*twin, readModelFile(dir.file("m.nfm")).tensors, "m.nfm");
    for (const auto& kv : net->named_parameters()) EXPECT_TRUE(torch::equal(kv.value(), twin->named_parameters()[kv.key()])) << kv.key();

    const std::vector<int> prompt{1, 2, 3, 4, 5};
    auto expected = net->forward(torch::tensor(std::vector<int64_t>(prompt.begin(), prompt.end())).view({1, -1})).first;
    const auto model = SequenceModel::load(dir.file("m.nfm"));
    auto state = model.initialState();
    std::vector<float> stepped;
    for (int t : prompt) stepped = model.step(t, state);
    auto primedState = model.initialState();
    const auto primed = model.prime(prompt, primedState);
    ASSERT_EQ(stepped.size(), 7u);
    for (int v = 0; v < 7; ++v) {
        EXPECT_NEAR(stepped[static_cast<std::size_t>(v)], expected[0][4][v].item<float>(), 1e-5);
        EXPECT_NEAR(primed[static_cast<std::size_t>(v)], stepped[static_cast<std::size_t>(v)], 1e-5);
    }
    // A copied state continues independently of the original.
    auto fork = state;
    const auto a = model.step(6, state);
    const auto b = model.step(6, fork);
    EXPECT_EQ(a, b);
}
