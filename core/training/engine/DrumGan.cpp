// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/engine/DrumGan.h"

namespace nf::engine {

PaperDrumGeneratorImpl::PaperDrumGeneratorImpl(const DrumGanShape& shape) : shape_(shape) {
    fc1_ = register_module("fc1", torch::nn::Linear(shape.noise, 256));
    bn1_ = register_module("bn1", torch::nn::BatchNorm1d(256));
    fc2_ = register_module("fc2", torch::nn::Linear(256, 512));
    bn2_ = register_module("bn2", torch::nn::BatchNorm1d(512));
    fc3_ = register_module("fc3", torch::nn::Linear(512, 1024));
    bn3_ = register_module("bn3", torch::nn::BatchNorm1d(1024));
    out_ = register_module("out", torch::nn::Linear(1024, shape.steps * shape.channels()));
}

torch::Tensor PaperDrumGeneratorImpl::forward(const torch::Tensor& noise, const torch::Tensor& conditions) {
    if (conditions.defined()) throw std::invalid_argument("the paper's drum GAN generator takes no conditions");
    auto x = bn1_->forward(torch::leaky_relu(fc1_->forward(noise), 0.2));
    x = bn2_->forward(torch::leaky_relu(fc2_->forward(x), 0.2));
    x = bn3_->forward(torch::leaky_relu(fc3_->forward(x), 0.2));
    return torch::sigmoid(out_->forward(x)).view({noise.size(0), shape_.steps, shape_.channels()});
}

LstmDrumGeneratorImpl::LstmDrumGeneratorImpl(const DrumGanShape& shape) : shape_(shape) {
    in_ = register_module("in", torch::nn::Linear(shape.noise + shape.steps + shape.conditions, shape.hidden));
    lstm_ = register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(shape.hidden, shape.hidden).batch_first(true)));
    out_ = register_module("out", torch::nn::Linear(shape.hidden, shape.channels()));
}

torch::Tensor LstmDrumGeneratorImpl::forward(const torch::Tensor& noise, const torch::Tensor& conditions) {
    if (conditions.defined() != (shape_.conditions > 0))
        throw std::invalid_argument(shape_.conditions > 0 ? "this drum GAN generator is conditioned: give its conditions"
                                                          : "this drum GAN generator takes no conditions");
    const int64_t batch = noise.size(0);
    const auto perStep = noise.unsqueeze(1).expand({batch, shape_.steps, noise.size(1)});
    const auto position = torch::eye(shape_.steps, noise.options()).unsqueeze(0).expand({batch, shape_.steps, shape_.steps});
    const auto input = conditions.defined() ? torch::cat({perStep, position, conditions}, 2) : torch::cat({perStep, position}, 2);
    const auto x = torch::tanh(in_->forward(input));
    const auto y = std::get<0>(lstm_->forward(x));
    return torch::sigmoid(out_->forward(y));
}

DrumCriticImpl::DrumCriticImpl(const DrumGanShape& shape) {
    lstm_ = register_module(
        "lstm", torch::nn::LSTM(torch::nn::LSTMOptions(shape.channels() + shape.conditions, shape.hidden).batch_first(true)));
    bidirectional_ = register_module(
        "bidirectional", torch::nn::LSTM(torch::nn::LSTMOptions(shape.hidden, shape.hidden).batch_first(true).bidirectional(true)));
    score_ = register_module("score", torch::nn::Linear(2 * shape.hidden, 1));
}

torch::Tensor DrumCriticImpl::forward(const torch::Tensor& patterns, const torch::Tensor& conditions) {
    const auto y = std::get<0>(lstm_->forward(conditions.defined() ? torch::cat({patterns, conditions}, 2) : patterns));
    const auto z = std::get<0>(bidirectional_->forward(y));
    return score_->forward(z.mean(1)).squeeze(1);
}

torch::Tensor straightThroughHits(const torch::Tensor& probabilities) {
    const auto hits = torch::bernoulli(probabilities.detach());
    return hits + probabilities - probabilities.detach();
}

torch::Tensor drumGanPatterns(const torch::Tensor& output, int classes) {
    const auto hits = straightThroughHits(output.narrow(2, 0, classes));
    return torch::cat({hits, hits * output.narrow(2, classes, classes)}, 2);
}

torch::Tensor gradientPenalty(DrumCritic& critic, const torch::Tensor& real, const torch::Tensor& fake,
                              const torch::Tensor& conditions) {
    // cuDNN's RNN cannot be differentiated twice: the penalty pass runs without it (a no-op on the CPU). Restored
    // however the pass ends, so an error here never leaves the process without cuDNN.
    struct CudnnOff {
        bool was = at::globalContext().userEnabledCuDNN();
        CudnnOff() { at::globalContext().setUserEnabledCuDNN(false); }
        ~CudnnOff() { at::globalContext().setUserEnabledCuDNN(was); }
        CudnnOff(const CudnnOff&) = delete;
        CudnnOff& operator=(const CudnnOff&) = delete;
    } cudnnOff;
    const auto alpha = torch::rand({real.size(0), 1, 1}, real.options());
    const auto mixed = (alpha * real.detach() + (1 - alpha) * fake.detach()).requires_grad_(true);
    const auto scores = critic->forward(mixed, conditions);
    const auto grad = torch::autograd::grad({scores.sum()}, {mixed}, {}, /*retain_graph=*/true, /*create_graph=*/true)[0];
    return (grad.flatten(1).norm(2, 1) - 1).pow(2).mean();
}

}  // namespace nf::engine
