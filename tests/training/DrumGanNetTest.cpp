// SPDX-License-Identifier: GPL-3.0-or-later
// The drum GAN's generator without LibTorch (drums/DrumGanNet, what the studio and the CLI generate with) computes
// what training's LibTorch generator computes, for the paper's generator (BatchNorm on its running statistics) and
// NoteForge's LSTM generator, from the tensors a model file stores.
#include <gtest/gtest.h>

#include "drums/DrumClass.h"
#include "drums/DrumGanNet.h"
#include "drums/DrumGanSampling.h"
#include "training/engine/DrumGan.h"
#include "training/engine/TensorIO.h"

using namespace nf;
using namespace nf::engine;

namespace {

template <typename Generator>
void expectTheSameBars(Generator generator, DrumGanGenerator kind, bool band = false, bool primer = false) {
    DrumGanShape shape;
    shape.noise = 8;
    shape.hidden = 24;
    shape.conditions = (band ? 5 : 0) + (primer ? 2 * kDrumClassCount : 0);
    auto root = std::make_shared<torch::nn::Module>();
    root->register_module("generator", generator);
    // A few training-mode passes move BatchNorm's running statistics off their start (mean 0, variance 1), so the
    // test sees whether they are read.
    const auto conditionsOf = [&](int64_t batch) {
        return shape.conditions > 0 ? torch::rand({batch, 16, shape.conditions}).round() : torch::Tensor();
    };
    for (int i = 0; i < 3; ++i) generator->forward(torch::randn({16, shape.noise}) * 2 + 0.5, conditionsOf(16));
    generator->eval();

    ModelConfig config = TrainingConfig::forModel(ModelKind::DrumGan).model;
    config.hiddenSize = shape.hidden;
    config.gan.generator = kind;
    config.gan.noise = shape.noise;
    config.gan.band = band;
    config.gan.primer = primer;
    ModelFile file;
    for (const auto& item : root->named_parameters()) file.tensors.push_back(fromTorch(item.key(), item.value()));
    for (const auto& item : root->named_buffers())
        if (item.value().is_floating_point()) file.tensors.push_back(fromTorch(item.key(), item.value()));
    const DrumGanNet net = DrumGanNet::fromModel(file, config, "test.nfm");
    ASSERT_EQ(net.steps(), 16);

    torch::NoGradGuard noGrad;
    for (int trial = 0; trial < 3; ++trial) {
        const auto noise = torch::randn({1, shape.noise});
        const auto conditions = conditionsOf(1);
        const auto expected = generator->forward(noise, conditions).contiguous();
        const std::vector<float> input(noise.template data_ptr<float>(), noise.template data_ptr<float>() + shape.noise);
        const std::vector<float> given = conditions.defined()
            ? std::vector<float>(conditions.template data_ptr<float>(), conditions.template data_ptr<float>() + conditions.numel())
            : std::vector<float>{};
        const std::vector<float> got = net.forward(input, given);
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

// Conditioned on the band and on the bar before (the step's input [noise][position][band][bar before]).
TEST(DrumGanNet, TheConditionedLstmGeneratorComputesWhatLibTorchComputes) {
    torch::manual_seed(13);
    for (const auto& [band, primer] : {std::pair{true, false}, std::pair{false, true}, std::pair{true, true}}) {
        SCOPED_TRACE(std::to_string(band) + std::to_string(primer));
        DrumGanShape shape;
        shape.noise = 8;
        shape.hidden = 24;
        shape.conditions = (band ? 5 : 0) + (primer ? 2 * kDrumClassCount : 0);
        expectTheSameBars(LstmDrumGenerator(shape), DrumGanGenerator::Lstm, band, primer);
    }
}

// A part from a conditioned generator: each bar is written against its band and, where it follows the bar before,
// that bar as sampled (a primer before the first); a bar that does not follow starts afresh. Checked against
// forward() on the conditions laid out by hand (drumGanBarConditions) and the part's own noise chain.
TEST(DrumGanNet, APartsBarsHearTheirBandAndTheBarTheyFollow) {
    torch::manual_seed(14);
    DrumGanShape shape;
    shape.noise = 8;
    shape.hidden = 24;
    shape.conditions = 5 + 2 * kDrumClassCount;
    LstmDrumGenerator generator(shape);
    auto root = std::make_shared<torch::nn::Module>();
    root->register_module("generator", generator);
    ModelConfig config = TrainingConfig::forModel(ModelKind::DrumGan).model;
    config.hiddenSize = shape.hidden;
    config.gan.generator = DrumGanGenerator::Lstm;
    config.gan.noise = shape.noise;
    config.gan.band = true;
    config.gan.primer = true;
    ModelFile file;
    for (const auto& item : root->named_parameters()) file.tensors.push_back(fromTorch(item.key(), item.value()));
    const DrumGanNet net = DrumGanNet::fromModel(file, config, "test.nfm");
    EXPECT_TRUE(net.hearsTheBand());
    EXPECT_TRUE(net.continuesABar());

    DrumBar primer{4, 4, std::vector<DrumStep>(16)};
    for (int s = 0; s < 16; s += 4) primer.steps[static_cast<std::size_t>(s)][static_cast<std::size_t>(DrumClass::Kick)] = 4;
    BandOnsets band(3, std::vector<BandStep>(16));
    band[1][3] = {1, true};
    band[2][7] = {4, false};
    DrumGanPartCue cue;
    cue.band = &band;
    cue.primer = &primer;
    cue.followsPrevious = {true, true, false};
    std::vector<std::vector<float>> probabilities;
    const std::vector<DrumBar> bars = net.sampleBars(3, 21, &probabilities, cue);
    ASSERT_EQ(bars.size(), 3u);

    DrumGanNoise noise(shape.noise, config.gan.barCorrelation, 21);
    const DrumBar* previous[] = {&primer, &bars[0], nullptr};
    std::vector<float> conditions(static_cast<std::size_t>(16 * shape.conditions));
    for (std::size_t b = 0; b < 3; ++b) {
        drumGanBarConditions(config.gan, 16, DrumGanBarCue{&band[b], previous[b]}, conditions.data());
        EXPECT_EQ(probabilities[b], net.forward(noise.next(), conditions)) << "bar " << b + 1;
    }
    // The primer is heard: without it the first bar's outputs differ.
    cue.primer = nullptr;
    std::vector<std::vector<float>> fresh;
    net.sampleBars(1, 21, &fresh, cue);
    EXPECT_NE(fresh[0], probabilities[0]);
}
