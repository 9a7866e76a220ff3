// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/engine/DrumGan.h"

namespace nf::engine {

PaperDrumGeneratorImpl::PaperDrumGeneratorImpl(const DrumGanShape& shape) : shape_(shape) {
    fc1_ = register_module("fc1", torch::nn::Linear(shape.noise, 256));
    bn1_ = register_module("bn1", torch::nn::BatchNorm1d(256));
    fc2_ = register_module("fc2", torch::nn::Linear(256, 512));
    bn2_ = register_module("bn2", torch::nn::BatchNorm1d(512));
    out_ = register_module("out", torch::nn::Linear(512, shape.steps * shape.classes));
}

torch::Tensor PaperDrumGeneratorImpl::forward(const torch::Tensor& noise) {
    auto x = torch::leaky_relu(bn1_->forward(fc1_->forward(noise)), 0.2);
    x = torch::leaky_relu(bn2_->forward(fc2_->forward(x)), 0.2);
    return torch::sigmoid(out_->forward(x)).view({noise.size(0), shape_.steps, shape_.classes});
}

LstmDrumGeneratorImpl::LstmDrumGeneratorImpl(const DrumGanShape& shape) : shape_(shape) {
    in_ = register_module("in", torch::nn::Linear(shape.noise, shape.hidden));
    lstm_ = register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(shape.hidden, shape.hidden).batch_first(true)));
    out_ = register_module("out", torch::nn::Linear(shape.hidden, shape.classes));
}

torch::Tensor LstmDrumGeneratorImpl::forward(const torch::Tensor& noise) {
    // The same noise at every step, plus a little of its own per step, so a bar is one idea that still moves.
    const auto perStep = noise.unsqueeze(1).expand({noise.size(0), shape_.steps, noise.size(1)}) +
                         0.1 * torch::randn({noise.size(0), shape_.steps, noise.size(1)}, noise.options());
    const auto x = torch::tanh(in_->forward(perStep));
    const auto y = std::get<0>(lstm_->forward(x));
    return torch::sigmoid(out_->forward(y));
}

DrumCriticImpl::DrumCriticImpl(const DrumGanShape& shape) {
    lstm_ = register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(shape.classes, shape.hidden).batch_first(true)));
    score_ = register_module("score", torch::nn::Linear(shape.hidden, 1));
}

torch::Tensor DrumCriticImpl::forward(const torch::Tensor& patterns) {
    const auto y = std::get<0>(lstm_->forward(patterns));
    return score_->forward(y.select(1, y.size(1) - 1)).squeeze(1);
}

torch::Tensor straightThroughHits(const torch::Tensor& probabilities) {
    const auto hits = torch::bernoulli(probabilities.detach());
    return hits + probabilities - probabilities.detach();
}

torch::Tensor gradientPenalty(DrumCritic& critic, const torch::Tensor& real, const torch::Tensor& fake) {
    // cuDNN's RNN cannot be differentiated twice: the penalty pass runs without it (a no-op on the CPU).
    const bool cudnn = at::globalContext().userEnabledCuDNN();
    at::globalContext().setUserEnabledCuDNN(false);
    const auto alpha = torch::rand({real.size(0), 1, 1}, real.options());
    const auto mixed = (alpha * real.detach() + (1 - alpha) * fake.detach()).requires_grad_(true);
    const auto scores = critic->forward(mixed);
    const auto grad = torch::autograd::grad({scores.sum()}, {mixed}, {}, /*retain_graph=*/true, /*create_graph=*/true)[0];
    const auto penalty = (grad.flatten(1).norm(2, 1) - 1).pow(2).mean();
    at::globalContext().setUserEnabledCuDNN(cudnn);
    return penalty;
}

}  // namespace nf::engine
