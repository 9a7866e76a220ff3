// SPDX-License-Identifier: GPL-3.0-or-later
// The drum GAN's generator without LibTorch (drums/DrumGanNet, what the studio and the CLI generate with) computes
// what training's LibTorch generator computes, for the paper's generator (BatchNorm on its running statistics) and
// NoteForge's LSTM generator, from the tensors a model file stores.
#include <gtest/gtest.h>

#include "drums/DrumClass.h"
#include "drums/DrumGanNet.h"
#include "training/engine/DrumGan.h"
#include "training/engine/TensorIO.h"

using namespace nf;
using namespace nf::engine;

namespace {

template <typename Generator>
void expectTheSameBars(Generator generator, DrumGanGenerator kind) {
    DrumGanShape shape;
    shape.noise = 8;
    shape.hidden = 24;
    auto root = std::make_shared<torch::nn::Module>();
    root->register_module("generator", generator);
    // A few training-mode passes move BatchNorm's running statistics off their start (mean 0, variance 1), so the
    // test sees whether they are read.
    for (int i = 0; i < 3; ++i) generator->forward(torch::randn({16, shape.noise}) * 2 + 0.5);
    generator->eval();

    ModelConfig config = TrainingConfig::forModel(ModelKind::DrumGan).model;
    config.hiddenSize = shape.hidden;
    config.gan.generator = kind;
    config.gan.noise = shape.noise;
    ModelFile file;
    for (const auto& item : root->named_parameters()) file.tensors.push_back(fromTorch(item.key(), item.value()));
    for (const auto& item : root->named_buffers())
        if (item.value().is_floating_point()) file.tensors.push_back(fromTorch(item.key(), item.value()));
    const DrumGanNet net = DrumGanNet::fromModel(file, config, "test.nfm");
    ASSERT_EQ(net.steps(), 16);

    torch::NoGradGuard noGrad;
    for (int trial = 0; trial < 3; ++trial) {
        const auto noise = torch::randn({1, shape.noise});
        const auto expected = generator->forward(noise).contiguous();
        const std::vector<float> input(noise.template data_ptr<float>(), noise.template data_ptr<float>() + shape.noise);
        const std::vector<float> got = net.forward(input);
        ASSERT_EQ(got.size(), static_cast<std::size_t>(expected.numel()));
        const float* e = expected.template data_ptr<float>();
        for (std::size_t i = 0; i < got.size(); ++i) ASSERT_NEAR(got[i], e[i], 2e-5f) << "output " << i;
    }
    // A tensor missing from the file is named, not read as zeros.
    file.tensors.erase(file.tensors.begin());
    EXPECT_THROW(DrumGanNet::fromModel(file, config, "test.nfm"), ModelFileError);
}

}  // namespace

TEST(DrumGanNet, ThePapersGeneratorComputesWhatLibTorchComputes) {
    torch::manual_seed(11);
    DrumGanShape shape;
    shape.noise = 8;
    shape.hidden = 24;
    expectTheSameBars(PaperDrumGenerator(shape), DrumGanGenerator::Paper);
}

TEST(DrumGanNet, TheLstmGeneratorComputesWhatLibTorchComputes) {
    torch::manual_seed(12);
    DrumGanShape shape;
    shape.noise = 8;
    shape.hidden = 24;
    expectTheSameBars(LstmDrumGenerator(shape), DrumGanGenerator::Lstm);
}
