// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/training (includes LibTorch): never include from a header the UI or CLI sees.
//
// The paper's third experiment, a drum-pattern GAN, rebuilt so that it learns (issue 19). As published, its
// generator never trained: the combined Keras model held no trainable generator weights, so only the
// discriminator moved. Here the networks and one adversarial step stand on their own, and a test checks that
// every generator parameter receives gradient and changes (tests/training/DrumGanTest.cpp). What makes such a GAN
// train, and why:
//   - A Wasserstein critic with a gradient penalty (WGAN-GP) instead of a saturating discriminator: the generator
//     gets a useful gradient even when the critic wins easily, which with binary drum data it does at first.
//   - The critic's LSTM is LibTorch's own torch::nn::LSTM, not NoteForge's fused training LSTM: the penalty
//     differentiates the critic's input gradient again (double backward), which the fused kernel does not provide.
//     (cuDNN's RNN has no double backward either: on CUDA the penalty pass runs with cuDNN off.)
//   - Straight-through outputs: the generator's step probabilities are sampled to hits (0/1) on the way forward and
//     passed as probabilities on the way back, so the critic sees multi-hot patterns like the data's instead of soft
//     values it could tell apart at once, and the generator still gets a gradient.
//   - Velocity as a second channel: the generator writes a hit probability and a velocity level per class and step;
//     the critic sees hits and hit x velocity, so accents are learnt with the pattern.
// Trained by DrumGanSession on one-bar patterns of the drums representation (DrumGanData); the model file's
// generator is run without LibTorch by drums/DrumGanNet for generation.
#pragma once

#include <torch/torch.h>

namespace nf::engine {

// Patterns are [batch, steps, 2 x classes]: hits (0/1) for each class, then hit x velocity level (0..1).
struct DrumGanShape {
    int steps = 16;        // one 4/4 bar of sixteenths
    int classes = 11;      // drums/DrumClass.h
    int noise = 64;
    int hidden = 128;
    int conditions = 0;    // features per step a conditioned generator and its critic read (drums/DrumGanSampling.h)
    int channels() const { return 2 * classes; }
};

// The paper's generator (its table: Dense, LeakyReLU, BatchNorm three times, then Dense): noise -> 256 -> 512 ->
// 1024 -> a bar. Returns [B, steps, 2 x classes]: hit probabilities, then velocity levels, both in (0, 1).
class PaperDrumGeneratorImpl : public torch::nn::Module {
public:
    explicit PaperDrumGeneratorImpl(const DrumGanShape& shape);
    // The paper's generator hears nothing: conditions are refused (std::invalid_argument).
    torch::Tensor forward(const torch::Tensor& noise, const torch::Tensor& conditions = {});

private:
    DrumGanShape shape_;
    torch::nn::Linear fc1_{nullptr}, fc2_{nullptr}, fc3_{nullptr}, out_{nullptr};
    torch::nn::BatchNorm1d bn1_{nullptr}, bn2_{nullptr}, bn3_{nullptr};
};
TORCH_MODULE(PaperDrumGenerator);

// NoteForge's generator: an LSTM over the bar's steps fed the bar's noise, the step's position (one-hot) and, when
// conditioned (shape.conditions > 0), the step's conditions [B, steps, conditions]: the band's onsets on it and the
// same step of the bar before. So a groove unfolds in time, each step knows where in the bar it is, and what it
// plays against. Same output as the paper's.
class LstmDrumGeneratorImpl : public torch::nn::Module {
public:
    explicit LstmDrumGeneratorImpl(const DrumGanShape& shape);
    torch::Tensor forward(const torch::Tensor& noise, const torch::Tensor& conditions = {});

private:
    DrumGanShape shape_;
    torch::nn::Linear in_{nullptr}, out_{nullptr};
    torch::nn::LSTM lstm_{nullptr};
};
TORCH_MODULE(LstmDrumGenerator);

// The critic, as the paper's discriminator: an LSTM, then a bidirectional LSTM, over the steps; their mean over
// the bar scored by a linear layer (a Wasserstein critic: no sigmoid). A conditioned GAN's critic reads each
// step's conditions beside the pattern, so it scores the bar against the band and the bar before, not alone.
class DrumCriticImpl : public torch::nn::Module {
public:
    explicit DrumCriticImpl(const DrumGanShape& shape);
    // patterns [B, steps, 2 x classes] (+ conditions [B, steps, shape.conditions]) -> scores [B]
    torch::Tensor forward(const torch::Tensor& patterns, const torch::Tensor& conditions = {});

private:
    torch::nn::LSTM lstm_{nullptr}, bidirectional_{nullptr};
    torch::nn::Linear score_{nullptr};
};
TORCH_MODULE(DrumCritic);

// Hits sampled from probabilities, with the probabilities' gradient (straight-through).
torch::Tensor straightThroughHits(const torch::Tensor& probabilities);

// A generator's output as the critic sees patterns: straight-through hits, then hits x velocity.
torch::Tensor drumGanPatterns(const torch::Tensor& output, int classes);

// The gradient penalty of WGAN-GP: (|| d critic / d x || - 1)^2 at random points between real and fake patterns
// (the conditions, the same for both, are not mixed: the penalty is on the patterns).
torch::Tensor gradientPenalty(DrumCritic& critic, const torch::Tensor& real, const torch::Tensor& fake,
                              const torch::Tensor& conditions = {});

struct DrumGanLosses {
    double critic = 0;     // the critic's loss without the penalty: -(its Wasserstein estimate)
    double generator = 0;
    double penalty = 0;
};

// One adversarial round: `criticSteps` critic updates on `real` against the generator's patterns, then one
// generator update. The optimizers hold their networks' parameters. Works for either generator. A conditioned GAN's
// `conditions` are the real bars' own: the generator writes against them and the critic judges both under them.
template <typename Generator>
DrumGanLosses drumGanStep(Generator& generator, DrumCritic& critic, torch::optim::Optimizer& generatorOptimizer,
                          torch::optim::Optimizer& criticOptimizer, const torch::Tensor& real, int noise, int classes,
                          int criticSteps = 5, double penaltyWeight = 10.0, const torch::Tensor& conditions = {}) {
    DrumGanLosses losses;
    const int64_t batch = real.size(0);
    for (int k = 0; k < criticSteps; ++k) {
        torch::Tensor fake;
        {
            torch::NoGradGuard noGrad;
            fake = drumGanPatterns(generator->forward(torch::randn({batch, noise}, real.options()), conditions), classes);
        }
        criticOptimizer.zero_grad();
        const torch::Tensor wasserstein = critic->forward(fake, conditions).mean() - critic->forward(real, conditions).mean();
        const torch::Tensor penalty = gradientPenalty(critic, real, fake, conditions);
        const torch::Tensor loss = wasserstein + penaltyWeight * penalty;
        loss.backward();
        criticOptimizer.step();
        losses.critic = wasserstein.item<double>();
        losses.penalty = penalty.item<double>();
    }
    generatorOptimizer.zero_grad();
    criticOptimizer.zero_grad();
    const torch::Tensor fake =
        drumGanPatterns(generator->forward(torch::randn({batch, noise}, real.options()), conditions), classes);
    const torch::Tensor loss = -critic->forward(fake, conditions).mean();
    loss.backward();
    generatorOptimizer.step();
    losses.generator = loss.item<double>();
    return losses;
}

}  // namespace nf::engine
